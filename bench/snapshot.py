"""Snapshot every public URL of a database's sites, and compare two snapshots.

A refactor that must not change behaviour, or a restore that must bring back
what was there, is checked the same way: crawl every site as an anonymous
visitor (HTML links, sitemaps, API listings and details, the links they carry),
record each response's status, content type and body digest, and compare.

    python -m bench.snapshot take before.json      # DATABASE_URL names the database
    python -m bench.snapshot take after.json
    python -m bench.snapshot compare before.json after.json

The crawl runs in-process with Django's test client (no server), from each
site's home, robots.txt, sitemap.xml, search and the API entry points; it
follows same-host links only and never enters the admin. Media files the
pages link to (images, renditions) are recorded by the digest of the stored
file, read through the storage API (no server serves them here), so a restore
that lost or damaged a file differs. Bodies are stored too (`--bodies`) so a
difference can be shown as a diff.
"""

import argparse
import difflib
import hashlib
import json
import logging
import os
import re
import sys
from collections import deque
from urllib.parse import quote, unquote, urljoin, urlsplit

MAX_URLS = 5000
SKIP_PREFIXES = ("/admin/", "/static/", "/django-admin/")
MEDIA_PREFIX = "/media/"
HREF = re.compile(r"""(?:href|src)=["']([^"'#]+)""")
LOC = re.compile(r"<loc>([^<]+)</loc>")
API_LISTINGS = (
    "/api/v2/pages/?fields=*",
    "/api/v2/pages/?type=treatments.TreatmentPage&fields=*",
    "/api/v2/images/",
    "/api/v2/documents/",
)
API_SEEDS = (
    "/api/v2/pages/",
    "/api/v2/clinic/",
    "/api/v2/tags/",
    "/api/v2/openapi.json",
)
HTML_SEEDS = ("/", "/robots.txt", "/sitemap.xml", "/search/?q=needling", "/search/?q=pain")


def _setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    import django

    django.setup()
    logging.disable(logging.WARNING)  # 4xx answers are part of the snapshot, not news


def _hosts():
    from wagtail.models import Site

    return sorted({site.hostname for site in Site.objects.all()})


def _links(path, content_type, body):
    """Same-site paths a response points to (HTML links, sitemap locs, API URLs, next pages)."""
    text = body.decode("utf-8", "replace")
    found = []
    if "json" in content_type and path.split("?")[0] in {p.split("?")[0] for p in API_LISTINGS}:
        found = _next_pages(path, text)
    if "json" in content_type:
        found += re.findall(r'"(https?://[^"\s]+|/api/v2/[^"\s]*)"', text)
    elif "xml" in content_type:
        found = LOC.findall(text)
    elif "html" in content_type:
        found = HREF.findall(text)
    else:
        found = re.findall(r"^Sitemap:\s*(\S+)", text, re.MULTILINE)
    links = (urljoin(path, link.replace("&amp;", "&")) for link in found if "{" not in link)
    return [link for link in links if urlsplit(link).scheme in ("", "http", "https")]


def _next_pages(path, text):
    """Every further page of an API listing (offset/limit), from its total_count."""
    try:
        total = json.loads(text)["meta"]["total_count"]
    except (ValueError, KeyError, TypeError):
        return []
    if "offset=" in path:
        return []
    joiner = "&" if "?" in path else "?"
    return [f"{path}{joiner}offset={offset}" for offset in range(20, total, 20)]


def _media_entry(path):
    """A media URL's answer, from the stored file: 200 and its digest, or 404."""
    from django.core.files.storage import default_storage

    name = unquote(path.split("?")[0][len(MEDIA_PREFIX) :])
    if not name or not default_storage.exists(name):
        return {"status": 404, "type": "media", "sha256": "", "location": None}
    with default_storage.open(name, "rb") as stream:
        digest = hashlib.sha256(stream.read()).hexdigest()
    return {"status": 200, "type": "media", "sha256": digest, "location": None}


def take(include_bodies=False):
    from django.test import Client

    client = Client()
    hosts = _hosts()
    seeds = (*HTML_SEEDS, *API_SEEDS, *API_LISTINGS)
    queue = deque((host, seed) for host in hosts for seed in seeds)
    seen, results = set(queue), {}
    while queue and len(results) < MAX_URLS:
        host, path = queue.popleft()
        if path.startswith(MEDIA_PREFIX):
            results[f"{host}{path}"] = _media_entry(path)
            continue
        response = client.get(path, HTTP_HOST=host)
        body = b"".join(response) if response.streaming else response.content
        content_type = response.get("Content-Type", "")
        entry = {
            "status": response.status_code,
            "type": content_type,
            "sha256": hashlib.sha256(body).hexdigest(),
            "location": response.get("Location"),
        }
        if include_bodies:
            entry["body"] = body.decode("utf-8", "replace")
        results[f"{host}{path}"] = entry
        links = _links(path, content_type, body)
        if response.status_code == 200 and "html" in content_type:
            links.append(f"/api/v2/pages/find/?html_path={quote(path.split('?')[0])}")
        for link in links:
            parts = urlsplit(link)
            link_host = (parts.hostname or host).lower()
            link_path = parts.path + (f"?{parts.query}" if parts.query else "")
            if link_host not in hosts or link_path.startswith(SKIP_PREFIXES):
                continue
            if (link_host, link_path) not in seen:
                seen.add((link_host, link_path))
                queue.append((link_host, link_path))
    return results


def _lines(entry):
    """A body as lines to diff: JSON indented (one long line says nothing), else as is."""
    body = entry["body"]
    if "json" in entry["type"]:
        try:
            return json.dumps(json.loads(body), indent=1, sort_keys=True).splitlines()
        except ValueError:
            pass
    return body.splitlines()


def compare(before, after, show=5):
    """Print every URL whose answer differs; return the number of differences."""
    differences = 0
    for url in sorted(set(before) | set(after)):
        old, new = before.get(url), after.get(url)
        same = old is not None and new is not None
        if same and (old["sha256"], old["status"], old["type"]) == (
            new["sha256"],
            new["status"],
            new["type"],
        ):
            continue
        differences += 1
        print(f"DIFFERS {url}")
        if old is None or new is None:
            print("   only in", "after" if old is None else "before")
            continue
        print(f"   status {old['status']} -> {new['status']}, type {old['type']} -> {new['type']}")
        if show and "body" in old and "body" in new:
            show -= 1
            diff = difflib.unified_diff(_lines(old), _lines(new), lineterm="", n=1)
            print("\n".join(f"   {line[:200]}" for line in list(diff)[:40]))
    print(f"{len(before)} URLs before, {len(after)} after, {differences} differ")
    return differences


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    take_parser = commands.add_parser("take", help="crawl the public surfaces into a JSON file")
    take_parser.add_argument("output")
    take_parser.add_argument("--bodies", action="store_true", help="store bodies for diffs")
    compare_parser = commands.add_parser("compare", help="compare two snapshot files")
    compare_parser.add_argument("before")
    compare_parser.add_argument("after")
    args = parser.parse_args(argv)
    if args.command == "take":
        _setup()
        results = take(args.bodies)
        with open(args.output, "w") as out:
            json.dump(results, out, indent=1, sort_keys=True)
        print(f"{len(results)} URLs written to {args.output}")
        return 0
    with open(args.before) as old, open(args.after) as new:
        return 1 if compare(json.load(old), json.load(new)) else 0


if __name__ == "__main__":
    sys.exit(main())
