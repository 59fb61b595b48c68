"""The batch a library fan-out collects while Wagtail updates a page's aliases.

Wagtail sends page_published once per alias it updates (`Page.update_aliases`),
and saving each alias's tags sends post_save per tag. Inside `collecting()` (the
fan-out task, cms/delivery/fanout.py) the signal handlers leave alias publishes
to the batch and `dependencies.bump` only collects keys; the task handles both
at once when the copies are committed. This module imports nothing of the
project, so the cache layer and the webhooks can ask it without a circle.
"""

import threading
from contextlib import contextmanager
from dataclasses import dataclass, field

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
