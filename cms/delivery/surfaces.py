"""The query parameters each surface understands; the rest never reach a cache key or the CDN.

Cached HTML (Wagtail pages, tag pages) reads no query parameter, so
`/treatments/?utm=7` is the response of `/treatments/`: one cache entry, and
no URL for the CDN to keep apart (see `cdn_url`). Search reads `q` and
`page`, the sitemap `p`. The API checks its own parameters (Wagtail answers
400 to one it does not know, and a 400 is never cached), so API URLs keep all
of theirs. Order is normalised; repeated parameters keep their order (the
last one wins in the views).
"""

from urllib.parse import parse_qsl, urlencode

API_PREFIX = "/api/"
HTML_PARAMETERS = {"/search/": ("q", "page"), "/sitemap.xml": ("p",)}
# Unbounded values (free text): such URLs are cached here but never kept by the CDN.
FREE_TEXT_PARAMETERS = {"q", "search"}
MAX_FIELDS = 100
MAX_CDN_URL_LENGTH = 1000


def understood(path):
    """The parameter names `path` reads, or None for all (the API validates its own)."""
    if path.startswith(API_PREFIX):
        return None
    return HTML_PARAMETERS.get(path, ())


def _pairs(request):
    return parse_qsl(
        request.META.get("QUERY_STRING", ""), keep_blank_values=True, max_num_fields=MAX_FIELDS
    )


def normalised_query(request):
    """The query string the response depends on, in a canonical order.

    Raises ValueError for a query with more than MAX_FIELDS fields (not cached).
    """
    allowed = understood(request.path)
    pairs = [pair for pair in _pairs(request) if allowed is None or pair[0] in allowed]
    return urlencode(sorted(pairs, key=lambda pair: pair[0]))


def cdn_url(request):
    """The absolute URL the CDN may keep for this response, or None (it gets s-maxage=0).

    A URL whose parameters were all understood is kept as requested; one with
    ignored parameters is not kept (its canonical URL, without them, is the one
    indexed for purge). Free-text and very long URLs are never kept: their
    number is bounded only by traffic.
    """
    pairs = _pairs(request)
    if not pairs:
        return _without_query(request)
    allowed = understood(request.path)
    if allowed is not None and any(name not in allowed for name, _ in pairs):
        return None
    if any(name in FREE_TEXT_PARAMETERS for name, _ in pairs):
        return None
    url = request.build_absolute_uri()
    return url if len(url) <= MAX_CDN_URL_LENGTH else None


def canonical_url(request):
    """The surface's own URL, without ignored parameters, when it has no understood ones."""
    if normalised_query(request):
        return None
    return _without_query(request)


def _without_query(request):
    return request.build_absolute_uri().split("?", 1)[0]  # the path is escaped: no "?" in it
