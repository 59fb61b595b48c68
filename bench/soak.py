"""Soak: minutes of mixed API and HTML load at twice the peak, an editor publishing throughout.

    .venv/bin/python -m bench.soak                    # 10 minutes (the figures in bench/README.md)
    .venv/bin/python -m bench.soak --duration 60      # a quick look

The same private PostgreSQL and Redis as bench/faults.py (loopback, temporary
folders, their own ports), gunicorn with the production settings, and:

1. **peak**: wrk drives the URL mix (every clinic's treatment page, treatments
   index, API detail, API listing and find, and the brand's treatment page) at
   4, 8 and 16 connections for a few seconds each; the connection count with the
   most requests per second is the peak;
2. **soak**: wrk at twice that many connections for `--duration` seconds while
   an editor publishes a new summary of the treatment every clinic carries every
   few seconds, and probe threads re-read every URL that shows the summary.

It fails on any 5xx or socket error, on any stale read (a probe that started
after a publish returned and shows an older summary), and when the app's memory
grows: the mean RSS of gunicorn (master and workers) over the last quarter of the
soak may be at most 20 % above the first quarter's.
"""

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench import faults

ROOT = faults.ROOT
PY = faults.PY
LOG = ROOT / "bench" / "results" / "soak-gunicorn.log"  # not committed
WRK_SCRIPT = """
local targets = {}
for line in io.lines(os.getenv("SOAK_TARGETS")) do
  local host, path = line:match("^(%S+) (%S+)$")
  table.insert(targets, {host = host, path = path})
end
local threads = {}
function setup(thread) table.insert(threads, thread) end
local i = math.random(#targets)
server_errors = 0
function request()
  i = i % #targets + 1
  return wrk.format("GET", targets[i].path, {Host = targets[i].host})
end
function response(status) if status >= 500 then server_errors = server_errors + 1 end end
function done()
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("server_errors") end
  io.write(string.format("SERVER_ERRORS %d\\n", total))
end
"""


def rss_kib(root_pid):
    """Resident memory of gunicorn's master and its workers, in KiB."""
    pids = [root_pid]
    children = Path(f"/proc/{root_pid}/task/{root_pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    total = 0
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.M)
        total += int(match.group(1)) if match else 0
    return total


def wrk(targets_file, script_file, connections, seconds, port=None):
    """One wrk run (at the app, or at `port`): requests/s, requests, 5xx and socket errors."""
    result = subprocess.run(
        [
            "wrk",
            f"-t{min(2, connections)}",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-s",
            str(script_file),
            f"http://127.0.0.1:{port or faults.APP_PORT}",
        ],
        env={**os.environ, "SOAK_TARGETS": str(targets_file)},
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise RuntimeError(f"wrk failed: {result.stderr or result.stdout}")
    out = result.stdout

    def number(pattern):
        match = re.search(pattern, out)
        return int(match.group(1)) if match else 0

    socket = re.search(r"connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return {
        "connections": connections,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "requests": number(r"(\d+) requests in"),
        "5xx": number(r"SERVER_ERRORS (\d+)"),
        "non_2xx_3xx": number(r"Non-2xx or 3xx responses: (\d+)"),
        "socket_errors": sum(map(int, socket.groups())) if socket else 0,
    }


def clinic_targets(pages):
    """Every site's HTML and API URLs for the treatment all clinics carry."""
    targets = []
    for host, page_id in pages:
        targets += [
            (host, "/treatments/treatment-1/"),
            (host, "/treatments/"),
            (host, f"/api/v2/pages/{page_id}/"),
            (host, "/api/v2/pages/?type=treatments.TreatmentPage&fields=summary"),
        ]
    return targets


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=600, help="seconds of soak")
    parser.add_argument("--clinics", type=int, default=3)
    parser.add_argument("--publish-every", type=float, default=3.0)
    args = parser.parse_args(argv)
    if faults.PG_BIN is None or not shutil.which("redis-server") or not shutil.which("wrk"):
        print("soak: PostgreSQL, redis-server and wrk are required (make bench-deps)")
        return 2

    pg, redis = faults.PrivatePostgres(), faults.PrivateRedis()
    pg.start()
    redis.start()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{faults.PG_PORT}/postgres",
        "REDIS_URL": f"redis://127.0.0.1:{faults.REDIS_PORT}/0",
        "CONN_MAX_AGE": "60",
    }
    work = Path(tempfile.mkdtemp(prefix="clinic-soak-"))
    app = None
    try:
        subprocess.run(
            [PY, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
        )
        built = subprocess.run(
            [PY, "-m", "bench.content", f"--clinics={args.clinics}", "--treatments=5"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        summary = json.loads(built.stdout.strip().splitlines()[-1])
        LOG.parent.mkdir(exist_ok=True)
        app = subprocess.Popen(
            [
                *(PY, "-m", "gunicorn", "cms.wsgi"),
                *("--config", str(ROOT / "bench" / "gunicorn_conf.py")),
                *("--bind", f"127.0.0.1:{faults.APP_PORT}"),
                *("--workers", "2", "--threads", "4", "--worker-class", "gthread"),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=open(LOG, "w"),  # noqa: SIM115 - the app's log, read after a failure
            start_new_session=True,
        )
        faults.wait_until_ready(summary["host"])
        targets = clinic_targets(site_pages(env))
        targets_file, script_file = work / "targets.txt", work / "mix.lua"
        targets_file.write_text("".join(f"{h} {p}\n" for h, p in targets))
        script_file.write_text(WRK_SCRIPT)
        wrk(targets_file, script_file, 4, 3)  # warm the caches

        peak_runs = [wrk(targets_file, script_file, c, 8) for c in (4, 8, 16)]
        peak = max(peak_runs, key=lambda run: run["rps"])
        print("peak:", json.dumps(peak_runs))

        recorder, stop = faults.Recorder(), threading.Event()
        workers = [
            threading.Thread(
                target=faults.probe,
                args=(recorder, "soak", faults.APP_PORT, targets, stop),
            )
            for _ in range(2)
        ]
        workers.append(
            threading.Thread(target=faults.editor, args=(recorder, env, stop, args.publish_every))
        )
        memory = []
        sampling = threading.Event()

        def sample():
            while not sampling.is_set():
                memory.append((time.time(), rss_kib(app.pid)))
                sampling.wait(5)

        workers.append(threading.Thread(target=sample))
        for thread in workers:
            thread.start()
        soak = wrk(targets_file, script_file, 2 * peak["connections"], args.duration)
        stop.set()
        sampling.set()
        for thread in workers:
            thread.join(timeout=60)
        return report(peak, soak, recorder, memory)
    finally:
        if app is not None:
            os.killpg(app.pid, signal.SIGTERM)
        redis.stop()
        pg.cleanup()
        shutil.rmtree(work, ignore_errors=True)


def site_pages(env):
    """(hostname, id of its treatment-1) for the brand and every clinic, the brand first."""
    code = (
        "import json; from wagtail.models import Site; from treatments.models import TreatmentPage;"
        "print(json.dumps([(s.hostname, TreatmentPage.objects.descendant_of(s.root_page)"
        ".get(slug='treatment-1').pk) for s in Site.objects.order_by('-is_default_site', 'hostname')]))"
    )
    result = subprocess.run(
        [PY, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def report(peak, soak, recorder, memory):
    failures = []
    rows, publishes = recorder.responses, sorted(recorder.publishes)
    stale = probe_errors = 0
    for started, _finished, _phase, url, status, marker, _ in rows:
        if status != 200:
            probe_errors += 1
            print(f"  probe: {url} -> {status}")
            continue
        newest_before = max((n for t, n in publishes if t < started), default=None)
        if marker is not None and newest_before is not None and marker < newest_before:
            stale += 1
    quarter = max(1, len(memory) // 4)
    rss_first = sum(kib for _, kib in memory[:quarter]) / quarter
    rss_last = sum(kib for _, kib in memory[-quarter:]) / quarter
    figures = {
        "peak_connections": peak["connections"],
        "peak_rps": peak["rps"],
        "soak_connections": soak["connections"],
        "soak_rps": soak["rps"],
        "requests": soak["requests"] + len(rows),
        "5xx": soak["5xx"],
        "other_errors": soak["non_2xx_3xx"] - soak["5xx"],
        "socket_errors": soak["socket_errors"],
        "probe_errors": probe_errors,
        "stale_reads": stale,
        "publishes": len(publishes),
        "rss_start_mib": round(memory[0][1] / 1024, 1) if memory else None,
        "rss_end_mib": round(memory[-1][1] / 1024, 1) if memory else None,
        "rss_first_quarter_mib": round(rss_first / 1024, 1),
        "rss_last_quarter_mib": round(rss_last / 1024, 1),
    }
    print("soak:", json.dumps(figures))
    if soak["5xx"] or soak["non_2xx_3xx"] or soak["socket_errors"] or probe_errors:
        failures.append("error responses, socket or probe errors under load")
    if stale:
        failures.append(f"{stale} stale reads")
    if not publishes:
        failures.append("no publish succeeded")
    if rss_last > 1.2 * rss_first:
        failures.append(f"memory grew from {rss_first:.0f} to {rss_last:.0f} KiB")
    for failure in failures:
        print("FAIL", failure)
    print("soak: " + ("FAILED" if failures else "passed"))
    return 1 if failures else 0


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # a stop still runs the cleanup
    sys.exit(main())
