"""Stock Wagtail on the same content: Wagtail's own v2 pages endpoint and page serving, no response cache."""

from bench.settings import *  # noqa: F403
from bench.settings import MIDDLEWARE

ROOT_URLCONF = "bench.stock_urls"
MIDDLEWARE = [m for m in MIDDLEWARE if m != "cms.delivery.middleware.ResponseCacheMiddleware"]
RESPONSE_CACHE_ENABLED = False
