"""/search/?q= on every site: that site's live, public pages, best match first."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.safestring import SafeString
from wagtail.models import Page

from cms.seo.meta import NOINDEX, PageMeta, default_share_image, title_tag
from home.models import clinic_for_site
from home.serving import served_site

from .excerpts import (
    excerpt,
    highlight,
    prefetch_search_text,
    searchable_text,
    summary_of,
    term_pattern,
)
from .forms import SearchForm
from .queries import promoted_pages, record_hit, search_site, search_terms

RESULTS_PER_PAGE = 10


@dataclass(frozen=True)
class Result:
    page: Page
    url: str
    title: SafeString
    summary: SafeString
    excerpt: SafeString


def _specific_by_pk(page_ids):
    """The specific page for each id, by id (one query per page type)."""
    if not page_ids:
        return {}
    return Page.objects.filter(pk__in=page_ids).specific().in_bulk()


def _results(request, pages, pattern):
    prefetch_search_text(pages)
    return {
        page.pk: Result(
            page=page,
            url=page.get_url(request),
            title=highlight(page.title, pattern),
            summary=highlight(summary_of(page), pattern),
            excerpt=excerpt(searchable_text(page), pattern),
        )
        for page in pages
    }


def search_meta(site):
    """The search page's head: noindex (results are not landing pages), with a description
    and share tags for when a link to it is shared."""
    site_name = site.site_name if site else ""
    return PageMeta(
        title=title_tag("Search", site_name),
        description=f"Search the treatments of {site_name} by condition, body area or name.",
        canonical="",  # a noindex page names no canonical (it is not meant to be found)
        robots=NOINDEX,
        site_name=site_name,
        image=default_share_image(site),
    )


def search(request):
    site = served_site(request)
    form = SearchForm(request.GET)
    context = {
        "form": form,
        "query": "",
        "terms": [],
        "results": [],
        "promotions": [],
        "page_obj": None,
        "clinic": clinic_for_site(site, request),
        "search_site": site,
        "seo_meta": search_meta(site),
    }
    if not form.is_valid():
        return TemplateResponse(request, "search/search.html", context, status=400)

    query = form.cleaned_data["q"]
    terms = search_terms(query)
    context.update(query=query, terms=terms)
    if not terms or site is None:
        return TemplateResponse(request, "search/search.html", context)

    paginator = Paginator(search_site(site, terms), RESULTS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    promotions = promoted_pages(site, terms) if page_obj.number == 1 else []
    found = list(page_obj.object_list)
    specific = _specific_by_pk([*(p.page_id for p in promotions), *(p.pk for p in found)])
    results = _results(request, list(specific.values()), term_pattern(terms))
    context.update(
        page_obj=page_obj,
        paginator=paginator,
        promotions=[(p, results[p.page_id]) for p in promotions if p.page_id in results],
        results=[results[page.pk] for page in found if page.pk in results],
    )
    if request.GET.get("page", "1") in ("", "1"):  # a new search, not a later page of one
        record_hit(terms)
    return TemplateResponse(request, "search/search.html", context)
