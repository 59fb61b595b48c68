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


def _original_id(page):
    return getattr(page, "library_page_id", None) or page.alias_of_id or page.pk


def clinics_offering_many(pages):
    """{original id: (clinics...)} for many pages in two queries, whatever their number.

    A clinic offers a library treatment when a live page in its tree is an alias
    of it, or a local page converted from such an alias.
    """
    originals = {_original_id(page) for page in pages if page is not None} - {None}
    if not originals:
        return {}
    copies = Page.objects.live().filter(
        Q(alias_of_id__in=originals) | Q(treatmentpage__library_page_id__in=originals)
    )
    root_len = Page.steplen * 2
    by_root = {}
    for path, alias_of_id, library_id in copies.values_list(
        "path", "alias_of_id", "treatmentpage__library_page_id"
    ):
        original = library_id if library_id in originals else alias_of_id
        by_root.setdefault(path[:root_len], set()).add(original)
    if not by_root:
        return dict.fromkeys(originals, ())
    clinics = (
        ClinicPage.objects.live()
        .filter(path__in=list(by_root))
        .exclude(Exists(_restricted_clinic()))
        .order_by("title")
    )
    result = {original: [] for original in originals}
    for clinic in clinics:
        for original in by_root.get(clinic.path, ()):
            result[original].append(clinic)
    return {original: tuple(found) for original, found in result.items()}


def clinics_offering(page):
    """Live, public clinics carrying a live copy of `page`: an alias, or a converted local page.

    One query (a subquery on the copies' root paths); listings use clinics_offering_many.
    """
    original_id = None if page is None else _original_id(page)
    if original_id is None:  # an unsaved page (a new page's preview) has no copies
        return ()
    copy_roots = (
        Page.objects.live()
        .filter(Q(alias_of_id=original_id) | Q(treatmentpage__library_page_id=original_id))
        .annotate(root_path=Substr("path", 1, Page.steplen * 2))
        .values("root_path")
    )
    return tuple(
        ClinicPage.objects.live()
        .filter(path__in=copy_roots)
        .exclude(Exists(_restricted_clinic()))
        .order_by("title")
    )


def _restricted_clinic():
    # Clinics sit at depth 2, so only a restriction on the clinic itself or on the
    # tree root hides one: checked in the same query instead of `.public()`'s extra one.
    return PageViewRestriction.objects.filter(Q(page_id=OuterRef("pk")) | Q(page__depth=1))


def prime_clinic_contexts(request, pages, site=None):
    """Resolve the clinic context of many pages at once (a listing), in at most two queries.

    On a clinic site every page shares the site's context; on the brand site each
    page gets its offering clinics from one batched lookup.
    """
    site_context = clinic_context(request, site=site)
    cache = getattr(request, _REQUEST_ATTR)
    site = site_context.site
    if site_context.clinic is not None:
        for page in pages:
            cache.setdefault((site.pk if site else None, page.pk), site_context)
        return
    offering = clinics_offering_many(pages)
    for page in pages:
        key = (site.pk if site else None, page.pk)
        if key not in cache:
            cache[key] = ClinicContext(site=site, offering=offering.get(_original_id(page), ()))


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
