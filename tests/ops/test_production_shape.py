"""Production settings under different environments: storage, sessions, logs, headers, health."""

import json
import logging
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from cms.ops.jsonlog import JsonFormatter
from tests.test_settings import PRODUCTION_ENV

ROOT = Path(__file__).resolve().parent.parent.parent

PROBE = """
import json
from django.conf import settings
from django.core.files.storage import storages
default_storage = storages["default"]
from django.test import Client
client = Client()
plain = client.get("/healthz", HTTP_HOST="cms.bowview-physio.example")
secure = client.get("/healthz", HTTP_HOST="cms.bowview-physio.example", secure=True)
home = client.get("/", HTTP_HOST="cms.bowview-physio.example")
print(json.dumps({
    "storage": type(default_storage).__module__ + "." + type(default_storage).__name__,
    "endpoint": getattr(default_storage, "endpoint_url", None),
    "bucket": getattr(default_storage, "bucket_name", None),
    "img_src": settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"],
    "session_engine": settings.SESSION_ENGINE,
    "cache_backend": settings.CACHES["default"]["BACKEND"],
    "docs_serve": getattr(settings, "WAGTAILDOCS_SERVE_METHOD", None),
    "formatter": settings.LOGGING["formatters"]["default"],
    "plain_status": plain.status_code,
    "home_status": home.status_code,
    "hsts": secure.headers.get("Strict-Transport-Security"),
}, default=str))
"""


def probe(**env):
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    environment.update(PRODUCTION_ENV)
    environment["ALLOWED_HOSTS"] += ",testserver"
    # Its own SQLite file: `SELECT 1` needs no tables, and DATABASE_URL may name a test server.
    environment["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/db.sqlite3"
    environment.update(env)
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", PROBE],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_default_is_local_media_json_logs_and_a_plain_http_health_probe():
    found = probe()
    assert found["storage"].endswith("FileSystemStorage")
    assert "JsonFormatter" in found["formatter"]["()"]
    assert found["session_engine"] == "django.contrib.sessions.backends.db"
    # The load balancer's plain-HTTP probe is answered; everything else goes to HTTPS.
    assert found["plain_status"] == 200
    assert found["home_status"] == 301
    assert found["hsts"].startswith("max-age=31536000")


def test_s3_bucket_switches_media_to_object_storage():
    found = probe(
        AWS_STORAGE_BUCKET_NAME="clinic-media",
        AWS_S3_ENDPOINT_URL="https://objects.example.net",
        AWS_S3_CUSTOM_DOMAIN="media.bowview-physio.example",
        AWS_ACCESS_KEY_ID="test-key",
        AWS_SECRET_ACCESS_KEY="test-secret",
    )
    assert found["storage"] == "storages.backends.s3.S3Storage"
    assert found["bucket"] == "clinic-media"
    assert found["endpoint"] == "https://objects.example.net"
    assert "https://media.bowview-physio.example" in found["img_src"]
    assert found["docs_serve"] == "serve_view"


def test_redis_url_moves_cache_and_sessions_to_redis():
    found = probe(REDIS_URL="redis://127.0.0.1:6379/15")
    assert found["cache_backend"] == "django_redis.cache.RedisCache"
    assert found["session_engine"] == "django.contrib.sessions.backends.cached_db"


def test_plain_logs_on_request():
    assert "format" in probe(LOG_FORMAT="plain")["formatter"]


def test_json_formatter_writes_one_parseable_line_with_extras():
    record = logging.LogRecord("cms", logging.WARNING, __file__, 1, 'said "%s"', ("hi",), None)
    record.page_id = 42
    line = JsonFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["message"] == 'said "hi"'
    assert entry["level"] == "WARNING"
    assert entry["page_id"] == 42


def test_json_formatter_names_gunicorn_access_fields():
    atoms = {"h": "10.0.0.1", "m": "GET", "U": "/healthz", "q": "", "s": "200", "B": 77, "M": 3}
    record = logging.LogRecord("gunicorn.access", logging.INFO, __file__, 1, "%(h)s", atoms, None)
    entry = json.loads(JsonFormatter().format(record))
    assert entry["path"] == "/healthz"
    assert entry["status"] == 200
    assert entry["duration_ms"] == 3
