"""Production: everything secret or machine-specific comes from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

from cms.ops.jsonlog import logging_config

from .base import *  # noqa: F403
from .base import env_bool, env_int, env_list, env_networks

DEBUG = False

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production (comma-separated).")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

STORAGES["staticfiles"] = {
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
}

# HTTPS: the app sits behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"  # Wagtail previews override this to SAMEORIGIN themselves

if REDIS_URL:
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)

# Load balancers probe /healthz over plain HTTP, straight to the app.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Login throttling counts failures per client address: behind nginx or a load
# balancer that address is in X-Forwarded-For (cms/ops/client_ip.py).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1)
# ...and only hops from these addresses count: nginx on this machine by default; the
# load balancer's subnet past one machine. A client reaching gunicorn directly is
# keyed on its own address, whatever X-Forwarded-For it sends.
TRUSTED_PROXY_ADDRESSES = env_networks("TRUSTED_PROXY_ADDRESSES", "127.0.0.1,::1")

# Media: local disk (MEDIA_ROOT) unless AWS_STORAGE_BUCKET_NAME names an
# S3-compatible bucket (AWS S3, MinIO, Ceph, R2...). Credentials come from the
# usual AWS environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) or an
# instance role. See docs/deploy.md#media.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN", "")
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": AWS_S3_CUSTOM_DOMAIN or None,
            "location": os.environ.get("AWS_LOCATION", "media"),
            "default_acl": os.environ.get("AWS_DEFAULT_ACL") or None,
            # Image URLs stay stable and CDN-cacheable; documents go through Django below.
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
            "file_overwrite": False,
        },
    }
    # Documents are streamed by Wagtail's serve view (WAGTAILDOCS_SERVE_METHOD in
    # base.py), which enforces their privacy, rather than redirected to a bucket URL
    # anyone could reuse; keep the bucket's documents/ prefix private.
    _media_origin = (
        f"https://{AWS_S3_CUSTOM_DOMAIN}"
        if AWS_S3_CUSTOM_DOMAIN
        else os.environ.get("AWS_S3_ENDPOINT_URL", "https://*.amazonaws.com")
    )
    for _directive in ("img-src", "media-src"):
        CONTENT_SECURITY_POLICY["DIRECTIVES"][_directive].append(_media_origin)

# Local-disk documents, once the serve view has checked their privacy, are sent by
# nginx (X-Accel-Redirect to an `internal` location) instead of a Python worker.
if env_bool("DOCUMENTS_X_ACCEL_REDIRECT", False) and not AWS_STORAGE_BUCKET_NAME:
    SENDFILE_BACKEND = "cms.ops.media"
    SENDFILE_URL = os.environ.get("DOCUMENTS_X_ACCEL_PREFIX", "/protected-media/")

# Logs: JSON lines on stdout (LOG_FORMAT=plain for text), gunicorn's included.
LOGGING = logging_config(
    level=os.environ.get("LOG_LEVEL", "INFO"),
    json_lines=os.environ.get("LOG_FORMAT", "json") != "plain",
)
