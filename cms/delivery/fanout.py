"""Alias publishes handled as one batch: one bump, one purge per key batch, one endpoints query.

Wagtail sends page_published once per alias it updates (`Page.update_aliases`),
and saving each alias's tags sends post_save per tag. Handled one by one, every
clinic's copy cost its own queries, token writes, purge requests and webhook
endpoint lookup. Inside `collecting()` (the library fan-out task,
treatments/alias_fanout.py) the handlers leave alias publishes to the batch and
`dependencies.bump` only collects keys; the task hands the collected copies and
keys to `invalidate_pages` and `cms.webhooks.events.notify_many` once the copies
are committed.
"""

import threading
from contextlib import contextmanager
from dataclasses import dataclass, field

from wagtail.models import Page
from wagtail.signals import page_published

_state = threading.local()


@dataclass
class Batch:
    pages: list = field(default_factory=list)  # the aliases published, as Wagtail saved them
    keys: set = field(default_factory=set)  # the keys bumped meanwhile, bumped at the end


def _batch():
    return getattr(_state, "batch", None)


@contextmanager
def collecting():
    """Collect the aliases published and the keys bumped within."""
    previous, _state.batch = _batch(), Batch()
    try:
        yield _state.batch
    finally:
        _state.batch = previous


def batched(kwargs):
    """Whether the page_published being handled (its `kwargs`) is an alias left to the batch."""
    return bool(kwargs.get("alias")) and _batch() is not None


def collect_keys(keys):
    """True when `keys` join the batch under way (so `bump` leaves them to its end)."""
    batch = _batch()
    if batch is None:
        return False
    batch.keys.update(keys)
    return True


def _collect(sender, instance, **kwargs):
    if batched(kwargs):
        _batch().pages.append(instance)


page_published.connect(_collect, dispatch_uid="delivery_fanout_collect")


def invalidate_pages(pages, keys=()):
    """Bump the keys of every page in `pages`, and `keys`, at once: one parents query, one bump."""
    from . import dependencies
    from .invalidation import page_change_keys
    from .signals import content_changed

    parent_paths = {page.path[: -Page.steplen] for page in pages}
    parents = (
        dict(Page.objects.filter(path__in=parent_paths).values_list("path", "pk")) if pages else {}
    )
    by_page = [(page, page_change_keys(page, parent_ids=parents)) for page in pages]
    keys = set(keys).union(*(page_keys for _, page_keys in by_page))
    dependencies.bump(*keys)
    for page, page_keys in by_page:
        content_changed.send(sender=type(page), page=page, keys=page_keys)
    return keys
