"""CDN purge: every URL a cached response was stored under, when what it showed changes.

Wagtail's frontend_cache purges a page's own HTML URL on publish. Front ends
also read API listings, details and find URLs, and clinic pages that show a
library page; those are not the page's URL. The response cache knows which
dependency keys each stored URL showed, so it keeps an index key -> URLs and
hands exactly those URLs to frontend_cache's purge task when the keys change.
"""

from django.conf import settings
from django.core.cache import cache

INDEX_PREFIX = "cms:urls:"
MAX_URLS_PER_KEY = 2000
# Keys every response carries; a change to them purges everything (documented).
UNINDEXED_KEYS = {"sites"}


def purge_enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def remember_url(url, keys):
    """Note that the response at `url` showed `keys`."""
    if not purge_enabled():
        return
    keys = [key for key in keys if key not in UNINDEXED_KEYS]
    stored = cache.get_many([INDEX_PREFIX + key for key in keys])
    updates = {}
    for key in keys:
        urls = stored.get(INDEX_PREFIX + key) or []
        if url not in urls:
            updates[INDEX_PREFIX + key] = [*urls, url][-MAX_URLS_PER_KEY:]
    if updates:
        cache.set_many(updates, settings.RESPONSE_CACHE_TIMEOUT)


def urls_for(keys):
    found = cache.get_many([INDEX_PREFIX + key for key in keys])
    urls = []
    for key in keys:
        urls.extend(found.get(INDEX_PREFIX + key) or [])
    return sorted(set(urls))


def purge_keys(keys):
    """Queue a CDN purge of every URL that showed one of `keys` (runs in the task worker)."""
    if not purge_enabled():
        return []
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    urls = urls_for([key for key in keys if key not in UNINDEXED_KEYS])
    if urls:
        purge_urls_from_cache(urls)
        cache.delete_many([INDEX_PREFIX + key for key in keys])
    return urls
