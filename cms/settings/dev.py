"""Local development: DEBUG on, every *.localhost host allowed, links on SITE_PORT (8000)."""

import os

from .base import *  # noqa: F403
from .base import BASE_DOMAIN, cors_origins, env_bool, env_int, env_list, site_root_url

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,.localhost,127.0.0.1,[::1]")
SITE_PORT = env_int("SITE_PORT", 8000)  # make run passes its PORT
CSRF_TRUSTED_ORIGINS = env_list(
    "CSRF_TRUSTED_ORIGINS", f"http://localhost:{SITE_PORT},http://*.localhost:{SITE_PORT}"
)
# Admin links in emails follow the port the server runs on (make run PORT=8123).
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL") or site_root_url(
    BASE_DOMAIN, SITE_PORT
)
# A front end on this machine (http://localhost:3000) may receive the webhooks.
WEBHOOK_ALLOW_PRIVATE_TARGETS = env_bool("WEBHOOK_ALLOW_PRIVATE_TARGETS", True)
# The reference front end (frontend/, `make frontend`) on port 3000, on any clinic's host too.
FRONTEND_ORIGINS = env_list(
    "FRONTEND_ORIGINS", "http://localhost:3000,http://127.0.0.1:3000,http://*.localhost:3000"
)
CORS_ALLOWED_ORIGINS, CORS_ALLOWED_ORIGIN_REGEXES = cors_origins(FRONTEND_ORIGINS)
