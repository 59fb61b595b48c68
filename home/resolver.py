"""The one place that answers "which clinic is this?" for clinic-aware content.

HTML templates, blocks and the API all ask `clinic_context(request, page)`.
On a clinic's site the answer is that clinic; on the brand site it is the list
of clinics that offer the page (those carrying a live alias of it).
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Substr
from wagtail.models import Page, PageViewRestriction, Site

from .models import ClinicPage
from .routing import ROUTED_CLINIC_ATTR

_REQUEST_ATTR = "_clinic_context_cache"


@dataclass(frozen=True)
class ClinicContext:
    site: Site | None
    clinic: ClinicPage | None = None
    offering: tuple[ClinicPage, ...] = field(default_factory=tuple)

    @property
    def is_brand(self):
        return self.clinic is None

    @property
    def clinics(self):
        """The clinics a clinic-aware block speaks for: this one, or all offering it."""
        return (self.clinic,) if self.clinic else self.offering


def clinic_for_site(site, request=None):
    """The ClinicPage at the root of a site, or None for the brand (or no site)."""
    if site is None:
        return None
    root = site.root_page  # select_related by Site.find_for_request: no query
    if root.content_type_id != ContentType.objects.get_for_model(ClinicPage).pk:
        return None
    routed = getattr(request, ROUTED_CLINIC_ATTR, None)
    if routed is not None and routed.pk == root.pk:
        return routed
    return ClinicPage.objects.filter(pk=root.pk).first()


def clinics_offering(page):
    """Live, public clinics carrying a live copy of `page`: an alias, or a converted local page."""
    if page is None:
        return ()
    original_id = getattr(page, "library_page_id", None) or page.alias_of_id or page.pk
    if original_id is None:  # an unsaved page (a preview of a new page) has no copies
        return ()
    copy_roots = (
        Page.objects.live()
        .filter(Q(alias_of_id=original_id) | Q(treatmentpage__library_page_id=original_id))
        .annotate(root_path=Substr("path", 1, Page.steplen * 2))
        .values("root_path")
    )
    # Clinics sit at depth 2, so only a restriction on the clinic itself or on the
    # tree root hides one: checked in the same query instead of `.public()`'s extra one.
    restricted = PageViewRestriction.objects.filter(Q(page_id=OuterRef("pk")) | Q(page__depth=1))
    return tuple(
        ClinicPage.objects.live()
        .filter(path__in=copy_roots)
        .exclude(Exists(restricted))
        .order_by("title")
    )


def clinic_context(request, page=None, site=None):
    """Resolve the clinic context for a request (cached on the request per page)."""
    if site is None and request is not None:
        site = Site.find_for_request(request)
    key = (site.pk if site else None, page.pk if page is not None else None)
    cache = getattr(request, _REQUEST_ATTR, None) if request is not None else None
    if cache is not None and key in cache:
        return cache[key]
    clinic = clinic_for_site(site, request)
    context = ClinicContext(
        site=site,
        clinic=clinic,
        offering=() if clinic else clinics_offering(page),
    )
    if request is not None:
        if cache is None:
            cache = {}
            setattr(request, _REQUEST_ATTR, cache)
        cache[key] = context
    return context
