"""Signal handlers: each change bumps exactly the dependency keys it touches.

What a change of a page type or another model refreshes is its own declaration
(declarations.py); this module knows Wagtail's pages, sites, images, documents
and collections, and no page type.
"""

import logging

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import dependencies
from .batch import batched
from .declarations import DeclaresCacheKeys
from .keys import (
    DOCUMENTS,
    IMAGES,
    SITES,
    children_key,
    document_key,
    image_key,
    image_keys,
    page_key,
    page_keys,
    site_keys,
)
from .page_dependencies import parent_id, site_ids_for_path

logger = logging.getLogger(__name__)


def page_change_keys(page, url_paths=None, parent_ids=None):
    """Keys a published, unpublished, moved or deleted page invalidates.

    `parent_ids` ({path: id}, from a batch) names the parent without a query.
    """
    keys = {page_key(page.pk)}
    known = parent_ids is not None
    parent = parent_ids.get(page.path[: -Page.steplen]) if known else parent_id(page)
    if parent:
        keys.add(children_key(parent))
    for url_path in url_paths or [page.url_path]:
        keys |= site_keys(site_ids_for_path(url_path))
    if isinstance(page, DeclaresCacheKeys):
        keys |= page.invalidation_keys()
        if page.shows_its_subtree:
            for page_type in _declaring_models(page=True):
                keys |= page_type.keys_under(page)
    return keys


def invalidate_page(page, url_paths=None):
    keys = page_change_keys(page, url_paths)
    dependencies.bump(*keys)
    from .signals import content_changed

    content_changed.send(sender=type(page), page=page, keys=keys)
    return keys


@receiver(page_published)
def on_page_published(sender, instance, **kwargs):
    if not batched(kwargs):  # the library fan-out bumps its copies at once
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
    dependencies.bump(children_key(parent_page_before.pk), *keys)
    # Descendants moved with it: their URLs changed.
    dependencies.bump(*page_keys(instance.get_descendants().values_list("pk", flat=True)))


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
    keys = page_keys(affected.values_list("pk", flat=True))
    for alias in aliases.only("pk", "url_path"):
        keys.add(page_key(alias.pk))
        keys |= site_keys(site_ids_for_path(alias.url_path))
    keys |= site_keys(site_ids_for_path(page.url_path))
    for page_type in _declaring_models(page=True):
        keys |= page_type.keys_under(page)  # hidden copies are not offered
    dependencies.bump(*keys)


@receiver([post_save, post_delete], sender=Site)
def on_site_changed(sender, instance, **kwargs):
    dependencies.bump(SITES)


def _declaring_models(page):
    """The installed models declaring their keys: page types (`page=True`) or other models.

    For page types, only those that define `keys_under` themselves (a subclass
    inheriting it would repeat its parent's query)."""
    models = [model for model in apps.get_models() if issubclass(model, DeclaresCacheKeys)]
    if page:
        return [m for m in models if issubclass(m, Page) and "keys_under" in vars(m)]
    return [model for model in models if not issubclass(model, Page)]


def connect_model_handlers():
    """Models declaring their keys (tags, tagged items), images, documents, collection restrictions."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import CollectionViewRestriction

    def on_declared(sender, instance, **kwargs):
        dependencies.bump(*instance.invalidation_keys())

    def on_image(sender, instance, **kwargs):
        dependencies.bump(image_key(instance.pk), IMAGES)

    def on_document(sender, instance, **kwargs):
        dependencies.bump(document_key(instance.pk), DOCUMENTS)

    def on_collection_restriction(sender, instance, **kwargs):
        images = get_image_model().objects.filter(
            collection__path__startswith=instance.collection.path
        )
        dependencies.bump(IMAGES, DOCUMENTS, *image_keys(images.values_list("pk", flat=True)))

    for signal in (post_save, post_delete):
        for model in _declaring_models(page=False):
            signal.connect(on_declared, sender=model, weak=False)
        signal.connect(on_image, sender=get_image_model(), weak=False)
        signal.connect(on_document, sender=get_document_model(), weak=False)
        signal.connect(on_collection_restriction, sender=CollectionViewRestriction, weak=False)


connect_model_handlers()
