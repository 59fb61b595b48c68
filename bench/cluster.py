"""Several instances for real: Varnish -> nginx -> two gunicorn instances -> PostgreSQL and Redis.

    .venv/bin/python -m bench.cluster                 # 60 s (the figures in bench/README.md)
    .venv/bin/python -m bench.cluster --duration 30   # what CI runs (make cluster-check)

Everything is started from Debian's packages on loopback, in private temporary
folders and ports, and stopped at the end (bounded: each phase lasts a third of
`--duration`):

- PostgreSQL and Redis as in bench/faults.py;
- instances A and B: gunicorn with the production settings, sharing the
  database and Redis; purges by key go to Varnish (SURROGATE_PURGE_URL) from
  the publishing instance itself (immediate task backend);
- nginx balancing A and B (a failed instance is skipped, a GET retried on the other);
- Varnish in front (deploy/varnish/default.vcl), purged by surrogate key on publish.

Load: wrk through Varnish on the soak's URL mix (every site's treatment page,
index, API detail and listing). Probes re-read those URLs through Varnish and
straight from each instance. An editor publishes a new summary every two
seconds, on A and B in turn (B alone while A is down). A is killed (SIGKILL)
after the first phase and started again after the second.

Fails on: a stale read anywhere (a probe that started after a publish returned
shows an older summary), at Varnish or at either instance; a 5xx or socket
error through Varnish beyond one in-flight request per connection at the kill;
any failed probe except those to A while it is down; A not serving again, or
nginx not sending it traffic, after its restart.
"""

import argparse
import itertools
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from bench import faults, soak

ROOT, PY = faults.ROOT, faults.PY
B_PORT, LB_PORT, VARNISH_PORT = (
    faults.free_port(28298),
    faults.free_port(28398),
    faults.free_port(28498),
)
LOAD_CONNECTIONS = 8

NGINX_CONF = """
daemon off;
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/nginx-error.log warn;
events {{ worker_connections 512; }}
http {{
    log_format timed '$msec $upstream_addr $status';
    access_log {dir}/nginx-access.log timed;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    upstream clinic_cms {{
        server 127.0.0.1:{a} max_fails=1 fail_timeout=2s;
        server 127.0.0.1:{b} max_fails=1 fail_timeout=2s;
        # Idle connections kept shorter than gunicorn's keep-alive (2 s): a connection
        # gunicorn has just closed, reused, was a reset that marked a healthy instance down.
        keepalive 16;
        keepalive_timeout 1s;
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://clinic_cms;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_connect_timeout 1s;
            proxy_next_upstream error timeout http_502;
            add_header X-Upstream $upstream_addr always;
        }}
    }}
}}
"""


class Instance:
    """One gunicorn serving the project on its own port."""

    def __init__(self, name, port, env, log_dir):
        self.name, self.port, self.env, self.log = name, port, env, log_dir / f"{name}.log"
        self.process = None

    def start(self, host):
        self.process = subprocess.Popen(
            [
                *(PY, "-m", "gunicorn", "cms.wsgi"),
                *("--config", str(ROOT / "bench" / "gunicorn_conf.py")),
                *("--bind", f"127.0.0.1:{self.port}"),
                *("--workers", "1", "--threads", "4", "--worker-class", "gthread"),
            ],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=open(self.log, "a"),  # noqa: SIM115 - the instance's log, kept for failures
            start_new_session=True,
        )
        wait_for(self.port, host)

    def kill(self):
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)


def wait_for(port, host, seconds=90):
    deadline = time.time() + seconds
    while time.time() < deadline:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/bench/json", headers={"Host": host}
        )
        try:
            with urllib.request.urlopen(request, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"nothing answered on port {port} within {seconds} s")


class Recorder(faults.Recorder):
    def __init__(self):
        super().__init__()
        self.a_down = [float("inf"), float("inf")]  # (killed, restarted and ready)


def editor(recorder, instances, host, stop, every):
    n = 0
    while not stop.wait(every):
        n += 1
        a_down = recorder.a_down[0] <= time.time() < recorder.a_down[1]
        instance = instances[1] if a_down or n % 2 == 0 else instances[0]
        request = urllib.request.Request(
            f"http://127.0.0.1:{instance.port}/bench/publish",
            data=urllib.parse.urlencode({"marker": n}).encode(),
            headers={"Host": host},
        )
        try:
            with urllib.request.urlopen(request, timeout=30):
                pass
        except OSError as error:
            print(f"  publish {n} on {instance.name} failed: {error}")
            continue
        with recorder.lock:
            recorder.publishes.append((time.time(), n))


def start_varnish(work, lb_port):
    vcl = (ROOT / "deploy" / "varnish" / "default.vcl").read_text()
    vcl_file = work / "default.vcl"
    vcl_file.write_text(vcl.replace('.port = "8080";', f'.port = "{lb_port}";'))
    os.chmod(work, 0o755)  # noqa: S103 - varnishd runs as its own user and must read the VCL
    os.chmod(vcl_file, 0o644)
    return subprocess.Popen(
        [
            *("varnishd", "-F", "-a", f"127.0.0.1:{VARNISH_PORT}"),
            *("-T", "none", "-f", str(vcl_file), "-n", str(work / "varnish")),
            *("-s", "malloc,64m"),
        ],
        stdout=open(work / "varnish.log", "w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def start_nginx(work, a_port, b_port):
    for folder in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (work / folder).mkdir(exist_ok=True)
    conf = work / "nginx.conf"
    conf.write_text(NGINX_CONF.format(dir=work, a=a_port, b=b_port, port=LB_PORT))
    return subprocess.Popen(
        ["nginx", "-p", str(work), "-c", str(conf)],
        stdout=subprocess.DEVNULL,
        stderr=open(work / "nginx-start.log", "w"),
        start_new_session=True,
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=60, help="seconds, three phases")
    args = parser.parse_args(argv)
    missing = [
        tool for tool in ("redis-server", "wrk", "nginx", "varnishd") if not shutil.which(tool)
    ]
    if faults.PG_BIN is None or missing:
        print(f"cluster: missing {missing or ['PostgreSQL']} (make cluster-deps)")
        return 2
    phase = max(5, args.duration // 3)
    work = Path(tempfile.mkdtemp(prefix="clinic-cluster-"))
    pg, redis = faults.PrivatePostgres(), faults.PrivateRedis()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{faults.PG_PORT}/postgres",
        "REDIS_URL": f"redis://127.0.0.1:{faults.REDIS_PORT}/0",
        "CONN_MAX_AGE": "60",
        "SURROGATE_PURGE_URL": f"http://127.0.0.1:{VARNISH_PORT}",
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
    }
    instances = [
        Instance("a", faults.APP_PORT, env, work),
        Instance("b", B_PORT, env, work),
    ]
    services = []
    try:
        pg.start()
        redis.start()
        subprocess.run(
            [PY, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
        )
        built = subprocess.run(
            [PY, "-m", "bench.content", "--clinics=3", "--treatments=3", "--blocks=10"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        host = json.loads(built.stdout.strip().splitlines()[-1])["host"]
        for instance in instances:
            instance.start(host)
        services.append(start_nginx(work, faults.APP_PORT, B_PORT))
        wait_for(LB_PORT, host)
        services.append(start_varnish(work, LB_PORT))
        wait_for(VARNISH_PORT, host)

        targets = soak.clinic_targets(soak.site_pages(env))
        targets_file, script_file = work / "targets.txt", work / "mix.lua"
        targets_file.write_text("".join(f"{h} {p}\n" for h, p in targets))
        script_file.write_text(soak.WRK_SCRIPT)

        recorder, stop = Recorder(), threading.Event()
        load = {}
        threads = [
            threading.Thread(
                target=lambda: load.update(
                    soak.wrk(
                        targets_file,
                        script_file,
                        LOAD_CONNECTIONS,
                        3 * phase,
                        port=VARNISH_PORT,
                    )
                )
            ),
            threading.Thread(target=editor, args=(recorder, instances, host, stop, 2.0)),
        ]
        for where, port in (("varnish", VARNISH_PORT), ("a", instances[0].port), ("b", B_PORT)):
            threads.append(
                threading.Thread(
                    target=faults.probe, args=(recorder, where, port, targets, stop, 0.05)
                )
            )
        for thread in threads:
            thread.start()
        time.sleep(phase)
        recorder.a_down = [time.time(), float("inf")]
        instances[0].kill()
        time.sleep(phase)
        instances[0].start(host)
        recorder.a_down[1] = time.time()
        time.sleep(phase)
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
        status = report(recorder, load, work, instances[0].port)
        if status:
            kept = ROOT / "bench" / "results" / "cluster"  # not committed
            kept.mkdir(parents=True, exist_ok=True)
            for log in work.glob("*.log"):
                shutil.copy(log, kept / log.name)
            print(f"cluster: logs kept in {kept}")
        return status
    finally:
        for instance in instances:
            instance.stop()
        for service in services:
            os.killpg(service.pid, signal.SIGTERM)
            service.wait(timeout=30)
        redis.stop()
        pg.cleanup()
        shutil.rmtree(work, ignore_errors=True)


def report(recorder, load, work, a_port):
    failures = []
    publishes = sorted(recorder.publishes)
    killed, back = recorder.a_down
    figures = {}
    for where in ("varnish", "a", "b"):
        rows = [row for row in recorder.responses if row[2] == where]
        stale = errors = 0
        for started, finished, _, url, status, marker, _ in rows:
            if status != 200:
                in_a_downtime = where == "a" and finished >= killed and started <= back
                if not in_a_downtime:
                    errors += 1
                    if errors <= 10:
                        print(f"  {where}: {url} -> {status} at kill{started - killed:+.2f} s")
                continue
            newest = max((n for t, n in publishes if t < started), default=None)
            if marker is not None and newest is not None and marker < newest:
                stale += 1
                print(f"  stale at {where}: {url} showed {marker}, publish {newest} had returned")
        figures[where] = {"probes": len(rows), "errors": errors, "stale_reads": stale}
        if errors or stale:
            failures.append(f"{where}: {errors} failed probes, {stale} stale reads")

    through_varnish = sorted(
        finished
        for _, finished, where, _, status, _, _ in recorder.responses
        if where == "varnish" and status == 200
    )
    gaps = [b - a for a, b in itertools.pairwise(through_varnish) if b > killed - 1]
    figures["failover_gap_s"] = round(max(gaps, default=0.0), 2)
    log = (work / "nginx-access.log").read_text().split("\n")
    to_a_after = sum(
        1 for line in log if line and float(line.split()[0]) > back and f":{a_port}" in line
    )
    nginx_5xx = sum(1 for line in log if line and line.split()[-1].startswith("5"))
    figures.update(
        load=load,
        publishes=len(publishes),
        nginx_requests_to_a_after_restart=to_a_after,
        nginx_5xx=nginx_5xx,
    )
    print("cluster:", json.dumps(figures))
    if not publishes:
        failures.append("no publish succeeded")
    if load.get("5xx", 0) + load.get("socket_errors", 0) > LOAD_CONNECTIONS:
        failures.append("more 5xx or socket errors through Varnish than requests in flight")
    if load.get("non_2xx_3xx", 0) > load.get("5xx", 0):
        failures.append("4xx responses through Varnish")
    if not to_a_after:
        failures.append("instance a did not rejoin: nginx sent it nothing after its restart")
    for failure in failures:
        print("FAIL", failure)
    print("cluster: " + ("FAILED" if failures else "passed"))
    return 1 if failures else 0


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # a stop still runs the cleanup
    sys.exit(main())
