"""What a response showed, as dependency keys, and the version token of each key.

A view records the keys of everything it rendered (`depend_on`). The response
cache stores, next to each response, the token each key had when it was stored;
a change bumps the tokens of the keys it touches (`bump`), so exactly the
responses that showed it stop matching. The keys are built in keys.py.
"""

import logging
import time

from django.core.cache import cache, caches

from . import epoch
from .batch import collect_keys
from .keys import SITES

logger = logging.getLogger(__name__)

REQUEST_ATTR = "_cache_dependencies"
UNTIL_ATTR = "_cache_valid_until"
TOKEN_PREFIX = "cms:dep:"  # noqa: S105 - a cache key prefix, not a secret  # nosec B105
TOKEN_TIMEOUT = 60 * 60 * 24 * 30
GENERATION_KEY = TOKEN_PREFIX + "*generation"


def depend_on(request, *keys):
    """Record that the response to `request` shows what `keys` name."""
    deps = getattr(request, REQUEST_ATTR, None)
    if deps is None:
        deps = set()
        setattr(request, REQUEST_ATTR, deps)
    deps.update(key for key in keys if key)
    deps.add(SITES)


def dependencies_of(request):
    return getattr(request, REQUEST_ATTR, None)


def valid_until(request, *moments):
    """Record that the response to `request` must not be served after the earliest of `moments`.

    A page past its expiry date leaves every surface at once, before the
    scheduler unpublishes it (which then bumps its keys as usual).
    """
    moments = [moment for moment in moments if moment is not None]
    if moments:
        earliest = min(moments).timestamp()
        setattr(request, UNTIL_ATTR, min(earliest, getattr(request, UNTIL_ATTR, earliest)))


def valid_until_of(request):
    """The epoch second after which the response must not be served, or None."""
    return getattr(request, UNTIL_ATTR, None)


def _token_key(key):
    return TOKEN_PREFIX + key


def current_tokens(keys):
    """{key: token} for the keys that have a token (missing keys are absent)."""
    found = cache.get_many([_token_key(key) for key in keys])
    return {key: found[_token_key(key)] for key in keys if _token_key(key) in found}


def ensure_tokens(keys, since):
    """Tokens for every key; a key never bumped (or evicted) gets `since`, the render's start.

    A bump during the render would have left a token newer than `since`, so a
    missing token means nothing this response shows changed while it rendered.
    """
    tokens = current_tokens(keys)
    missing = {key: since for key in keys if key not in tokens}
    if missing:
        cache.set_many({_token_key(k): v for k, v in missing.items()}, TOKEN_TIMEOUT)
        tokens.update(missing)
    return tokens


def generation():
    """The token of the latest bump of any key, or None when the cache has lost it.

    While it is unchanged, no token has changed either: a response checked
    against its tokens since then is still valid (one key read instead of all).
    """
    found = cache.get(GENERATION_KEY)
    if found is None:
        cache.add(GENERATION_KEY, _new_token(), TOKEN_TIMEOUT)
    return found


def bump(*keys):
    """Invalidate every cached response that showed any of `keys`."""
    keys = {key for key in keys if key}
    if keys and not collect_keys(keys):  # a library fan-out bumps its keys at its end
        token = _new_token()
        tokens = {_token_key(key): token for key in keys}
        tokens[GENERATION_KEY] = token  # last: set once every token above is (MSET on Redis)
        if not _write(tokens):
            epoch.advance()  # the cache did not take it: nothing stored so far is served again
        from . import surrogate_keys
        from .purge import purge_keys

        purge_keys(keys)
        surrogate_keys.purge(keys)


def _write(values):
    """Write `values` to the shared cache; False when it did not take them.

    django-redis swallows connection errors (IGNORE_EXCEPTIONS, so that reads
    degrade to misses); an invalidation must know, so it calls the client itself.
    """
    from django_redis.cache import RedisCache

    shared = caches["default"]
    try:
        if isinstance(shared, RedisCache):
            shared.client.set_many(values, timeout=TOKEN_TIMEOUT)
            return True
        return not shared.set_many(values, TOKEN_TIMEOUT)
    except Exception as error:  # any failure to write means the invalidation may be lost
        logger.warning("invalidation not written to the cache: %r", error)
        return False


def _new_token():
    # Nanoseconds since the epoch: comparable with a request's start time, so a
    # response rendered before a bump is never stored under the new token.
    return time.time_ns()
