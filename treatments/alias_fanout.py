"""A library publish reaches the clinics' copies in a background task, not in the publish.

Wagtail updates every alias of a page inside the publish (`Page.update_aliases`,
called by PublishPageRevisionAction): each copy is saved, its tags copied and
page_published sent for it, so at 300 clinics the editor's request ran thousands
of queries. `TreatmentPage.update_aliases` queues `update_aliases_task` instead
(one query and one insert; the database backend's worker sees it once the publish
commits, the immediate backend runs it in place). The task runs Wagtail's own
`update_aliases` from the page's live revision in one transaction, so every
clinic switches at once, then handles the copies' page_published as one batch
(cms/delivery/fanout.py): one bump of all their keys (their tags' included),
one purge per key batch, one webhook endpoint query.

A task that runs late still publishes the newest content: it reads the live
revision when it runs, so out of order tasks end on the same state.
"""

from django.db import transaction
from django_tasks import task
from wagtail.models import Page

from cms.delivery import fanout
from cms.webhooks.events import notify_many
from cms.webhooks.models import Event

# Ahead of the search and reference index tasks a publish queues (priority 0): the
# clinics' copies first, then their purges and webhooks (cms/webhooks/tasks.py).
FANOUT_PRIORITY = 20


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
    with fanout.collecting() as batch, transaction.atomic():
        # Wagtail's own update, from the top (a non-None _updated_ids: not queued again).
        Page.update_aliases(page, revision=revision, _content=revision.content, _updated_ids=[])
    fanout.invalidate_pages(batch.pages, batch.keys)
    notify_many(Event.PUBLISHED, batch.pages)
    return len(batch.pages)
