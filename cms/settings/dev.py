"""Local development: DEBUG on, every *.localhost host allowed, port 8000 links."""

import os

from .base import *  # noqa: F403
from .base import env_int, env_list

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,.localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list(
    "CSRF_TRUSTED_ORIGINS", "http://localhost:8000,http://*.localhost:8000"
)
SITE_PORT = env_int("SITE_PORT", 8000)
