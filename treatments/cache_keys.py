"""What a treatment page's responses show, as dependency keys (cms/delivery/keys.py).

TreatmentPage declares these (cms/delivery/declarations.py): the hero image,
what its StreamField refers to, its tags, and which clinic it speaks for: on a
clinic's site the clinic and the copies its rich text links lead to, on the
brand the clinics offering it.
"""

from cms.delivery.dependencies import valid_until
from cms.delivery.keys import (
    TAGS,
    clinic_key,
    clinic_keys,
    image_key,
    image_keys,
    offering_key,
    offering_keys,
    page_keys,
    tag_keys,
)
from cms.delivery.stream_references import stream_references
from cms.request import django_request

from .clinic_context import clinic_context
from .originals import original_id
from .rich_text_links import link_dependency_keys
from .variation_serving import clinic_variation


def _tag_ids(page, allow_queries):
    """The page's tag ids: from prefetched rows when there, else one query (or None)."""
    prefetched = getattr(page, "_prefetched_objects_cache", {})
    if "tags" in prefetched:
        return {tag.pk for tag in prefetched["tags"]}
    if "tagged_items" in prefetched:
        return {item.tag_id for item in prefetched["tagged_items"]}
    if not allow_queries:
        return None
    from .tags import TaggedTreatment

    rows = TaggedTreatment.objects.filter(content_object_id=page.pk)
    return set(rows.values_list("tag_id", flat=True))


def _variation_keys(page, clinic):
    """What the clinic's live variation shows besides the library: its hero image and
    what its blocks refer to. Its own changes refresh the copy's page key (variations.py)."""
    variation = clinic_variation(page, clinic)
    if variation is None:
        return set()
    found = stream_references(variation.changes)
    keys = {image_key(variation.hero_image_id)} if variation.hero_image_id else set()
    return keys | image_keys(found.images) | tag_keys(found.tags) | page_keys(found.pages)


def treatment_dependencies(page, request, allow_queries=True):
    keys = {image_key(page.hero_image_id)} if page.hero_image_id else set()
    found = stream_references(page.body)
    images, tags, pages = found.images, found.tags, found.pages
    page_tags = _tag_ids(page, allow_queries)
    if page_tags is None:
        keys.add(TAGS)  # no query to spare: any tag change refreshes this response
    else:
        tags |= page_tags
    keys |= image_keys(images) | tag_keys(tags)
    keys |= page_keys(pages)
    ctx = clinic_context(request, page)
    if ctx.clinic is not None:
        keys.add(clinic_key(ctx.clinic.pk))
        # A rich text link leads to the clinic's copy of its target when the clinic
        # carries one (treatments/rich_text_links.py): which clinics carry a library page is offering:<id>.
        links = found.links  # the same walk of the raw data, not a second one
        keys |= offering_keys(links)
        # Resolved links add the copies they considered and the originals of targets
        # that are copies themselves (HTML adds these while rendering, see treatments/rich_text_links.py).
        keys |= link_dependency_keys(request, links)
        keys |= _variation_keys(page, ctx.clinic)
    else:
        keys.add(offering_key(original_id(page)))
        keys |= clinic_keys(clinic.pk for clinic in ctx.offering)
        # An offering clinic, index or copy past its expiry date is no longer offering.
        valid_until(django_request(request), ctx.offering_valid_until)
    return keys
