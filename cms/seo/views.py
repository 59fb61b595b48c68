"""Public SEO views: robots.txt and the tag landing pages of each site."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.text import capfirst
from django.views.decorators.http import require_safe

from cms.visibility import public_pages
from home.serving import served_site
from treatments.cards import treatment_cards
from treatments.tags import TreatmentTag

from .jsonld import graph, tag_page_nodes
from .meta import PageMeta, default_share_image, description_text, share_image, title_tag

# Not /search/: its results pages carry noindex, which a crawler only sees if it may fetch them.
DISALLOWED = ("/admin/",)


def _site(request):
    site = served_site(request)
    if site is None:
        raise Http404("no site is configured")
    return site


@require_safe
def robots_txt(request):
    site = _site(request)
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOWED), ""]
    lines.append(f"Sitemap: {site.root_url}/sitemap.xml")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def tag_page(request, slug):
    """The site's live public treatments carrying the tag; 404 when this site has none."""
    from treatments.models import TreatmentPage

    site = _site(request)
    tag = get_object_or_404(TreatmentTag, slug=slug)
    # No request: tag pages are not kept by the response cache (treatments/cards.py).
    treatments = treatment_cards(public_pages(site, TreatmentPage).filter(tagged_items__tag=tag))
    if not treatments:
        raise Http404("no treatment on this site carries this tag")
    url = f"{site.root_url}{tag.landing_path}"
    heading = f"{capfirst(tag.name)}: treatments"
    names = ", ".join(page.title.lower() for page in treatments)
    hero = next((page.hero_image for page in treatments if page.hero_image), None)
    meta = PageMeta(
        title=title_tag(heading, site.site_name),
        description=tag.description
        or description_text(f"{capfirst(tag.name)} at {site.site_name}: {names}."),
        canonical=url,
        site_name=site.site_name,
        image=share_image(hero, site) or default_share_image(site),
    )
    meta.jsonld = graph(
        tag_page_nodes(site, tag, heading, url, treatments, request, meta.description)
    )
    context = {"tag": tag, "heading": heading, "treatments": treatments, "seo_meta": meta}
    return render(request, "seo/tag_page.html", context)
