"""Server-side response cache for anonymous GET/HEAD requests (HTML and API).

A hit is served from the cache alone (no database query); a miss is stored
only when its view recorded what it showed (see dependencies.py) and nothing
it depends on changed while it was being rendered. Responses carry an ETag
and Cache-Control, and a matching If-None-Match gets a 304. Every entry also carries the cache
epoch it was stored under (epoch.py): one served after an invalidation the
cache missed would be stale, so an entry of an older epoch is never served.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control
from django.utils.http import http_date

from . import dependencies, epoch, purge, surfaces, surrogate_keys
from .local_entries import LocalEntries

KEY_PREFIX = "cms:response:"
HIT_HEADER = "X-Cache"
BYPASS_COOKIES = ("sessionid", "csrftoken")
CACHEABLE_STATUSES = (200, 301, 302)
# Recently served entries, kept in this process; checked against the shared tokens on every hit.
LOCAL = LocalEntries(settings.RESPONSE_CACHE_LOCAL_BYTES)


def response_cache_key(request):
    """Host, path and the query parameters the surface understands (surfaces.py)."""
    host = request.get_host().lower()
    raw = f"{host}|{request.path}|{surfaces.normalised_query(request)}"
    return KEY_PREFIX + hashlib.sha256(raw.encode()).hexdigest()


def is_cacheable_request(request):
    if request.method not in ("GET", "HEAD"):
        return False
    if any(name in request.COOKIES for name in BYPASS_COOKIES):
        return False  # editors and anyone with a session see live, uncached responses
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    return not request.path.startswith(settings.RESPONSE_CACHE_EXCLUDED_PATHS)


def etag_for(content):
    return '"' + hashlib.sha256(content).hexdigest()[:32] + '"'


# What a stored response answers with besides its body (per-request headers are not kept).
KEPT_HEADERS = (
    *surrogate_keys.HEADERS,
    "Content-Type",
    "ETag",
    "Cache-Control",
    "Last-Modified",
    "Vary",
    "Content-Language",
    "Location",
)


def _is_cacheable(response, deps):
    """A response that recorded its dependencies and is the same for every visitor."""
    cache_control = response.get("Cache-Control", "")
    return bool(
        deps
        and response.status_code in CACHEABLE_STATUSES
        and not response.streaming
        and not response.has_header("Set-Cookie")
        and "private" not in cache_control
        and "no-cache" not in cache_control
    )


def _timeout(until):
    """How long to keep a response valid until `until` (a timestamp, or None): 0 when past."""
    timeout = settings.RESPONSE_CACHE_TIMEOUT
    if until is None:
        return timeout
    if until <= time.time():
        return 0
    return min(timeout, max(1, int(until - time.time()) + 1))


def _mark_cacheable(response, deps, timeout):
    """Give a response about to be stored its validators, lifetimes and surrogate keys."""
    etag = etag_for(response.content)
    response["ETag"] = etag
    patch_cache_control(
        response,
        public=True,
        max_age=min(settings.RESPONSE_CACHE_MAX_AGE, timeout),
        s_maxage=min(settings.RESPONSE_CACHE_S_MAXAGE, timeout),
    )
    if not response.has_header("Last-Modified"):
        response["Last-Modified"] = http_date()
    response[HIT_HEADER] = "MISS"
    surrogate_keys.tag(response, deps)
    return etag


def _not_modified(request, etag):
    return etag and etag in [
        tag.strip() for tag in request.META.get("HTTP_IF_NONE_MATCH", "").split(",")
    ]


class ResponseCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.RESPONSE_CACHE_ENABLED or not is_cacheable_request(request):
            return self.get_response(request)
        try:
            key = response_cache_key(request)
        except ValueError:  # more query fields than any surface reads: not cached
            return self.get_response(request)
        entry = LOCAL.get(key)
        if entry is not None:
            if self._still_valid_locally(entry):
                return self._from_entry(request, entry)
            LOCAL.discard(key)
        entry = cache.get(key)
        if entry is not None and self._still_valid_locally(entry):
            LOCAL.put(key, entry)
            return self._from_entry(request, entry)
        started, stored_epoch = time.time_ns(), epoch.current()
        response = self.get_response(request)
        self._store(request, response, key, started, stored_epoch)
        return response

    @classmethod
    def _still_valid_locally(cls, entry):
        """A local entry: unchanged generation since its last check, else a full check.

        The generation is read before the tokens, and bumps write it after them,
        so a check that saw generation G saw every token bumped up to G.
        """
        current = dependencies.generation()
        checked = entry.get("checked_generation")
        if checked is not None and current == checked:
            return not cls._expired(entry) and cls._current_epoch(entry)
        if not cls._still_valid(entry):
            return False
        entry["checked_generation"] = current
        return cls._current_epoch(entry)

    @staticmethod
    def _current_epoch(entry):
        """Stored under the current epoch: no invalidation since was lost (read after the cache
        answered, so a process that saw the cache down rereads it when the cache is back)."""
        stored = entry.get("epoch")
        return stored is not None and stored == epoch.current()

    @staticmethod
    def _expired(entry):
        until = entry.get("until")
        return until is not None and time.time() >= until

    @classmethod
    def _still_valid(cls, entry):
        if cls._expired(entry):
            return False  # something it shows has expired since
        tokens = dependencies.current_tokens(entry["tokens"].keys())
        return tokens == entry["tokens"]

    def _from_entry(self, request, entry):
        from django.http import HttpResponse, HttpResponseNotModified

        if entry["status"] == 200 and _not_modified(request, entry["etag"]):
            response = HttpResponseNotModified()
        else:
            response = HttpResponse(entry["content"], status=entry["status"])
        for header, value in entry["headers"]:
            response[header] = value
        if response.has_header("Location"):
            response.url = response["Location"]  # as on Django's redirect responses
        if entry.get("cdn_url", False) not in (False, request.build_absolute_uri()):
            patch_cache_control(response, s_maxage=0)  # not a URL the CDN index has
        response[HIT_HEADER] = "HIT"
        return response

    def _store(self, request, response, key, started, stored_epoch):
        deps = dependencies.dependencies_of(request)
        if not _is_cacheable(response, deps):
            if deps is not None and response.status_code in CACHEABLE_STATUSES:
                response[HIT_HEADER] = "SKIP"
            return
        until = dependencies.valid_until_of(request)
        timeout = _timeout(until)
        tokens = dependencies.ensure_tokens(deps, since=started) if timeout else {}
        if not timeout or stored_epoch is None or any(t > started for t in tokens.values()):
            response[HIT_HEADER] = "SKIP"
            return  # expired, or something it shows changed while it rendered (or no epoch)
        cdn_url = self._index_for_purge(request, deps)
        etag = _mark_cacheable(response, deps, timeout)
        headers = [(name, response[name]) for name in KEPT_HEADERS if response.has_header(name)]
        if cdn_url not in (False, request.build_absolute_uri()):
            patch_cache_control(response, s_maxage=0)  # the entry keeps the CDN's s-maxage
        cache.set(
            key,
            {
                "status": response.status_code,
                "content": response.content,
                "headers": headers,
                "etag": etag,
                "tokens": tokens,
                "until": until,
                "epoch": stored_epoch,
                "cdn_url": cdn_url,
            },
            timeout,
        )
        LOCAL.discard(key)
        if response.status_code == 200 and _not_modified(request, etag):
            response.status_code = 304
            response.content = b""

    @staticmethod
    def _index_for_purge(request, deps):
        """The URL the CDN may keep this response under, None for none, False without a CDN.

        The canonical URL (without ignored parameters) is indexed whichever
        request rendered it, so a flood of `?utm=N` never pushes it out.
        """
        if not purge.purge_enabled():
            return False
        url = surfaces.cdn_url(request) or surfaces.canonical_url(request)
        if url is not None and purge.remember_url(url, deps):
            return url
        return None


class DatabaseUnavailableMiddleware:
    """A database that does not answer is a 503 with Retry-After, not a 500.

    Requests fail fast while PostgreSQL restarts (connection refused, or the
    connect timeout) and the next ones reconnect by themselves: Django opens a
    new connection per request when the old one is unusable
    (CONN_HEALTH_CHECKS), so the app never needs a restart.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from cms.ops.errors import DATABASE_ERRORS, database_unavailable

        if isinstance(exception, DATABASE_ERRORS):
            return database_unavailable(request, exception)
        return None
