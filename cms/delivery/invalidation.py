"""Signal handlers: each change bumps exactly the dependency keys it touches."""

import logging

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import dependencies, fanout
from .page_dependencies import parent_id, site_ids_for_path

logger = logging.getLogger(__name__)


def page_change_keys(page, url_paths=None, parent_ids=None):
    """Keys a published, unpublished, moved or deleted page invalidates.

    `parent_ids` ({path: id}, from a batch) names the parent without a query.
    """
    from home.models import ClinicPage
    from treatments.models import TreatmentIndexPage, TreatmentPage
    from treatments.offerings import original_id, originals_under

    keys = {f"page:{page.pk}"}
    known = parent_ids is not None
    parent = parent_ids.get(page.path[: -Page.steplen]) if known else parent_id(page)
    if parent:
        keys.add(f"children:{parent}")
    for url_path in url_paths or [page.url_path]:
        keys |= {f"site:{site_id}" for site_id in site_ids_for_path(url_path)}
    if isinstance(page, ClinicPage):
        keys |= {f"clinic:{page.pk}", "clinics"}
    if isinstance(page, TreatmentPage):
        keys.add(f"offering:{original_id(page)}")
    elif isinstance(page, ClinicPage | TreatmentIndexPage):
        # Whether each treatment under it is offered follows the clinic and its index.
        keys |= {f"offering:{pk}" for pk in originals_under(page)}
    return keys


def invalidate_page(page, url_paths=None):
    keys = page_change_keys(page, url_paths)
    dependencies.bump(*keys)
    from .signals import content_changed

    content_changed.send(sender=type(page), page=page, keys=keys)
    return keys


@receiver(page_published)
def on_page_published(sender, instance, **kwargs):
    if not fanout.batched(kwargs):  # the library fan-out bumps its copies at once
        invalidate_page(instance)


@receiver(page_unpublished)
def on_page_unpublished(sender, instance, **kwargs):
    invalidate_page(instance)


@receiver(post_save)
def on_page_created_live(sender, instance, created, raw=False, **kwargs):
    """A page that is live from its first save, such as a new alias of a live page,
    appears without page_published: a clinic starts carrying a treatment."""
    if created and not raw and isinstance(instance, Page) and instance.live:
        invalidate_page(instance)


@receiver(post_page_move)
def on_page_moved(sender, instance, url_path_before, url_path_after, parent_page_before, **kwargs):
    keys = invalidate_page(instance, [url_path_before, url_path_after])
    dependencies.bump(f"children:{parent_page_before.pk}", *keys)
    # Descendants moved with it: their URLs changed.
    dependencies.bump(
        *(f"page:{pk}" for pk in instance.get_descendants().values_list("pk", flat=True))
    )


@receiver(post_delete)
def on_page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):  # sent for the specific row and its base Page row
        invalidate_page(instance)


@receiver([post_save, post_delete], sender=PageViewRestriction)
def on_view_restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is None:
        return
    affected = Page.objects.descendant_of(page, inclusive=True)
    # Aliases follow their original's restrictions: their responses change too.
    aliases = Page.objects.filter(alias_of__in=affected)
    keys = {f"page:{pk}" for pk in affected.values_list("pk", flat=True)}
    for alias in aliases.only("pk", "url_path"):
        keys.add(f"page:{alias.pk}")
        keys |= {f"site:{s}" for s in site_ids_for_path(alias.url_path)}
    keys |= {f"site:{s}" for s in site_ids_for_path(page.url_path)}
    from treatments.offerings import originals_under

    keys |= {f"offering:{pk}" for pk in originals_under(page)}  # hidden copies are not offered
    dependencies.bump(*keys)


@receiver([post_save, post_delete], sender=Site)
def on_site_changed(sender, instance, **kwargs):
    dependencies.bump("sites")


def connect_model_handlers():
    """Tags, tagged items, images, documents and collection restrictions."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import CollectionViewRestriction

    from treatments.tags import TaggedTreatment, TreatmentTag

    def on_tag(sender, instance, **kwargs):
        dependencies.bump(f"tag:{instance.pk}", "tags")

    def on_tagged(sender, instance, **kwargs):
        # The tag itself is unchanged: only pages and listings of pages by tag are affected.
        dependencies.bump(f"page:{instance.content_object_id}", f"tagged:{instance.tag_id}", "tags")

    def on_image(sender, instance, **kwargs):
        dependencies.bump(f"image:{instance.pk}", "images")

    def on_document(sender, instance, **kwargs):
        dependencies.bump(f"document:{instance.pk}", "documents")

    def on_collection_restriction(sender, instance, **kwargs):
        images = get_image_model().objects.filter(
            collection__path__startswith=instance.collection.path
        )
        dependencies.bump(
            "images", "documents", *(f"image:{pk}" for pk in images.values_list("pk", flat=True))
        )

    for signal in (post_save, post_delete):
        signal.connect(on_tag, sender=TreatmentTag, weak=False)
        signal.connect(on_tagged, sender=TaggedTreatment, weak=False)
        signal.connect(on_image, sender=get_image_model(), weak=False)
        signal.connect(on_document, sender=get_document_model(), weak=False)
        signal.connect(on_collection_restriction, sender=CollectionViewRestriction, weak=False)


connect_model_handlers()
