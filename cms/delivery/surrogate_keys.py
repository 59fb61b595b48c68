"""Surrogate keys: each cached response names what it shows, so a shared cache purges by name.

The response cache already knows the dependency keys of every response it stores
(`page:12`, `clinic:4`, `tagged:3`, ...; see docs/caching.md). Sent as headers,
they let a cache in front purge exactly the responses a change touched, wherever
they are: API listings, finds, tag pages, sitemaps and search included, with no
URL tracking. Three spellings for three caches:

- `xkey` for Varnish with varnish-modules' xkey (`deploy/varnish/default.vcl`);
- `Surrogate-Key` for Fastly (space-separated);
- `Cache-Tag` for Cloudflare (comma-separated; purged through its API by tag).

A change sends one `PURGE` per batch of keys to `SURROGATE_PURGE_URL` with the keys
in an `xkey-purge` header (Varnish; Fastly's API takes the same list), from the
task worker. The URL purge through wagtail.contrib.frontend_cache stays for
caches without keys (`FRONTEND_CACHE_HTTP_URL` and friends).
"""

import logging
import threading
import urllib.error
import urllib.request

from django.conf import settings
from django.db import transaction
from django_tasks import task

logger = logging.getLogger(__name__)

# Varnish's xkey and Fastly accept long key lists; keep each request's header modest.
KEYS_PER_PURGE = 100
HEADERS = ("xkey", "Surrogate-Key", "Cache-Tag")


def tag(response, keys):
    """Name `keys` on `response` for the shared caches in front (when enabled)."""
    if not getattr(settings, "SURROGATE_KEY_HEADERS", True) or not keys:
        return
    names = sorted(keys)
    response["xkey"] = " ".join(names)
    response["Surrogate-Key"] = " ".join(names)
    response["Cache-Tag"] = ",".join(names)


_pending = threading.local()


def purge(keys):
    """Queue a purge by key of every response that named one of `keys`.

    A publish bumps keys many times (the page, then each tag it carries); the keys
    of one transaction go out together when it commits, in one task: the first
    commit callback sends them all, the others find nothing left. Keys of a
    transaction that rolled back go out with the next one (a purge too many is safe).
    """
    if not keys or not getattr(settings, "SURROGATE_PURGE_URL", ""):
        return
    if getattr(_pending, "keys", None) is None:
        _pending.keys = set()
    _pending.keys.update(keys)
    transaction.on_commit(_send_pending)


def _send_pending():
    keys, _pending.keys = getattr(_pending, "keys", None), set()
    if keys:
        purge_keys_task.enqueue(sorted(keys))


class _PurgeRequest(urllib.request.Request):
    def get_method(self):
        return "PURGE"


@task(priority=10)  # a stale edge first, search and reference indexing after (priority 0)
def purge_keys_task(keys):
    """One PURGE per batch of keys; a cache that does not answer is logged, not retried."""
    url = settings.SURROGATE_PURGE_URL
    sent = 0
    for start in range(0, len(keys), KEYS_PER_PURGE):
        batch = keys[start : start + KEYS_PER_PURGE]
        request = _PurgeRequest(url, headers={"xkey-purge": " ".join(batch)})
        try:
            with urllib.request.urlopen(request, timeout=5):  # noqa: S310 - a configured URL  # nosec B310
                sent += 1
        except (urllib.error.URLError, OSError) as error:
            logger.error("surrogate key purge at %s failed: %s", url, error)
    return sent
