"""What one library publish costs when 3, 30 or 300 clinics carry it.

    .venv/bin/python -m bench.fanout --clinics 3,30,300

On loopback only, bounded in time (`--timeout` per size), cleaned up at the end:
a private PostgreSQL cluster and redis-server (bench/faults.py; FAULTS_PORT_BASE=N
takes ports N, N+1, N+2, and N+3 for the receiver), gunicorn serving the project
with the response cache, and a receiver in this process that counts webhook POSTs
(one endpoint per clinic) and purge requests (SURROGATE_PURGE_URL and the URL
purge of wagtail.contrib.frontend_cache both point at it).

For each size the content builder (bench/content.py) grows the database to N
clinics, each carrying treatment 1 as an alias. Every clinic's page, API listing
and find are read once through gunicorn (cached), then treatment 1 is published
through the bench-only publish view, in this process, with the database task
backend, while a task worker process (django-tasks-db's, in batch mode) runs
what it queued until it is idle, and threads re-read the 3N URLs until all show
the new summary. Prints, per size: the publish request's time and
queries, the time from the publish's start until the clinics' copies are saved and
their keys bumped (the fan-out task finished: from then on no stale response is
served, each URL is re-rendered on its next request), until every URL was read
fresh (3N renders: bounded by the machine's render rate) and until every webhook
arrived, the queries and tasks the worker ran, and the purge
requests (by key batch, by URL) the receiver got.
"""

import argparse
import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from bench import faults

ROOT, PY = faults.ROOT, faults.PY
RECEIVER_PORT = faults.free_port(faults.APP_PORT + 1)
TREATMENT_PATH = "/treatments/treatment-1/"
SURFACES = (
    TREATMENT_PATH,
    "/api/v2/pages/?type=treatments.TreatmentPage&fields=summary",
    f"/api/v2/pages/find/?html_path={TREATMENT_PATH}",
)


class Receiver(BaseHTTPRequestHandler):
    """Webhook POSTs (/hook/<clinic id>) and PURGE requests, with their arrival times."""

    lock = threading.Lock()
    hooks = {}  # clinic id -> first arrival since reset
    purges = {"keys": 0, "urls": 0}

    @classmethod
    def reset(cls):
        with cls.lock:
            cls.hooks, cls.purges = {}, {"keys": 0, "urls": 0}

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with self.lock:
            self.hooks.setdefault(self.path.rsplit("/", 1)[-1], time.time())
        self._answer()

    def do_PURGE(self):
        with self.lock:
            self.purges["keys" if self.headers.get("xkey-purge") else "urls"] += 1
        self._answer()

    def _answer(self):
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def environment(pg_port, redis_port):
    receiver = f"http://127.0.0.1:{RECEIVER_PORT}"
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{pg_port}/postgres",
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "CONN_MAX_AGE": "60",
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "SURROGATE_PURGE_URL": f"{receiver}/purge",
        "FRONTEND_CACHE_HTTP_URL": receiver,
        "WEBHOOK_ALLOW_PRIVATE_TARGETS": "1",
        "WEBHOOK_MAX_ATTEMPTS": "1",
    }


def build(env, clinics):
    """Grow the bench content to `clinics` clinics (immediate tasks: nothing left queued)."""
    subprocess.run(
        [PY, "-m", "bench.content", f"--clinics={clinics}", "--treatments=2", "--blocks=10"],
        cwd=ROOT,
        env={**env, "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        check=True,
        capture_output=True,
    )


def clinic_hosts_with_endpoints():
    """{clinic id: site hostname}, each clinic given a webhook endpoint at the receiver."""
    from wagtail.models import Site

    from cms.webhooks.models import WebhookEndpoint
    from cms.webhooks.signing import generate_secret
    from home.models import ClinicPage

    hosts = {}
    for clinic in ClinicPage.objects.all():
        site = Site.objects.filter(root_page=clinic).first()
        if site is None:
            continue
        hosts[clinic.pk] = site.hostname
        WebhookEndpoint.objects.get_or_create(
            clinic=clinic,
            defaults={
                "url": f"http://127.0.0.1:{RECEIVER_PORT}/hook/{clinic.pk}",
                "secret": generate_secret(),
            },
        )
    return hosts


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def fetch(host, url, redirects=2):
    """The body at `url` on the site `host`, through gunicorn; a find's redirect followed there."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{faults.APP_PORT}{url}", headers={"Host": host}
    )
    try:
        with _opener.open(request, timeout=10) as response:
            return response.read().decode()
    except urllib.error.HTTPError as error:
        location = error.headers.get("Location", "")
        if error.code in (301, 302) and location and redirects:
            return fetch(
                host,
                urllib.parse.urlsplit(location)._replace(scheme="", netloc="").geturl(),
                redirects - 1,
            )
        return ""
    except (urllib.error.URLError, OSError):
        return ""


def wait_until_fresh(targets, marker, deadline, pool):
    """The time the last of `targets` ((host, url)) was seen showing `marker`, or None."""
    stale, last = set(targets), None
    while stale and time.time() < deadline:
        results = list(pool.map(lambda t: (t, marker in fetch(*t)), sorted(stale)))
        for target, fresh in results:
            if fresh:
                stale.discard(target)
                last = time.time()
        if stale:
            time.sleep(0.05)
    for host, url in sorted(stale)[:5]:
        print(f"fanout: still stale at the deadline: {host}{url}", flush=True)
    return None if stale else last


class QueryCounter:
    """Counts the queries run on a connection (`execute_wrapper`; unbounded, unlike queries_log)."""

    def __init__(self):
        self.count, self.on = 0, True

    def __call__(self, execute, sql, params, many, context):
        self.count += self.on
        return execute(sql, params, many, context)


def worker(idle_seconds, deadline_seconds):
    """Run queued tasks (django-tasks-db's worker) until idle after some; print tasks and queries.

    Only the tasks' own queries count, not the worker's polling and claiming.
    """
    from django.db import connection
    from django_tasks_db.management.commands.db_worker import Worker

    counter = QueryCounter()
    counter.on = False

    class CountingWorker(Worker):
        def run_task(self, db_task_result):
            counter.on = True
            try:
                return super().run_task(db_task_result)
            finally:
                counter.on = False

    ran, idle_since, deadline = 0, None, time.time() + deadline_seconds
    print("ready", flush=True)
    with connection.execute_wrapper(counter):
        while time.time() < deadline:
            runner = CountingWorker(
                queue_names=["default"],
                interval=0,
                batch=True,
                backend_name="default",
                startup_delay=False,
                max_tasks=None,
                worker_id="bench-fanout",
                excluded_queue_names=[],
            )
            runner.run()
            ran += runner._run_tasks
            if runner._run_tasks:
                idle_since = time.time()
            elif ran and time.time() - idle_since > idle_seconds:
                break
            time.sleep(0.02)
    print(json.dumps({"tasks": ran, "queries": counter.count}), flush=True)


def start_worker(env, timeout):
    """The worker process, once it is polling (a running worker, as in production)."""
    process = subprocess.Popen(
        [PY, "-m", "bench.fanout", "--worker", f"--timeout={timeout}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    if process.stdout.readline().strip() != "ready":
        raise RuntimeError("the task worker did not start")
    return process


def fanout_done_at(since):
    """When the library fan-out task queued since `since` finished (None: it ran in the request)."""
    from datetime import UTC, datetime

    from django_tasks_db.models import DBTaskResult

    finished = (
        DBTaskResult.objects.filter(
            task_path__endswith=".update_aliases_task",
            enqueued_at__gte=datetime.fromtimestamp(since, UTC),
        )
        .values_list("finished_at", flat=True)
        .first()
    )
    return finished.timestamp() if finished else None


def measure(n, hosts, env, timeout):
    """One publish of treatment 1 carried by `n` clinics: the figures of one table row."""
    from django.db import connection
    from django.test import Client

    from cms.webhooks.models import WebhookEndpoint

    endpoints = {str(c) for c in WebhookEndpoint.objects.values_list("clinic_id", flat=True)}
    targets = [(host, url) for host in hosts.values() for url in SURFACES]
    marker = f"fault-marker-{int(time.time() * 1000)}"
    with ThreadPoolExecutor(max_workers=6) as pool:
        list(pool.map(lambda t: fetch(*t), targets))  # every surface cached before the publish
        Receiver.reset()
        tasks = start_worker(env, timeout)
        counter, client = QueryCounter(), Client()
        started = time.time()
        with connection.execute_wrapper(counter):
            response = client.post("/bench/publish", {"marker": marker.rsplit("-", 1)[1]})
        returned = time.time()
        if response.status_code != 200:
            raise RuntimeError(f"publish answered {response.status_code}")
        fresh_at = wait_until_fresh(targets, marker, started + timeout, pool)
    background = json.loads(tasks.communicate(timeout=timeout + 30)[0].strip().splitlines()[-1])
    fanned_out = fanout_done_at(started) or returned
    delivered = endpoints <= set(Receiver.hooks)
    hooks_at = max(Receiver.hooks.values()) if delivered else None
    return {
        "clinics": n,
        "publish_s": round(returned - started, 3),
        "fanout_s": round(fanned_out - started, 2),
        "fresh_s": round(fresh_at - started, 2) if fresh_at else None,
        "webhooks_s": round(hooks_at - started, 2) if hooks_at else None,
        "request_queries": counter.count,
        "task_queries": background["queries"],
        "tasks": background["tasks"],
        "key_purges": Receiver.purges["keys"],
        "url_purges": Receiver.purges["urls"],
    }


def print_table(rows):
    columns = [
        ("clinics", "clinics"),
        ("publish_s", "publish request s"),
        ("fanout_s", "copies updated and bumped s"),
        ("fresh_s", "all fresh s"),
        ("webhooks_s", "all webhooks s"),
        ("request_queries", "queries in request"),
        ("task_queries", "queries in tasks"),
        ("tasks", "tasks"),
        ("key_purges", "key purges"),
        ("url_purges", "URL purges"),
    ]
    print("| " + " | ".join(title for _, title in columns) + " |")
    print("|" + " --- |" * len(columns))
    for row in rows:
        cells = ["not within timeout" if row[k] is None else str(row[k]) for k, _ in columns]
        print("| " + " | ".join(cells) + " |")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clinics", default="3,30,300", help="comma-separated sizes, ascending")
    parser.add_argument("--timeout", type=int, default=120, help="seconds per publish at most")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:  # the task worker of one publish, started by `measure`
        import django

        django.setup()
        worker(idle_seconds=2, deadline_seconds=args.timeout)
        return 0
    sizes = sorted(int(n) for n in args.clinics.split(","))
    if faults.PG_BIN is None:
        print("fanout: PostgreSQL and redis-server are required")
        return 2
    pg, redis = faults.PrivatePostgres(), faults.PrivateRedis()
    pg.start()
    redis.start()
    env = environment(faults.PG_PORT, faults.REDIS_PORT)
    receiver = ThreadingHTTPServer(("127.0.0.1", RECEIVER_PORT), Receiver)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    faults.RESULTS_LOG.parent.mkdir(exist_ok=True)
    app, rows = None, []
    try:
        subprocess.run(
            [PY, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
        )
        build(env, sizes[0])
        os.environ.update(env)
        import django

        django.setup()
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
            stderr=open(faults.RESULTS_LOG.parent / "fanout-gunicorn.log", "w"),  # noqa: SIM115
            start_new_session=True,
        )
        for n in sizes:
            started = time.time()
            build(env, n)
            hosts = clinic_hosts_with_endpoints()
            if n == sizes[0]:
                faults.wait_until_ready(next(iter(hosts.values())))
            print(f"fanout: {n} clinics built in {time.time() - started:.0f} s", flush=True)
            rows.append(measure(n, hosts, env, args.timeout))
            print(json.dumps(rows[-1]), flush=True)
    finally:
        if app is not None:
            os.killpg(app.pid, signal.SIGTERM)
            app.wait(timeout=30)
        receiver.shutdown()
        with contextlib.suppress(Exception):
            from django.db import connections

            connections.close_all()
        with contextlib.suppress(Exception):
            redis.stop()
        pg.cleanup()
    print_table(rows)
    missed = [r["clinics"] for r in rows if r["fresh_s"] is None or r["webhooks_s"] is None]
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
