"""Re-index a page once publishing has saved all of it, tags included.

Wagtail indexes on post_save, which fires before a ClusterableModel commits
its child relations (a page's tags, through TaggedTreatment). With a worker
the index task runs after the transaction, so it sees the new tags; with the
immediate task backend it runs inside post_save and indexes the old ones.
`page_published` is sent after the save is complete, for the original and for
every alias Wagtail updates, so enqueueing the same task there keeps the index
current whichever task backend runs it.
"""

from wagtail.search import index
from wagtail.search.tasks import insert_or_update_object_task
from wagtail.signals import page_published


def reindex_published_page(sender, instance, **kwargs):
    if not index.class_is_indexed(type(instance)):
        return
    insert_or_update_object_task.enqueue(
        instance._meta.app_label, instance._meta.model_name, str(instance.pk)
    )


def connect():
    page_published.connect(reindex_published_page, dispatch_uid="search.reindex_published_page")
