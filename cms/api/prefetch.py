"""Batch-load what the requested fields will read, for any list of objects.

Works on plain lists (after pagination, and after search, which returns no
queryset), so the query count depends on the fields asked for, never on the
number of objects.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db.models import ForeignKey, Prefetch, prefetch_related_objects
from modelcluster.fields import ParentalKey
from taggit.managers import TaggableManager
from wagtail.fields import StreamField
from wagtail.images import get_image_model

from treatments import clinic_context, rich_text_links
from treatments.renditions import RENDITIONS


def renditions_prefetch(path=""):
    """Renditions of the documented sizes only, for images at `path` (or the objects)."""
    Rendition = get_image_model().get_rendition_model()
    return Prefetch(
        f"{path}__renditions" if path else "renditions",
        queryset=Rendition.objects.filter(filter_spec__in=list(RENDITIONS.values())),
    )


def image_fields(model, field_names):
    """The requested fields of `model` that are image foreign keys (to select_related)."""
    result = []
    for name in field_names:
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if isinstance(field, ForeignKey) and issubclass(field.related_model, get_image_model()):
            result.append(name)
    return result


def lookups_for(model, field_names, renditions=True):
    """prefetch_related lookups for the given serializer fields of `model`.

    For one object, `renditions=False` leaves renditions to Wagtail's rendition
    cache (a warm cache costs no query; a prefetch always costs one).
    """
    lookups = []
    for name in field_names:
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if isinstance(field, TaggableManager):
            lookups.append(name)
        elif name == "alias_of":
            continue  # fetched by the view only when the target is visible
        elif isinstance(field, ForeignKey) and not isinstance(field, ParentalKey):
            lookups.append(name)
            if renditions and issubclass(field.related_model, get_image_model()):
                lookups.append(renditions_prefetch(name))
        elif field.one_to_many and isinstance(getattr(field, "field", None), ParentalKey):
            lookups.append(name)
    return lookups


def seo_lookups(model):
    """What the `seo` field reads (cms.seo.meta): share images with their renditions, the alias target."""
    lookups = ["alias_of"]
    for name in ("og_image", "hero_image"):
        try:
            model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        lookups += [name, renditions_prefetch(name)]
    return lookups


def prefetch_for_fields(objects, model, field_names, renditions=True):
    """Prefetch on `objects` (a list) everything `field_names` will touch."""
    lookups = lookups_for(model, field_names, renditions=renditions)
    if "seo" in field_names and renditions:  # a listing: batch what each page's seo reads
        lookups += [lookup for lookup in seo_lookups(model) if lookup not in lookups]
    if objects and lookups:
        prefetch_related_objects(objects, *lookups)
    return objects


def prefetch_streams(objects, field_names):
    """Convert StreamField blocks of all `objects` in one bulk_to_python per block type.

    Wagtail batches chooser lookups within one StreamValue only; across a listing
    that is one query per page and block type. This fills each StreamValue's
    block cache the way StreamValue._prefetch_blocks does, but for all pages at once.
    """
    if len(objects) < 2:
        return
    model = type(objects[0])
    for name in field_names:
        try:
            if not isinstance(model._meta.get_field(name), StreamField):
                continue
        except FieldDoesNotExist:
            continue
        streams = [getattr(obj, name, None) for obj in objects]
        streams = [s for s in streams if hasattr(s, "_raw_data") and hasattr(s, "_bound_blocks")]
        pending = {}
        for stream in streams:
            for i, raw in enumerate(stream._raw_data):
                if (
                    stream._bound_blocks[i] is None
                    and raw["type"] in stream.stream_block.child_blocks
                ):
                    pending.setdefault(raw["type"], []).append((stream, i, raw))
        for type_name, items in pending.items():
            child_block = items[0][0].stream_block.child_blocks[type_name]
            values = child_block.bulk_to_python([raw["value"] for _, _, raw in items])
            for (stream, i, raw), value in zip(items, values, strict=True):
                stream._bound_blocks[i] = type(stream).StreamChild(
                    child_block, value, id=raw.get("id")
                )


def prime_clinic_contexts(request, site, pages):
    """Resolve every page's clinic context in one batch (see treatments.clinic_context).

    Also notes the pages' rich text link targets, so that every link of the
    response resolves for the site in one query (see treatments.rich_text_links).
    """
    clinic_context.prime_clinic_contexts(request, pages, site=site)
    rich_text_links.prime_links(request, pages)
