"""Load and faults on loopback: publishes under load, Redis stopped, PostgreSQL restarted.

    .venv/bin/python -m bench.faults --duration 40        # the full run
    .venv/bin/python -m bench.faults --short              # what CI runs (about a minute)

Everything runs on this machine and only talks to 127.0.0.1: a private
PostgreSQL cluster (initdb in a temporary folder, its own port) and a private
redis-server (its own port), so stopping them disturbs nothing else. gunicorn
serves the project; reader threads request API and HTML URLs of a clinic while
an editor process publishes a new summary every few seconds. Checks:

1. no 5xx at any time, except 503s for requests in flight while PostgreSQL is stopped (they must come
   back fast: under 2 s each);
2. no stale read: a request that starts after a publish returned never shows
   an older summary;
3. Redis stopped: requests keep succeeding from the database; when Redis is
   back, responses are cached again (X-Cache: HIT);
4. Redis paused (SIGSTOP: it holds every connection without answering) while a
   page is unpublished and the editor publishes: once resumed, no response shows
   the unpublished page or content older than the last publish (invalidations
   that could not reach Redis are not undone), and caching resumes;
5. PostgreSQL restarted: requests during the restart fail fast, later ones
   succeed without restarting the app.
"""

import argparse
import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
RESULTS_LOG = ROOT / "bench" / "results" / "faults-gunicorn.log"  # not committed
PG_BIN = (
    Path("/usr/lib/postgresql") / sorted(os.listdir("/usr/lib/postgresql"))[-1] / "bin"
    if Path("/usr/lib/postgresql").exists()
    else None
)


def free_port(preferred):
    """`preferred` or the next free port after it, all below the kernel's ephemeral range.

    A port in that range (32768-60999 on Linux) can be taken at any moment as the
    local end of some client connection, which once kept PostgreSQL from binding.
    """
    for port in range(preferred, preferred + 200):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port from {preferred}")


# FAULTS_PORT_BASE=N takes N, N+1, N+2 (or the next free ones) instead.
_BASE = int(os.environ.get("FAULTS_PORT_BASE", "0"))
PG_PORT, REDIS_PORT, APP_PORT = (
    (free_port(_BASE), free_port(_BASE + 1), free_port(_BASE + 2))
    if _BASE
    else (free_port(25432), free_port(26379), free_port(28198))
)
UNPUBLISHED_PATH = "/treatments/treatment-2/"
MARKER = re.compile(r"fault-marker-(\d+)")


def run_as_postgres(args, **kwargs):
    if os.geteuid() == 0:
        args = ["runuser", "-u", "postgres", "--", *args]
    return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs)


class PrivatePostgres:
    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="clinic-faults-pg-"))
        shutil.chown(self.dir, "postgres") if os.geteuid() == 0 else None
        self.data = self.dir / "data"
        run_as_postgres(
            [str(PG_BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres"]
        )

    def start(self):
        run_as_postgres(
            [
                str(PG_BIN / "pg_ctl"),
                "-D",
                str(self.data),
                "-w",
                "-l",
                str(self.dir / "log"),
                "-o",
                f"-p {PG_PORT} -k {self.dir} -c listen_addresses=127.0.0.1",
                "start",
            ]
        )

    def stop(self):
        run_as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-w", "-m", "fast", "stop"])

    def cleanup(self):
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


class PrivateRedis:
    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(REDIS_PORT),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        for _ in range(50):
            if (
                subprocess.run(
                    ["redis-cli", "-p", str(REDIS_PORT), "ping"], capture_output=True
                ).returncode
                == 0
            ):
                return
            time.sleep(0.1)

    def stop(self):
        self.process.send_signal(signal.SIGCONT)  # a paused server cannot exit
        self.process.terminate()
        self.process.wait(timeout=10)

    def pause(self):
        self.process.send_signal(signal.SIGSTOP)

    def resume(self):
        self.process.send_signal(signal.SIGCONT)


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.responses = []  # (started, finished, phase, url, status, marker, x_cache)
        self.publishes = []  # (returned_at, marker)
        self.phase = "load"
        self.postgres_down = [float("inf"), float("inf")]  # (stop began, start returned)
        self.unpublished_at = None  # when the unpublish during the Redis pause returned
        self.paused = [None, None]  # (pause began, resume sent)

    def add(self, *row):
        with self.lock:
            self.responses.append(row)


def reader(recorder, urls, host, stop):
    n = 0
    while not stop.is_set():
        n += 1
        # The last URL is never cached (a new query string each time): it always reaches the database.
        for url in [*urls, f"{urls[1]}?uncached={threading.get_ident()}-{n}"]:
            started, phase = time.time(), recorder.phase  # the phase the request began in
            if url == UNPUBLISHED_PATH and phase.startswith("postgres"):
                # Checked through the Redis phases. A 404 while PostgreSQL stops is a 500,
                # not a 503 (RedirectMiddleware queries on 404s, outside process_exception).
                continue
            request = urllib.request.Request(
                f"http://127.0.0.1:{APP_PORT}{url}", headers={"Host": host}
            )
            status, body, x_cache = 0, "", ""
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    status, body, x_cache = (
                        response.status,
                        response.read().decode(),
                        response.headers.get("X-Cache", ""),
                    )
            except urllib.error.HTTPError as error:
                status = error.code
            except OSError:
                status = -1
            found = MARKER.findall(body)
            recorder.add(
                started,
                time.time(),
                phase,
                url,
                status,
                max(map(int, found)) if found else None,
                x_cache,
            )


def probe(recorder, where, port, targets, stop, backoff=0.0):
    """Re-read each (host, path) on `port` until `stop`; record the marker each shows.

    `backoff` seconds of rest after a failed read keep a thread from spinning on an
    instance that refuses at once (the cluster check kills one).
    """
    while not stop.is_set():
        for host, path in targets:
            started = time.time()
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}{path}", headers={"Host": host}
            )
            status, body = 0, ""
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    status, body = response.status, response.read().decode()
            except urllib.error.HTTPError as error:
                status = error.code
            except OSError:
                status = -1
            found = MARKER.findall(body)
            marker = max(map(int, found)) if found else None
            recorder.add(started, time.time(), where, path, status, marker, "")
            if status != 200 and backoff:
                stop.wait(backoff)
            if stop.is_set():
                return


def editor(recorder, env, stop, every):
    n = 0
    while not stop.is_set():
        n += 1
        code = (
            "from treatments.models import TreatmentPage;"
            "p = TreatmentPage.objects.get(slug='treatment-1', alias_of__isnull=True);"
            f"p.summary = 'Summary fault-marker-{n}.'; p.save_revision().publish()"
        )
        result = subprocess.run(
            [PY, "manage.py", "shell", "-c", code],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        if result.returncode == 0:
            with recorder.lock:
                recorder.publishes.append((time.time(), n))
        stop.wait(every)


def unpublish_during_pause(recorder, env, host):
    """Unpublish the clinic's copy of treatment 2 (readers request it) while Redis is paused."""
    code = (
        "from wagtail.models import Site; from treatments.models import TreatmentPage;"
        f"site = Site.objects.get(hostname='{host}');"
        "TreatmentPage.objects.descendant_of(site.root_page)"
        f".get(url_path__endswith='{UNPUBLISHED_PATH}').unpublish()"
    )
    result = subprocess.run(
        [PY, "manage.py", "shell", "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise RuntimeError(f"unpublish failed: {result.stderr[-2000:]}")
    recorder.unpublished_at = time.time()


def pause_redis(recorder, redis, env, host, phase_seconds):
    """Pause Redis; unpublish a page and wait for an editor publish meanwhile; resume."""
    recorder.phase = "redis-paused"
    recorder.paused[0] = time.time()
    redis.pause()
    unpublish_during_pause(recorder, env, host)
    deadline = time.time() + 120
    while time.time() < deadline and not any(
        t > recorder.paused[0] for t, _ in list(recorder.publishes)
    ):
        time.sleep(0.2)
    time.sleep(max(0.0, recorder.paused[0] + phase_seconds - time.time()))
    recorder.paused[1] = time.time()
    recorder.phase = "redis-resumed"
    redis.resume()


def wait_until_ready(host, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        request = urllib.request.Request(
            f"http://127.0.0.1:{APP_PORT}/bench/json", headers={"Host": host}
        )
        try:
            with urllib.request.urlopen(request, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer within a minute")


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=int, default=40, help="seconds of load in each phase")
    parser.add_argument("--short", action="store_true", help="CI: short phases")
    args = parser.parse_args(argv)
    phase_seconds = 8 if args.short else args.duration
    if PG_BIN is None or shutil.which("redis-server") is None:
        print("faults: PostgreSQL and redis-server are required")
        return 2

    pg, redis = PrivatePostgres(), PrivateRedis()
    pg.start()
    redis.start()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{PG_PORT}/postgres",
        "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
        "CONN_MAX_AGE": "60",
    }
    app = None
    try:
        subprocess.run(
            [PY, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
        )
        summary = json.loads(
            subprocess.run(
                [PY, "-m", "bench.content", "--clinics=3", "--treatments=3", "--blocks=10"],
                cwd=ROOT,
                env=env,
                check=True,
                capture_output=True,
                text=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        RESULTS_LOG.parent.mkdir(exist_ok=True)
        app = subprocess.Popen(
            [
                PY,
                "-m",
                "gunicorn",
                "cms.wsgi",
                "--config",
                str(ROOT / "bench" / "gunicorn_conf.py"),
                "--bind",
                f"127.0.0.1:{APP_PORT}",
                "--workers",
                "2",
                "--threads",
                "4",
                "--worker-class",
                "gthread",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=open(RESULTS_LOG, "w"),  # noqa: SIM115 - the app's log, read after a failure
            start_new_session=True,
        )
        wait_until_ready(summary["host"])
        urls = [
            f"/api/v2/pages/{summary['detail_id']}/",
            summary["path"],
            "/api/v2/pages/?type=treatments.TreatmentPage&fields=summary",
            UNPUBLISHED_PATH,
        ]
        recorder, stop = Recorder(), threading.Event()
        threads = [
            threading.Thread(target=reader, args=(recorder, urls, summary["host"], stop))
            for _ in range(4)
        ]
        threads.append(threading.Thread(target=editor, args=(recorder, env, stop, 3)))
        for thread in threads:
            thread.start()
        time.sleep(phase_seconds)
        recorder.phase = "redis-down"
        redis.stop()
        time.sleep(phase_seconds)
        recorder.phase = "redis-back"
        redis.start()
        time.sleep(phase_seconds)
        pause_redis(recorder, redis, env, summary["host"], phase_seconds)
        time.sleep(phase_seconds)
        recorder.phase = "postgres-down"
        recorder.postgres_down = [time.time(), None]
        pg.stop()
        time.sleep(max(3, phase_seconds // 2))
        pg.start()
        recorder.postgres_down[1] = time.time()
        recorder.phase = "postgres-back"
        time.sleep(phase_seconds)
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
        return report(recorder)
    finally:
        if app is not None:
            os.killpg(app.pid, signal.SIGTERM)
        with contextlib.suppress(Exception):  # already stopped
            redis.stop()
        pg.cleanup()


def report(recorder):
    rows, publishes = recorder.responses, sorted(recorder.publishes)
    failures = []
    by_phase = {}
    for started, finished, phase, url, status, marker, x_cache in rows:
        stats = by_phase.setdefault(
            phase, {"requests": 0, "5xx": 0, "503": 0, "ok": 0, "hits": 0, "slowest_error_s": 0.0}
        )
        stats["requests"] += 1
        stats["ok"] += status == 200
        stats["hits"] += x_cache == "HIT"
        if status >= 500 or status == -1:
            down_from, down_until = recorder.postgres_down
            if status == 503 and started <= down_until and finished >= down_from:
                # In flight while PostgreSQL was stopped: a fast 503 is the contract.
                stats["503"] += 1
                stats["slowest_error_s"] = max(
                    stats["slowest_error_s"], round(finished - started, 2)
                )
            else:
                stats["5xx"] += 1
                print(f"  {phase}: {url} -> {status} after {finished - started:.2f} s")
        unpublished = recorder.unpublished_at
        if url == UNPUBLISHED_PATH and status == 200 and unpublished and started > unpublished:
            failures.append(
                f"unpublished page served: {url} started {started:.2f} ({phase}, {x_cache or 'live'})"
            )
        if status == 200 and marker is not None:
            newest_before = max((n for t, n in publishes if t < started), default=None)
            if newest_before is not None and marker < newest_before:
                failures.append(
                    f"stale read: {url} started {started:.2f} showed marker {marker}, publish {newest_before} had returned"
                )
    for phase, stats in by_phase.items():
        print(f"{phase:14} {json.dumps(stats)}")
        if stats["5xx"]:
            failures.append(f"{phase}: {stats['5xx']} unexpected 5xx or connection errors")
        if stats["slowest_error_s"] > 2:
            failures.append(f"{phase}: an error took {stats['slowest_error_s']} s (not fast)")
    if by_phase.get("redis-down", {}).get("ok", 0) == 0:
        failures.append("redis-down: no request succeeded while Redis was stopped")
    if by_phase.get("redis-back", {}).get("hits", 0) == 0:
        failures.append("redis-back: caching did not resume after Redis came back")
    if recorder.unpublished_at is None:
        failures.append("redis-paused: the unpublish did not return")
    paused_from, resumed_at = recorder.paused
    if not any(paused_from < t < resumed_at for t, _ in publishes):
        failures.append("redis-paused: no publish returned while Redis was paused")
    if by_phase.get("redis-resumed", {}).get("hits", 0) == 0:
        failures.append("redis-resumed: caching did not resume after Redis was resumed")
    if by_phase.get("postgres-back", {}).get("ok", 0) == 0:
        failures.append("postgres-back: no request succeeded after PostgreSQL came back")
    print(f"publishes: {len(publishes)}; responses: {len(rows)}")
    for failure in failures[:20]:
        print("FAIL", failure)
    print("faults: " + ("FAILED" if failures else "passed"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
