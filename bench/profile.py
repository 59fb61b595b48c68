"""Where a cold request spends its time: cProfile of the uncached API detail, listing, find
and HTML page, the top entries by own time.

python -m bench.profile --size medium          # make profile
python -m bench.profile --size medium --requests 50 --top 25

Builds the size's content (bench/content.py, SQLite in /tmp, as bench/run.py does), then
in a child process with the response cache off renders each URL once to warm renditions
and Django's per-process caches, and profiles `--requests` more through the test client.
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import subprocess
import sys

from .run import ROOT, SIZES, build_content, endpoints


def profile(urls, host, requests, top):
    import django

    django.setup()
    from django.test import Client

    client = Client()
    for label, path in urls.items():
        client.get(path, HTTP_HOST=host)  # renditions, content types, site root paths
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(requests):
            response = client.get(path, HTTP_HOST=host)
        profiler.disable()
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        total = sum(row[2] for row in stats.stats.values())  # own time of every function
        print(
            f"== {label} {path}: status {response.status_code}, {requests} requests, "
            f"{1000 * total / requests:.1f} ms each (profiled)"
        )
        stats.sort_stats("tottime").print_stats(top)
        lines = [line for line in out.getvalue().splitlines() if line.strip()]
        start = next(i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls"))
        print("\n".join(lines[start : start + top + 1]))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="medium", choices=list(SIZES))
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        summary = json.loads(args.child)
        urls = {k: v for k, v in endpoints(summary).items() if k != "bare_json"}
        profile(urls, summary["host"], args.requests, args.top)
        return
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:////tmp/clinic-profile-{args.size}.sqlite3",
        "REDIS_URL": "",
        "DJANGO_SETTINGS_MODULE": "bench.settings",
    }
    summary = build_content(args.size, env)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.profile",
            "--size",
            args.size,
            "--requests",
            str(args.requests),
            "--top",
            str(args.top),
            "--child",
            json.dumps(summary),
        ],
        cwd=ROOT,
        env={**env, "RESPONSE_CACHE_ENABLED": "0", "CACHE_BACKEND": "locmem"},
        check=True,
    )


if __name__ == "__main__":
    main()
