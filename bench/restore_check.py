"""Restore check: back up a site, restore it into a fresh database and media folder, compare.

    .venv/bin/python -m bench.restore_check                      # SQLite (make restore-check)
    .venv/bin/python -m bench.restore_check --database postgres  # PostgreSQL on 127.0.0.1:5432

In a private temporary folder: builds the demo content (`seed_demo`: every
site, treatments, images and their renditions) into a new database, crawls
every public URL of every site into a snapshot (bench/snapshot.py: HTML,
sitemaps, search, API listings, details and finds, and the media files they
link to), runs `manage.py backup`, then `manage.py restore` into a second new
database with an empty media folder, crawls again and compares. It fails when
any URL answers differently, when the crawl found too little to prove anything,
or when a restore into a database that is not empty is not refused.

On PostgreSQL it creates two databases of its own (`clinic_restore_<pid>_src`
and `_dst`, on the server named by `--postgres`) and drops them afterwards;
nothing else on the server is touched.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.snapshot import compare

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
MIN_URLS = 100  # the demo content answers several hundred; fewer means the crawl broke
MIN_MEDIA = 4


def manage(env, *args, check=True):
    result = subprocess.run(
        [PY, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if check and result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result


def snapshot(env, output):
    result = subprocess.run(
        [PY, "-m", "bench.snapshot", "take", str(output)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise RuntimeError(f"snapshot failed:\n{result.stderr[-3000:]}")
    return json.loads(Path(output).read_text())


def side_env(base, database_url, media_root, cache_dir):
    return {
        **base,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media_root),
        # Each side has its own cache: the second crawl must never see the first one's responses.
        "CACHE_DIR": str(cache_dir),
        "REDIS_URL": "",
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "SITE_PORT": "8000",
    }


class PostgresDatabases:
    def __init__(self, server):
        self.server = server.rstrip("/")
        self.names = [f"clinic_restore_{os.getpid()}_{side}" for side in ("src", "dst")]

    def __enter__(self):
        for name in self.names:
            self._psql(f'DROP DATABASE IF EXISTS "{name}"')
            self._psql(f'CREATE DATABASE "{name}"')
        return [f"{self.server}/{name}" for name in self.names]

    def __exit__(self, *exc):
        for name in self.names:
            self._psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _psql(self, sql):
        subprocess.run(
            ["psql", f"{self.server}/postgres", "-q", "-c", sql], check=True, capture_output=True
        )


def run(work, source_url, target_url):
    started = time.monotonic()
    base = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    source = side_env(base, source_url, work / "media-src", work / "cache-src")
    target = side_env(base, target_url, work / "media-dst", work / "cache-dst")
    manage(source, "migrate", "--noinput")
    manage(source, "seed_demo")
    before = snapshot(source, work / "before.json")
    manage(source, "backup", str(work / "backup"))
    restored = manage(target, "restore", str(work / "backup"))
    print("  " + restored.stdout.strip().splitlines()[-1])
    after = snapshot(target, work / "after.json")
    failures = []
    refused = manage(target, "restore", str(work / "backup"), check=False)
    if refused.returncode == 0 or "not empty" not in refused.stderr:
        failures.append("a restore into a database that holds content was not refused")
    media = sum(1 for entry in before.values() if entry["type"] == "media")
    if len(before) < MIN_URLS or media < MIN_MEDIA:
        failures.append(f"the crawl found only {len(before)} URLs and {media} media files")
    differences = compare(before, after)
    if differences:
        failures.append(f"{differences} URLs answer differently after the restore")
    seconds = round(time.monotonic() - started, 1)
    print(f"  {len(before)} URLs ({media} media files) compared in {seconds} s")
    return failures


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="clinic-restore-"))
    print(f"restore check on {args.database} in {work}")
    try:
        if args.database == "sqlite":
            failures = run(work, f"sqlite:///{work}/src.sqlite3", f"sqlite:///{work}/dst.sqlite3")
        else:
            with PostgresDatabases(args.postgres) as (source_url, target_url):
                failures = run(work, source_url, target_url)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return report("restore check", failures)


def report(check, failures):
    """Print a check's failures and its verdict; the exit status."""
    for failure in failures:
        print("FAIL", failure)
    print(f"{check}: " + ("FAILED" if failures else "passed"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
