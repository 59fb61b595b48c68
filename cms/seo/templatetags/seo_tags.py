"""{% seo_meta as seo %}: the PageMeta for whatever the template is rendering.

A view may hand over its own `seo_meta` (tag pages do); otherwise it is built
from `page`. `seo_noindex` in the context (search results) forces noindex.
"""

from django import template
from django.utils.safestring import mark_safe
from wagtail.models import Page

from home.serving import served_site

from ..jsonld import jsonld_for, to_script
from ..meta import NOINDEX, PageMeta, page_meta

register = template.Library()


@register.simple_tag(takes_context=True)
def seo_meta(context):
    request = context.get("request")
    meta = context.get("seo_meta")
    page = context.get("page")
    if meta is None and isinstance(page, Page):
        meta = page_meta(page, request)
        clinic_context = context.get("clinic_context")
        clinic = getattr(clinic_context, "clinic", None)
        offering = getattr(clinic_context, "offering", ())
        meta.jsonld = jsonld_for(page, request, clinic=clinic, offering=offering)
    if meta is None:
        site = served_site(request) if request is not None else None
        site_name = site.site_name if site else ""
        meta = PageMeta(
            title=site_name,
            description="",
            canonical=request.build_absolute_uri(request.path) if request else "",
            site_name=site_name,
        )
    if context.get("seo_noindex") and meta.robots != "noindex, nofollow":
        meta.robots = NOINDEX
    return meta


@register.filter
def jsonld_script(data):
    """A JSON-LD graph as the body of a <script type="application/ld+json">."""
    # to_script escapes <, > and & in the JSON, so the data cannot close the script element.
    return mark_safe(to_script(data)) if data else ""  # nosec B308 B703
