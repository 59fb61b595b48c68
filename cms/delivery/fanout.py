"""A library publish reaches the clinics' copies in a background task, not in the publish.

Wagtail updates every alias of a page inside the publish (`Page.update_aliases`,
called by PublishPageRevisionAction): each copy is saved, its tags copied and
page_published sent for it, so at 300 clinics the editor's request ran thousands
of queries. A page type with `DeferredAliasUpdatesMixin` (TreatmentPage) queues
`update_aliases_task` instead (one query and one insert; the database backend's
worker sees it once the publish commits, the immediate backend runs it in
place). The task runs Wagtail's own `update_aliases` from the page's live
revision in one transaction, so every clinic switches at once, then handles the
copies' page_published as one batch (cms/delivery/batch.py): one bump of all
their keys (their tags' included), one purge per key batch, one webhook
endpoint query.

A task that runs late still publishes the newest content: it reads the live
revision when it runs, so out of order tasks end on the same state.
"""

from django.db import transaction
from django_tasks import task
from wagtail.models import Page

from cms.webhooks.events import notify_many
from cms.webhooks.models import Event

from . import batch as fanout_batch
from . import dependencies
from .signals import content_changed

# Ahead of the search and reference index tasks a publish queues (priority 0): the
# clinics' copies first, then their purges and webhooks (cms/webhooks/tasks.py).
FANOUT_PRIORITY = 20


class DeferredAliasUpdatesMixin:
    """Publishing queues the page's aliases for `update_aliases_task`; the task calls
    Wagtail's update with `_updated_ids`, as Wagtail's own recursion does."""

    def update_aliases(self, *, revision=None, _content=None, _updated_ids=None):
        if _updated_ids is not None:
            return super().update_aliases(
                revision=revision, _content=_content, _updated_ids=_updated_ids
            )
        update_aliases_later(self)
        return None

    update_aliases.alters_data = True


def update_aliases_later(page):
    """Queue the update of `page`'s aliases, when it has any."""
    if Page.objects.filter(alias_of=page).exists():
        update_aliases_task.enqueue(page.pk)


@task(priority=FANOUT_PRIORITY)
def update_aliases_task(page_id):
    """Publish the live revision of page `page_id` to its aliases; the number updated."""
    page = Page.objects.filter(pk=page_id, live=True).first()
    if page is None or page.live_revision_id is None:  # unpublished since: its aliases were too
        return 0
    page = page.specific
    revision = page.live_revision
    with fanout_batch.collecting() as batch, transaction.atomic():
        # Wagtail's own update, from the top (a non-None _updated_ids: not queued again).
        Page.update_aliases(page, revision=revision, _content=revision.content, _updated_ids=[])
    invalidate_pages(batch.pages, batch.keys)
    notify_many(Event.PUBLISHED, batch.pages)
    return len(batch.pages)


def invalidate_pages(pages, keys=()):
    """Bump the keys of every page in `pages`, and `keys`, at once: one parents query, one bump."""
    # Not at the top: invalidation connects its receivers to every model declaring keys
    # when it loads, and page types import this module while the models load.
    from .invalidation import page_change_keys

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
