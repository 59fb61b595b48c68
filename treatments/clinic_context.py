"""The one place that answers "which clinic is this?" for clinic-aware content.

HTML templates, blocks and the API all ask `clinic_context(request, page)`.
On a clinic's site the answer is that clinic; on the brand site it is the list
of clinics that offer the page, by the one rule of `treatments/offerings.py`.
"""

from dataclasses import dataclass, field

from wagtail.models import Site

from home.models import ClinicPage, clinic_for_site
from home.serving import served_site

from .offerings import Offerings, offerings_for

_REQUEST_ATTR = "_clinic_context_cache"


@dataclass(frozen=True)
class ClinicContext:
    site: Site | None
    clinic: ClinicPage | None = None
    offering: tuple[ClinicPage, ...] = field(default_factory=tuple)
    # When the offering ends by itself (an expiry date): a response naming it must not outlive it.
    offering_valid_until: object = None

    @property
    def is_brand(self):
        return self.clinic is None

    @property
    def clinics(self):
        """The clinics a clinic-aware block speaks for: this one, or all offering it."""
        return (self.clinic,) if self.clinic else self.offering


def prime_clinic_contexts(request, pages, site=None):
    """Resolve the clinic context of many pages at once (a listing), in at most two queries.

    On a clinic site every page shares the site's context; on the brand site each
    page gets its offering clinics from one batched lookup (treatments.offerings).
    """
    site_context = clinic_context(request, site=site)
    cache = getattr(request, _REQUEST_ATTR)
    site = site_context.site
    if site_context.clinic is not None:
        for page in pages:
            cache.setdefault((site.pk if site else None, page.pk), site_context)
        return
    offerings = offerings_for(pages)
    for page in pages:
        key = (site.pk if site else None, page.pk)
        if key not in cache:
            cache[key] = _brand_context(site, page, offerings)


def clinic_context(request, page=None, site=None):
    """Resolve the clinic context for a request (cached on the request per page)."""
    if site is None and request is not None:
        site = served_site(request)
    key = (site.pk if site else None, page.pk if page is not None else None)
    cache = getattr(request, _REQUEST_ATTR, None) if request is not None else None
    if cache is not None and key in cache:
        return cache[key]
    clinic = clinic_for_site(site, request)
    if clinic is not None:
        context = ClinicContext(site=site, clinic=clinic)
    else:
        context = _brand_context(site, page, offerings_for([page]))
    if request is not None:
        if cache is None:
            cache = {}
            setattr(request, _REQUEST_ATTR, cache)
        cache[key] = context
    return context


def _brand_context(site, page, offerings: Offerings):
    return ClinicContext(
        site=site,
        offering=offerings.clinics(page),
        offering_valid_until=offerings.valid_until,
    )
