"""The dependency keys of a served page: the page and everything it shows."""

from wagtail.models import Page

from home.links import link_dependency_keys, raw_link_ids
from home.models import ClinicPage, HomePage
from home.resolver import clinic_context
from treatments.offerings import original_id

from .dependencies import valid_until
from .stream_references import stream_references


def _tag_ids(page, allow_queries):
    """The page's tag ids: from prefetched rows when there, else one query (or None)."""
    prefetched = getattr(page, "_prefetched_objects_cache", {})
    if "tags" in prefetched:
        return {tag.pk for tag in prefetched["tags"]}
    if "tagged_items" in prefetched:
        return {item.tag_id for item in prefetched["tagged_items"]}
    if not allow_queries:
        return None
    from treatments.tags import TaggedTreatment

    rows = TaggedTreatment.objects.filter(content_object_id=page.pk)
    return set(rows.values_list("tag_id", flat=True))


def treatment_dependencies(page, request, allow_queries=True):
    keys = {f"image:{page.hero_image_id}" if page.hero_image_id else None}
    found = stream_references(page.body)
    images, tags, pages = found.images, found.tags, found.pages
    page_tags = _tag_ids(page, allow_queries)
    if page_tags is None:
        keys.add("tags")  # no query to spare: any tag change refreshes this response
    else:
        tags |= page_tags
    keys |= {f"image:{i}" for i in images} | {f"tag:{t}" for t in tags}
    keys |= {f"page:{p}" for p in pages}
    ctx = clinic_context(request, page)
    if ctx.clinic is not None:
        keys.add(f"clinic:{ctx.clinic.pk}")
        # A rich text link leads to the clinic's copy of its target when the clinic
        # carries one (home/links.py): which clinics carry a library page is offering:<id>.
        links = raw_link_ids(list(page.body.raw_data))
        keys |= {f"offering:{p}" for p in links}
        # Resolved links add the copies they considered and the originals of targets
        # that are copies themselves (HTML adds these while rendering, see home/links.py).
        keys |= link_dependency_keys(request, links)
    else:
        keys.add(f"offering:{original_id(page)}")
        keys |= {f"clinic:{clinic.pk}" for clinic in ctx.offering}
        # An offering clinic, index or copy past its expiry date is no longer offering.
        valid_until(getattr(request, "_request", request), ctx.offering_valid_until)
    return keys


def page_dependencies(page, request, allow_queries=True):
    """Every key whose change should invalidate the response serving `page`."""
    from treatments.models import TreatmentIndexPage, TreatmentPage

    keys = {f"page:{page.pk}"}
    if isinstance(page, TreatmentPage):
        keys |= treatment_dependencies(page, request, allow_queries)
    elif isinstance(page, TreatmentIndexPage):
        keys.add(f"children:{page.pk}")
    elif isinstance(page, ClinicPage | HomePage):
        # Homes list the treatments of their whole tree (and their images, get_context).
        keys |= {f"clinic:{page.pk}", f"children:{page.pk}"}
        keys |= {f"site:{site_id}" for site_id in site_ids_for_path(page.url_path)}
    return keys


def chrome_dependencies(request):
    """What the header and footer of every page show (home/context_processors.py):
    the clinic's facts on a clinic site, the clinic list on the brand site."""
    from wagtail.models import Site

    from home.resolver import clinic_for_site

    clinic = clinic_for_site(Site.find_for_request(request), request)
    return {f"clinic:{clinic.pk}"} if clinic is not None else {"clinics"}


def site_ids_for_path(url_path):
    """Ids of the sites whose tree contains a page with this url_path."""
    from wagtail.models import Site

    return sorted(
        {root.site_id for root in Site.get_site_root_paths() if url_path.startswith(root.root_path)}
    )


def parent_id(page):
    parent_path = page.path[: -Page.steplen]
    if not parent_path:
        return None
    return Page.objects.filter(path=parent_path).values_list("pk", flat=True).first()
