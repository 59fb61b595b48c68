"""gunicorn.conf.py serves the production app and logs each request as one JSON line."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.test_settings import PRODUCTION_ENV

ROOT = Path(__file__).resolve().parent.parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_gunicorn_serves_healthz_with_json_access_log(tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(PRODUCTION_ENV)
    env.update(
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS="1",
        STATIC_ROOT=str(tmp_path),
    )
    log = (tmp_path / "gunicorn.log").open("w+")
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "cms.wsgi"], cwd=ROOT, env=env, stdout=log, stderr=log
    )
    try:
        body = None
        for _ in range(60):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as r:
                    body = json.loads(r.read())
                    break
            except OSError:
                time.sleep(0.5)
        assert body == {"status": "ok", "checks": {"database": {"ok": True}, "cache": {"ok": True}}}
    finally:
        server.terminate()
        server.wait(timeout=30)
    log.seek(0)
    entries = [json.loads(line) for line in log if line.startswith("{")]
    access = [e for e in entries if e["logger"] == "gunicorn.access"]
    assert access and access[-1]["path"] == "/healthz" and access[-1]["status"] == 200
    assert any(e["logger"] == "gunicorn.error" for e in entries)
