"""The SEO audit: what SEO staff should fix, as rows a report can list and export.

Content checks run on the page an editor fixes: a clinic's alias is fixed at
its library original, so aliases only count where a site shows them (duplicate
titles). Only live pages are audited: drafts are not public yet.
"""

from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.urls import reverse
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from treatments.tags import TreatmentTag

from .meta import has_own_description, page_title_tag
from .models import SeoMixin
from .serp_preview import TITLE_TAG_RANGE

ROOT_PATH_LENGTH = Page.steplen * 2

MISSING_DESCRIPTION = "Missing meta description"
TITLE_TOO_SHORT = "Title tag too short"
TITLE_TOO_LONG = "Title tag too long"
DUPLICATE_TITLE = "Duplicate title tag on a site"
IMAGE_WITHOUT_ALT = "Image without alt text"
REVIEW_OVERDUE = "Clinical review overdue"
TAG_WITHOUT_DESCRIPTION = "Tag without description"
CANONICAL_NOT_LIVE = "Canonical points to a page that is not live"
CHECKS = (
    MISSING_DESCRIPTION,
    TITLE_TOO_SHORT,
    TITLE_TOO_LONG,
    DUPLICATE_TITLE,
    IMAGE_WITHOUT_ALT,
    REVIEW_OVERDUE,
    TAG_WITHOUT_DESCRIPTION,
    CANONICAL_NOT_LIVE,
)
# The site filter's value for findings about no one site (images, tags).
NO_SITE = "-"


@dataclass
class Finding:
    check: str
    site: str
    subject: str
    detail: str
    edit_url: str


def _page_edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.alias_of_id or page.pk])


class _Sites:
    def __init__(self):
        self.sites = list(Site.objects.select_related("root_page"))
        self.by_root = {site.root_page.path: site for site in self.sites}

    def of(self, page):
        return self.by_root.get(page.path[:ROOT_PATH_LENGTH])

    def find(self, hostname, port):
        for site in self.sites:
            if site.hostname == hostname and (port is None or site.port == port):
                return site
        return None


def _live_pages(sites):
    # Specific pages: a description's fallback (a treatment's summary) is the page type's.
    pages = Page.objects.live().filter(depth__gte=2).order_by("path").specific()
    return [(page, sites.of(page)) for page in pages if sites.of(page) is not None]


def page_findings(pages):
    low, high = TITLE_TAG_RANGE
    for page, site in pages:
        if page.alias_of_id:
            continue
        title = page_title_tag(page, site.site_name)
        if not has_own_description(page):
            yield Finding(
                MISSING_DESCRIPTION, site.site_name, page.title, page.url_path, _page_edit_url(page)
            )
        if len(title) < low:
            detail = f"{len(title)} characters (aim for {low}–{high}): {title}"
            yield Finding(TITLE_TOO_SHORT, site.site_name, page.title, detail, _page_edit_url(page))
        elif len(title) > high:
            detail = f"{len(title)} characters (aim for {low}–{high}): {title}"
            yield Finding(TITLE_TOO_LONG, site.site_name, page.title, detail, _page_edit_url(page))


def duplicate_title_findings(pages):
    groups = defaultdict(list)
    for page, site in pages:
        groups[(site.pk, page_title_tag(page, site.site_name).casefold())].append((page, site))
    for same in groups.values():
        if len(same) < 2:
            continue
        (first, site), *_ = same
        paths = ", ".join(page.url_path for page, _ in same)
        yield Finding(
            DUPLICATE_TITLE,
            site.site_name,
            page_title_tag(first, site.site_name),
            f"{len(same)} pages: {paths}",
            _page_edit_url(first),
        )


def image_findings():
    for image in get_image_model().objects.filter(description="").order_by("title"):
        yield Finding(
            IMAGE_WITHOUT_ALT,
            "",
            image.title,
            "No description: screen readers and search engines fall back to the title.",
            reverse("wagtailimages:edit", args=[image.pk]),
        )


def review_findings(sites, today=None):
    from treatments.models import TreatmentPage

    today = today or timezone.localdate()
    overdue = TreatmentPage.objects.live().filter(alias_of__isnull=True, next_review_due__lt=today)
    for page in overdue.order_by("next_review_due"):
        site = sites.of(page)
        yield Finding(
            REVIEW_OVERDUE,
            site.site_name if site else "",
            page.title,
            f"Review was due {page.next_review_due:%Y-%m-%d} ({(today - page.next_review_due).days} days ago)",
            _page_edit_url(page),
        )


def tag_findings():
    for tag in TreatmentTag.objects.filter(description="").order_by("name"):
        yield Finding(
            TAG_WITHOUT_DESCRIPTION,
            "",
            tag.name,
            f"Its landing pages (/tags/{tag.slug}/) fall back to a generic description.",
            reverse("wagtailsnippets_treatments_treatmenttag:edit", args=[tag.pk]),
        )


def resolve_internal_url(url, sites):
    """(site, page or None) for a URL on one of our sites; None for an external URL."""
    parts = urlsplit(url)
    site = sites.find(
        (parts.hostname or "").lower(), parts.port or (443 if parts.scheme == "https" else 80)
    )
    site = site or sites.find((parts.hostname or "").lower(), None)
    if site is None:
        return None
    path = parts.path.strip("/")
    url_path = site.root_page.url_path + (f"{path}/" if path else "")
    return site, Page.objects.filter(url_path=url_path).first()


def canonical_findings(sites):
    for model in (m for m in SeoMixin.__subclasses__() if not m._meta.abstract):
        for page in model.objects.live().exclude(canonical_url="").filter(alias_of__isnull=True):
            resolved = resolve_internal_url(page.canonical_url, sites)
            if resolved is None:
                continue
            target = resolved[1]
            if target is not None and target.live and not target.get_view_restrictions().exists():
                continue
            reason = (
                "no page at that address"
                if target is None
                else "the page is unpublished or private"
            )
            site = sites.of(page)
            yield Finding(
                CANONICAL_NOT_LIVE,
                site.site_name if site else "",
                page.title,
                f"{page.canonical_url}: {reason}",
                _page_edit_url(page),
            )


def run_audit(today=None):
    sites = _Sites()
    pages = _live_pages(sites)
    return [
        *page_findings(pages),
        *duplicate_title_findings(pages),
        *image_findings(),
        *review_findings(sites, today),
        *tag_findings(),
        *canonical_findings(sites),
    ]
