"""CDN purge: every URL the CDN may hold a response under, when what it showed changes.

Wagtail's frontend_cache purges a page's own HTML URL on publish. Front ends
also read API listings, details and find URLs, and clinic pages that show a
library page; those are not the page's URL. The response cache knows which
dependency keys each stored URL showed, so it keeps an index key -> URLs (rows
of `PurgeURL`) and hands exactly those URLs to frontend_cache's purge task
when the keys change.

The index cannot be flooded: only URLs the CDN may keep are indexed (see
`surfaces.cdn_url`: no ignored or free-text parameters), a URL without a query
(a surface's canonical URL) is always indexed, and at most
MAX_VARIANTS_PER_KEY URLs with a query are indexed per key. A URL that is not
indexed is sent with `s-maxage=0`, so the CDN never holds what a publish would
not purge, and the purges of one publish are bounded by what it changed.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q

from .keys import SITES

# Keys every response carries; a change to them purges everything (documented).
UNINDEXED_KEYS = {SITES}
MAX_VARIANTS_PER_KEY = 50
MAX_KEY_LENGTH = 100


def purge_enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def _indexed(keys):
    return sorted(k for k in keys if k not in UNINDEXED_KEYS and len(k) <= MAX_KEY_LENGTH)


def remember_url(url, keys):
    """Index the response at `url` under `keys`; False when it is not (the CDN must not keep it).

    One query for a URL without a query string, two with one (the per-key bound).
    """
    from .models import PurgeURL

    keys = _indexed(keys)
    has_query = "?" in url
    if has_query:
        counts = (
            PurgeURL.objects.filter(key__in=keys, has_query=True)
            .values("key")
            .annotate(n=Count("pk"), mine=Count("pk", filter=Q(url=url)))
        )
        if any(row["n"] >= MAX_VARIANTS_PER_KEY and not row["mine"] for row in counts):
            return False
    PurgeURL.objects.bulk_create(
        [PurgeURL(key=key, url=url, has_query=has_query) for key in keys], ignore_conflicts=True
    )
    return True


def take_urls(keys):
    """Remove from the index, and return, the URLs indexed under `keys`.

    The rows are locked while they are read and deleted: a response indexing
    one of them meanwhile waits, then adds a fresh row for the next purge.
    """
    from .models import PurgeURL

    with transaction.atomic():
        rows = list(
            PurgeURL.objects.select_for_update()
            .filter(key__in=_indexed(keys))
            .values_list("pk", "url")
        )
        PurgeURL.objects.filter(pk__in=[pk for pk, _ in rows]).delete()
    return sorted({url for _, url in rows})


def purge_keys(keys):
    """Queue a CDN purge of every URL that showed one of `keys` (runs in the task worker)."""
    if not purge_enabled():
        return []
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    urls = take_urls(keys)
    if urls:
        purge_urls_from_cache(urls)
    return urls
