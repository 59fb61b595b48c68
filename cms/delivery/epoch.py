"""The cache epoch: what makes an invalidation that the cache did not take durable.

`bump` writes version tokens to the shared cache. When that write fails (Redis
unreachable, timed out), the tokens of the stored responses would still match
once Redis is back, and they would be served again. So a failed write advances
an epoch kept in the database, and every cached response, shared or in a
process's local copy, is served only while the epoch it was stored under is
still current: one lost invalidation drops every cached response, once.

Hits stay free of queries: each process rereads the epoch at most once per
RESPONSE_CACHE_EPOCH_TTL seconds (one indexed single-row query), and right
away after advancing it itself. If the database does not answer, the last
value read stays in use (no invalidation can be recorded meanwhile).
"""

import logging
import threading
import time

from django.conf import settings
from django.db import Error as DatabaseError
from django.db import transaction
from django.db.models import F

logger = logging.getLogger(__name__)
EPOCH_ID = 1
_lock = threading.Lock()
_state = {"value": None, "read_at": float("-inf")}
_clock = time.monotonic


def current():
    """The epoch, as read from the database at most RESPONSE_CACHE_EPOCH_TTL seconds ago."""
    now = _clock()
    if _state["value"] is not None and now - _state["read_at"] < settings.RESPONSE_CACHE_EPOCH_TTL:
        return _state["value"]
    from .models import CacheEpoch

    try:
        value = CacheEpoch.objects.filter(pk=EPOCH_ID).values_list("value", flat=True).first()
    except DatabaseError as error:  # OperationalError, InterfaceError (a closed connection)
        logger.warning("cache epoch unreadable, keeping %s: %s", _state["value"], error)
        value = _state["value"]
    else:
        value = value or 0
    with _lock:
        _state.update(value=value, read_at=now)
    return value


def advance():
    """Make every response cached so far unservable (an invalidation did not reach the cache)."""
    from .models import CacheEpoch

    if not CacheEpoch.objects.filter(pk=EPOCH_ID).update(value=F("value") + 1):
        CacheEpoch.objects.get_or_create(pk=EPOCH_ID, defaults={"value": 1})
    forget()
    # Inside a transaction the new value is visible to this process only after the commit.
    transaction.on_commit(forget)
    logger.warning("cache epoch advanced: an invalidation could not be written to the cache")


def forget():
    """Reread the epoch on next use."""
    with _lock:
        _state.update(value=None, read_at=float("-inf"))
