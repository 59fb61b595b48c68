"""Refactor check: the same database answers every public URL the same with older code.

    .venv/bin/python -m bench.refactor_check --base 33ac991     # make refactor-check BASE=33ac991

A refactor must not change what visitors and front ends receive. In a private
temporary folder this checks out `--base` (a commit) into a git worktree,
builds the demo content with it into a new SQLite database, crawls every
public URL with the base code (bench/snapshot.py: HTML, sitemaps, search, API
listings, details, finds, the OpenAPI document and the media they link to),
then crawls the same database again with this checkout's code, each with its
own empty cache, and compares status, content type and body digest of every
URL. Both trees must share their migrations: a change that adds one is not a
refactor.
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

from bench.restore_check import MIN_URLS, report, side_env
from bench.snapshot import compare

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def _run(cwd, env, *args):
    result = subprocess.run([PY, *args], cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed in {cwd}:\n{result.stderr[-3000:]}")
    return result


def crawl(tree, env, output):
    _run(tree, env, "-m", "bench.snapshot", "take", str(output), "--bodies")
    return json.loads(Path(output).read_text())


def run(work, base):
    started = time.monotonic()
    tree = work / "base"
    subprocess.run(
        ["git", "worktree", "add", "--detach", str(tree), base],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    try:
        environ = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
        database = f"sqlite:///{work}/demo.sqlite3"
        before_env = side_env(environ, database, work / "media", work / "cache-before")
        after_env = side_env(environ, database, work / "media", work / "cache-after")
        _run(tree, before_env, "manage.py", "migrate", "--noinput")
        _run(tree, before_env, "manage.py", "seed_demo")
        before = crawl(tree, before_env, work / "before.json")
        # The base code built the database; this checkout must find nothing to migrate.
        _run(ROOT, after_env, "manage.py", "migrate", "--check", "--noinput")
        after = crawl(ROOT, after_env, work / "after.json")
    finally:
        subprocess.run(
            ["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, capture_output=True
        )
    failures = []
    if len(before) < MIN_URLS:
        failures.append(f"the crawl found only {len(before)} URLs")
    differences = compare(before, after)
    if differences:
        failures.append(f"{differences} URLs answer differently than at {base}")
    print(f"  {len(before)} URLs compared in {round(time.monotonic() - started, 1)} s")
    return failures


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the commit whose answers must be kept")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="clinic-refactor-"))
    print(f"refactor check against {args.base} in {work}")
    try:
        failures = run(work, args.base)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return report("refactor check", failures)


if __name__ == "__main__":
    sys.exit(main())
