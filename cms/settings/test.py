"""Test settings: fast hashing, local-memory cache, immediate tasks."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # test settings only  # nosec B105
ALLOWED_HOSTS = ["*"]
SITE_PORT = 80
BASE_DOMAIN = "localhost"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "clinic-cms-tests",
    },
    "renditions": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "clinic-cms-tests-renditions",
    },
}
# Query counts of cache hits stay exact however slow the machine (tests of the
# epoch's expiry move its clock instead).
RESPONSE_CACHE_EPOCH_TTL = 3600
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
WEBHOOK_ALLOW_PRIVATE_TARGETS = True  # the receivers listen on 127.0.0.1
