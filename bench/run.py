"""Side-by-side benchmark: this project (cold and cached) against stock Wagtail on the same content.

    .venv/bin/python -m bench.run --sizes small --duration 10

For each content size it builds a database (bench/content.py), then, one server
at a time so they never compete for the two cores, runs gunicorn on loopback
and drives it with wrk for: the API listing, the API detail, the find view, the
HTML treatment page, and a bare Django JSON view (the ceiling). It prints
requests per second, p50/p95/p99 latency, queries per request and peak memory,
and the ratios; the results go to bench/results/latest.json.
"""

import argparse
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
RESULTS = ROOT / "bench" / "results"
SIZES = {
    "small": {"clinics": 3, "treatments": 10, "blocks": 10},
    "medium": {"clinics": 3, "treatments": 30, "blocks": 60},
    "large": {"clinics": 30, "treatments": 200, "blocks": 60},
}
SERVERS = {
    # name: (settings module, extra environment)
    "project-cached": ("bench.settings", {"RESPONSE_CACHE_ENABLED": "1"}),
    "project-cold": ("bench.settings", {"RESPONSE_CACHE_ENABLED": "0"}),
    "stock-wagtail": ("bench.stock_settings", {}),
}
PORT = 8199


def endpoints(summary):
    detail = summary["detail_id"]
    return {
        "api_listing": "/api/v2/pages/?type=treatments.TreatmentPage&fields=*&limit=20",
        "api_detail": f"/api/v2/pages/{detail}/",
        "find": f"/api/v2/pages/find/?html_path={summary['path']}",
        "html_page": summary["path"],
        "bare_json": "/bench/json",
    }


def build_content(size, env):
    spec = SIZES[size]
    out = subprocess.run(
        [PY, "-m", "bench.content", *(f"--{k}={v}" for k, v in spec.items())],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def start_server(settings_module, env):
    env = {**env, "DJANGO_SETTINGS_MODULE": settings_module}
    process = subprocess.Popen(
        [
            PY,
            "-m",
            "gunicorn",
            "cms.wsgi",
            "--config",
            str(ROOT / "bench" / "gunicorn_conf.py"),
            "--bind",
            f"127.0.0.1:{PORT}",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(RESULTS / f"gunicorn-{settings_module}.log", "a"),  # noqa: SIM115
        start_new_session=True,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/bench/json", timeout=1)
            return process
        except OSError:
            time.sleep(0.2)
    stop_server(process)
    raise RuntimeError(f"gunicorn ({settings_module}) did not start; see bench/results/")


def peak_memory_mb(process):
    """Highest resident set of the master and its workers (VmHWM), in MiB."""
    pids = [process.pid]
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    if children.exists():
        pids += [int(pid) for pid in children.read_text().split()]
    peak = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]))
        except FileNotFoundError:
            continue
    return round(peak / 1024, 1)


def stop_server(process):
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(process.pid, signal.SIGKILL)


def wrk(path, host, duration, connections):
    env = {**os.environ, "BENCH_HOST": host}
    out = subprocess.run(
        [
            "wrk",
            f"-t{min(2, connections)}",
            f"-c{connections}",
            f"-d{duration}s",
            "-s",
            str(ROOT / "bench" / "report.lua"),
            f"http://127.0.0.1:{PORT}{path}",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=duration + 60,
    )
    line = [x for x in out.stdout.splitlines() if x.startswith("{")][-1]
    data = json.loads(line)
    seconds = data["duration_us"] / 1e6
    return {
        "rps": round(data["requests"] / seconds, 1),
        "p50_ms": round(data["p50"] / 1000, 2),
        "p95_ms": round(data["p95"] / 1000, 2),
        "p99_ms": round(data["p99"] / 1000, 2),
        "errors": data["errors"] + data["non2xx"],
        "requests": data["requests"],
    }


def count_queries(env, summary):
    out = subprocess.run(
        [PY, "-m", "bench.queries", json.dumps(endpoints(summary)), summary["host"]],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv=None):
    parser = argparse.ArgumentParser(description="Clinic CMS vs stock Wagtail benchmark")
    parser.add_argument("--sizes", default="small", help="comma-separated: " + ", ".join(SIZES))
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--database", default="sqlite", choices=["sqlite", "postgres"])
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/9")
    args = parser.parse_args(argv)
    RESULTS.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [PY, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"},
        check=True,
    )
    report = {"machine": machine(), "args": vars(args), "sizes": {}}
    for size in args.sizes.split(","):
        spec = SIZES[size]
        if args.database == "sqlite":
            database = f"sqlite:////tmp/clinic-bench-{size}.sqlite3"
        else:
            database = f"postgres://postgres@127.0.0.1:5432/clinic_bench_{size}"
            subprocess.run(
                ["createdb", "-h", "127.0.0.1", "-U", "postgres", f"clinic_bench_{size}"],
                capture_output=True,
            )
        env = {
            **os.environ,
            "DATABASE_URL": database,
            "REDIS_URL": args.redis,
            "CONN_MAX_AGE": "600",
        }
        print(f"== {size}: {spec} on {args.database}", flush=True)
        summary = build_content(size, env)
        print(f"   content ready ({summary['build_seconds']} s to build)", flush=True)
        queries = count_queries({**env, "REDIS_URL": ""}, summary)
        results = {"content": summary, "queries": queries, "servers": {}}
        for name, (settings_module, extra) in SERVERS.items():
            subprocess.run(
                ["redis-cli", "-n", args.redis.rsplit("/", 1)[-1], "flushdb"], capture_output=True
            )
            process = start_server(settings_module, {**env, **extra})
            try:
                server = {}
                for label, path in endpoints(summary).items():
                    wrk(path, summary["host"], 2, args.connections)  # warm up (fills caches)
                    server[label] = wrk(path, summary["host"], args.duration, args.connections)
                    print(
                        f"   {name:15} {label:12} {server[label]['rps']:>9} req/s  p50 {server[label]['p50_ms']} ms  p99 {server[label]['p99_ms']} ms  errors {server[label]['errors']}",
                        flush=True,
                    )
                server["peak_memory_mb"] = peak_memory_mb(process)
            finally:
                stop_server(process)
            results["servers"][name] = server
        results["ratios"] = ratios(results["servers"])
        report["sizes"][size] = results
        print_summary(size, results)
    (RESULTS / "latest.json").write_text(json.dumps(report, indent=2))
    print(f"\nwritten: {RESULTS / 'latest.json'}")


def ratios(servers):
    cached, cold, stock = (
        servers["project-cached"],
        servers["project-cold"],
        servers["stock-wagtail"],
    )
    out = {}
    for label in ("api_listing", "api_detail", "find", "html_page"):
        out[f"{label}: cached / stock"] = round(cached[label]["rps"] / stock[label]["rps"], 1)
        out[f"{label}: cold / stock"] = round(cold[label]["rps"] / stock[label]["rps"], 2)
        out[f"{label}: cached / bare json"] = round(
            cached[label]["rps"] / cached["bare_json"]["rps"], 2
        )
    return out


def print_summary(size, results):
    print(f"\n   queries per request ({size}):")
    for label, counts in results["queries"].items():
        print(f"     {label:12} {counts}")
    print(
        "   peak memory: "
        + ", ".join(f"{n} {s['peak_memory_mb']} MiB" for n, s in results["servers"].items())
    )
    print(f"   ratios ({size}):")
    for label, value in results["ratios"].items():
        print(f"     {label:34} {value}")


def machine():
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "?",
    )
    memory = next(
        line.split()[1]
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(int(memory) / 1024 / 1024, 1),
        "python": sys.version.split()[0],
    }


if __name__ == "__main__":
    main()
