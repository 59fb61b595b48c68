"""Settings shared by every environment.

Anything that differs between machines comes from the environment; see
docs/configuration.md for the full list.
"""

import ipaddress
import os
import re
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name, default=""):
    """A comma-separated environment variable as a list of non-empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), got {value!r}")


def env_networks(name, default=""):
    """A comma-separated list of IP addresses or networks (CIDR), checked at start-up."""
    items = env_list(name, default)
    for item in items:
        try:
            ipaddress.ip_network(item, strict=False)
        except ValueError as exc:
            raise ImproperlyConfigured(
                f"{name} must list IP addresses or networks, got {item!r}"
            ) from exc
    return items


def env_int(name, default):
    value = os.environ.get(name)
    if value in (None, ""):
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {value!r}") from exc


INSTALLED_APPS = [
    "home",
    "treatments",
    "cms.seo",
    "cms.delivery",
    "search",
    "cms.editorial",
    "cms.webhooks",
    "cms.ops",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.frontend_cache",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "phonenumber_field",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "axes",
    "corsheaders",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside the response cache, so cached hits carry these headers too.
    "cms.ops.csp.SiteCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the response cache too: a cached hit gets the CORS headers of the origin
    # asking now, never those of the origin whose request filled the cache.
    "corsheaders.middleware.CorsMiddleware",
    "cms.delivery.middleware.ResponseCacheMiddleware",
    "cms.delivery.middleware.DatabaseUnavailableMiddleware",
    # Rich text page links resolve for the request's site (treatments/rich_text_links.py).
    "treatments.rich_text_links.RichTextLinksMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Draft, preview, revision and compare views need page-content permission (cms/seo).
    "cms.seo.content_views.PageContentViewsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.current_site",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# Database: DATABASE_URL (any dj-database-url URL); a SQLite file in the
# project when unset, so a fresh checkout runs with no database server.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Fail fast while the database restarts instead of hanging a worker.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env_int("DATABASE_CONNECT_TIMEOUT", 3)
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process and the task worker read while the other writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE", "timeout": 20}
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis through django-redis when REDIS_URL is set, local memory otherwise.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "cms",
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                # A cache outage degrades to the database instead of a 500.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
    # Wagtail looks renditions up in the "renditions" cache when it exists.
    CACHES["renditions"] = {**CACHES["default"], "KEY_PREFIX": "cms-renditions"}
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    # No Redis: a file-based cache, shared by every process on this machine (web
    # server, task worker, scheduler), so an invalidation in one reaches all.
    # A per-process local-memory cache would keep serving what another process
    # invalidated. Set CACHE_BACKEND=locmem to force it for a single process.
    CACHE_DIR = Path(os.environ.get("CACHE_DIR", BASE_DIR / ".cache"))
    if os.environ.get("CACHE_BACKEND") == "locmem":
        CACHES = {
            name: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": name}
            for name in ("default", "renditions")
        }
    else:
        CACHES = {
            name: {
                "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                "LOCATION": CACHE_DIR / name,
                "OPTIONS": {"MAX_ENTRIES": 20_000},
            }
            for name in ("default", "renditions")
        }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-ca"
TIME_ZONE = os.environ.get("TIME_ZONE", "America/Edmonton")
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Background tasks (django-tasks). The database backend keeps tasks in the
# project's database; `python manage.py db_worker` runs them.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# Clinic sites: each clinic is served at SLUG.BASE_DOMAIN (and SITE_PORT).
BASE_DOMAIN = os.environ.get("BASE_DOMAIN", "localhost")
SITE_PORT = env_int("SITE_PORT", 80)

PHONENUMBER_DEFAULT_REGION = "CA"
PHONENUMBER_DEFAULT_FORMAT = "E164"
PHONENUMBER_DB_FORMAT = "E164"

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Clinic CMS")


def cors_origins(origins):
    """FRONTEND_ORIGINS split for django-cors-headers: exact origins, and `*.` wildcards as regexes.

    `https://*.example.org` (as in CSRF_TRUSTED_ORIGINS) matches every subdomain of
    example.org with that scheme and port, and nothing else.
    """
    exact, patterns = [], []
    for origin in origins:
        scheme, sep, rest = origin.rstrip("/").partition("://")
        if not sep:
            raise ImproperlyConfigured(f"FRONTEND_ORIGINS needs scheme://host, got {origin!r}")
        if rest.startswith("*."):
            host = re.escape(rest[2:])
            patterns.append(rf"^{re.escape(scheme)}://[a-z0-9-]+(\.[a-z0-9-]+)*\.{host}$")
        else:
            exact.append(f"{scheme}://{rest}")
    return exact, patterns


def site_root_url(hostname, port):
    """A site's root URL as Wagtail's Site.root_url builds it (80: http, 443: https)."""
    if port == 80:
        return f"http://{hostname}"
    if port == 443:
        return f"https://{hostname}"
    return f"http://{hostname}:{port}"


# Admin links in emails: the brand site's root URL unless the admin has its own host.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL") or site_root_url(
    BASE_DOMAIN, SITE_PORT
)
# Search: Wagtail's database backend (PostgreSQL full-text search, or SQLite
# FTS5) unless SEARCH_URL lists OpenSearch/Elasticsearch nodes; docs/search.md.
SEARCH_URL = os.environ.get("SEARCH_URL", "")
if SEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": os.environ.get("SEARCH_BACKEND", "wagtail.search.backends.opensearch3"),
            "URLS": env_list("SEARCH_URL"),
            "INDEX_PREFIX": os.environ.get("SEARCH_INDEX_PREFIX", "clinic_cms_"),
            "TIMEOUT": env_int("SEARCH_TIMEOUT", 5),
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Documents leave only through Wagtail's serve view, which applies collection
# privacy; no URL map serves MEDIA_ROOT/documents/ (cms/ops/media.py).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# An image public pages show cannot move into a private collection (cms/seo/image_form.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.seo.image_form.ImageForm"
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
# A slug change or move leaves a redirect from every old URL (cms/seo, docs/seo.md).
WAGTAILREDIRECTS_AUTO_CREATE = True
# Most items one API v2 listing request may ask for (?limit=); see docs/api.md.
WAGTAILAPI_LIMIT_MAX = env_int("WAGTAILAPI_LIMIT_MAX", 50)

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "cms@localhost")

# Editorial workflow (cms/editorial, docs/editorial.md).
# Approving a clinical review sets the next review this many days later.
CLINICAL_REVIEW_INTERVAL_DAYS = env_int("CLINICAL_REVIEW_INTERVAL_DAYS", 365)
# Pages whose next review is due within this many days are listed and emailed.
REVIEW_REMINDER_DAYS = env_int("REVIEW_REMINDER_DAYS", 30)
# How often `manage.py run_scheduler` runs publish_scheduled (go-live and expiry).
SCHEDULER_INTERVAL_SECONDS = env_int("SCHEDULER_INTERVAL_SECONDS", 60)
# A Clinical review approval publishes even where the reviewer has no page rights (a clinic).
WAGTAIL_FINISH_WORKFLOW_ACTION = "cms.editorial.finish.publish_approved"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# Response cache (cms/delivery): anonymous GET/HEAD responses, invalidated exactly
# by the dependency keys each response recorded. See docs/caching.md.
RESPONSE_CACHE_ENABLED = env_bool("RESPONSE_CACHE_ENABLED", True)
RESPONSE_CACHE_TIMEOUT = env_int("RESPONSE_CACHE_TIMEOUT", 60 * 60)
RESPONSE_CACHE_MAX_AGE = env_int("RESPONSE_CACHE_MAX_AGE", 0)
RESPONSE_CACHE_S_MAXAGE = env_int("RESPONSE_CACHE_S_MAXAGE", 600)
# Bytes of recently served responses each process keeps beside the shared cache (0: none).
RESPONSE_CACHE_LOCAL_BYTES = env_int("RESPONSE_CACHE_LOCAL_BYTES", 32 * 1024 * 1024)
# Seconds each process may go without rereading the cache epoch (cms/delivery/epoch.py):
# at most the Redis socket timeout, so a publish whose invalidation timed out is
# never undone by a process that read the epoch before it.
RESPONSE_CACHE_EPOCH_TTL = float(os.environ.get("RESPONSE_CACHE_EPOCH_TTL", "0.5"))
RESPONSE_CACHE_EXCLUDED_PATHS = (
    "/admin/",
    "/documents/",
    "/static/",
    "/media/",
    "/django-admin/",
    "/api/v2/preview/",
    "/healthz",
)

# CDN purge on publish (wagtail.contrib.frontend_cache), chosen by environment:
#   FRONTEND_CACHE_HTTP_URL       a Varnish/nginx-style cache that accepts PURGE requests
#   CLOUDFLARE_API_TOKEN + CLOUDFLARE_ZONE_ID
#   CLOUDFRONT_DISTRIBUTION_ID    (AWS credentials from the usual AWS environment)
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_HTTP_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_HTTP_URL"],
    }
if os.environ.get("CLOUDFLARE_API_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ["CLOUDFLARE_API_TOKEN"],
        "ZONEID": os.environ.get("CLOUDFLARE_ZONE_ID", ""),
    }
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
    }

# Surrogate keys (cms/delivery/surrogate_keys.py): cached responses name their dependency
# keys in xkey / Surrogate-Key / Cache-Tag headers; a change purges by key at this URL (Varnish).
SURROGATE_KEY_HEADERS = env_bool("SURROGATE_KEY_HEADERS", True)
SURROGATE_PURGE_URL = os.environ.get("SURROGATE_PURGE_URL", "")

# Publish webhooks (cms/webhooks, docs/webhooks.md): attempts per delivery, the
# seconds to wait after each failed attempt (the last repeats), and the POST timeout.
WEBHOOK_MAX_ATTEMPTS = env_int("WEBHOOK_MAX_ATTEMPTS", 5)
WEBHOOK_RETRY_DELAYS = tuple(
    int(seconds) for seconds in env_list("WEBHOOK_RETRY_DELAYS", "30,120,600,3600")
)
WEBHOOK_TIMEOUT_SECONDS = env_int("WEBHOOK_TIMEOUT_SECONDS", 5)
# Loopback, private and link-local targets are refused unless this is on (dev and tests only).
WEBHOOK_ALLOW_PRIVATE_TARGETS = env_bool("WEBHOOK_ALLOW_PRIVATE_TARGETS", False)

# CORS for API v2 (django-cors-headers, docs/frontend.md): browsers on the front ends'
# origins (FRONTEND_ORIGINS) may read it. Anonymous and read-only: no credentials, GET/HEAD/OPTIONS only.
FRONTEND_ORIGINS = env_list("FRONTEND_ORIGINS")
CORS_ALLOWED_ORIGINS, CORS_ALLOWED_ORIGIN_REGEXES = cors_origins(FRONTEND_ORIGINS)
CORS_URLS_REGEX = r"^/api/v2/"
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
# Conditional requests need a preflight for If-None-Match; nothing else is read.
CORS_ALLOW_HEADERS = ("accept", "accept-language", "if-none-match", "if-modified-since")
CORS_EXPOSE_HEADERS = ("ETag", "X-Cache")
CORS_PREFLIGHT_MAX_AGE = env_int("CORS_PREFLIGHT_MAX_AGE", 86400)

# Headless preview (cms/delivery/preview.py, docs/preview.md): how long a preview token
# works, and the front end's preview route, framed in the editor's preview panel with
# ?token=&site=&content_type= ({root_url} and {hostname} are the clinic site's). The
# default is the reference front end's route (frontend/, `make frontend`).
PREVIEW_TOKEN_MAX_AGE = env_int("PREVIEW_TOKEN_MAX_AGE", 60 * 60)
PREVIEW_CLIENT_URL = os.environ.get("PREVIEW_CLIENT_URL", "http://localhost:3000/api/preview")

# Security headers and admin login throttling (cms/ops, docs/deploy.md#security).
# Content-Security-Policy (django-csp): strict on public pages; the Wagtail admin
# needs inline scripts and styles, so paths under ADMIN_CSP_PATH_PREFIXES get
# ADMIN_CONTENT_SECURITY_POLICY. CSP_MEDIA_SOURCES adds origins that serve media
# (an S3 bucket or CDN); CSP_FRAME_SOURCES the embed providers.
CSP_MEDIA_SOURCES = env_list("CSP_MEDIA_SOURCES")
CSP_FRAME_SOURCES = env_list(
    "CSP_FRAME_SOURCES",
    "https://www.youtube-nocookie.com,https://www.youtube.com,https://player.vimeo.com",
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *CSP_MEDIA_SOURCES],
        "media-src": ["'self'", *CSP_MEDIA_SOURCES],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *CSP_FRAME_SOURCES],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
ADMIN_CSP_PATH_PREFIXES = ("/admin/", "/django-admin/")
# Avatars over HTTPS whatever the scheme of the admin (the default is scheme-relative).
WAGTAIL_GRAVATAR_PROVIDER_URL = "https://www.gravatar.com/avatar"
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", "https:"],
        "media-src": ["'self'", "blob:", *CSP_MEDIA_SOURCES],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'", "https://releases.wagtail.org"],  # the upgrade notice
        "frame-src": ["'self'", "https:"],
        "worker-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
# Permissions-Policy (django-permissions-policy): browser features no page here uses.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}
# SecurityMiddleware: X-Content-Type-Options: nosniff and a Referrer-Policy everywhere.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

# Login throttling (django-axes): after LOGIN_FAILURE_LIMIT failed logins for one
# username from one client address, that pair is refused (HTTP 429) for
# LOGIN_COOLOFF_MINUTES; a successful login resets the count. The client address
# is the Nth X-Forwarded-For entry from the right behind TRUSTED_PROXY_COUNT proxies.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out login early
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "cms.ops.client_ip.client_ip"
AXES_LOCKOUT_TEMPLATE = "ops/login_locked.html"
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# Addresses or networks of those proxies (empty: any hop counts, up to the count).
TRUSTED_PROXY_ADDRESSES = env_networks("TRUSTED_PROXY_ADDRESSES")
