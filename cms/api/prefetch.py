"""Batch-load what the requested fields will read, for any list of objects.

Works on plain lists (after pagination, and after search, which returns no
queryset), so the query count depends on the fields asked for, never on the
number of objects.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db.models import ForeignKey, Prefetch, prefetch_related_objects
from modelcluster.fields import ParentalKey
from taggit.managers import TaggableManager
from wagtail.images import get_image_model

from .renditions import RENDITIONS


def renditions_prefetch(path=""):
    """Renditions of the documented sizes only, for images at `path` (or the objects)."""
    Rendition = get_image_model().get_rendition_model()
    return Prefetch(
        f"{path}__renditions" if path else "renditions",
        queryset=Rendition.objects.filter(filter_spec__in=RENDITIONS.values()),
    )


def lookups_for(model, field_names):
    """prefetch_related lookups for the given serializer fields of `model`."""
    lookups = []
    for name in field_names:
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if isinstance(field, TaggableManager):
            lookups.append(name)
        elif isinstance(field, ForeignKey) and not isinstance(field, ParentalKey):
            lookups.append(name)
            if issubclass(field.related_model, get_image_model()):
                lookups.append(renditions_prefetch(name))
        elif field.one_to_many and isinstance(getattr(field, "field", None), ParentalKey):
            lookups.append(name)
    return lookups


def prefetch_for_fields(objects, model, field_names):
    """Prefetch on `objects` (a list) everything `field_names` will touch."""
    lookups = lookups_for(model, field_names)
    if objects and lookups:
        prefetch_related_objects(objects, *lookups)
    return objects
