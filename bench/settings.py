"""Benchmark settings: the production stack on loopback, without TLS redirects."""

import os

os.environ.setdefault("SECRET_KEY", "bench-only-" + "k" * 50)
os.environ.setdefault("ALLOWED_HOSTS", "*")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("STATIC_ROOT", "/tmp/clinic-bench-static")

from cms.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
RESPONSE_CACHE_EXCLUDED_PATHS = (*RESPONSE_CACHE_EXCLUDED_PATHS, "/bench/")  # noqa: F405
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
