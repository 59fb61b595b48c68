"""Whether a clinic's variation applies to a request, and the merged content it serves.

A variation shows only on the site of the clinic whose copy it belongs to, and
only while it is live (Wagtail keeps drafts in revisions; the row is the live
content). The brand site and other clinics show the library. HTML and the API
both ask `served_content(request, page)`; the merge itself is
treatments/variation_merge.py.

The variation row comes with the page where the caller selected it
(`VARIATION_RELATED`, as routing and the API detail do): then no query at all;
otherwise one.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Prefetch, prefetch_related_objects

from cms.delivery.dependencies import valid_until
from cms.request import django_request
from cms.visibility import is_expired

from .clinic_context import clinic_context
from .variation_merge import merge
from .variations import ClinicVariation

# select_related() paths that bring a copy's variation (and its hero image) with the page.
VARIATION_RELATED = ("clinic_variation", "clinic_variation__hero_image")

_REQUEST_ATTR = "_served_variation_content"


def _loaded_variation(page):
    try:
        return page.clinic_variation
    except (ObjectDoesNotExist, AttributeError):
        return None


def live_variation(request, page):
    """The live variation `page` shows for `request`'s site, or None."""
    if not getattr(page, "alias_of_id", None) or not hasattr(page, "body"):
        return None
    # The same lookup as the page's other clinic-aware parts (cached on the request).
    variation = clinic_variation(page, clinic_context(request, page).clinic)
    if variation is not None and request is not None:
        # A response showing it must not outlive its expiry (the scheduler unpublishes later).
        valid_until(django_request(request), variation.expire_at)
    return variation


def clinic_variation(page, clinic):
    """The live variation of `page` when shown on `clinic`'s site (None: the brand's), or None."""
    if clinic is None or not getattr(page, "alias_of_id", None):
        return None  # the brand site shows the library
    if not page.path.startswith(clinic.path):
        return None  # another clinic's copy: only its own clinic shows its variation
    variation = _loaded_variation(page)
    if variation is None or not variation.live or is_expired(variation):
        return None  # a draft, unpublished, or past its expiry date (before run_scheduler)
    return variation


def prefetch_variations(request, pages):
    """Load the variations of the site's clinic's copies among `pages` in one query (a listing)."""
    clinic = clinic_context(request).clinic
    if clinic is None:
        return  # the brand site shows no variation
    copies = [page for page in pages if page.alias_of_id and page.path.startswith(clinic.path)]
    if copies:
        rows = ClinicVariation.objects.select_related("hero_image")
        prefetch_related_objects(copies, Prefetch("clinic_variation", queryset=rows))


def served_content(request, page):
    """The MergedContent `page` shows on `request`'s site (the library's when no variation applies)."""
    cache = getattr(request, _REQUEST_ATTR, None) if request is not None else None
    if cache is not None and page.pk in cache:
        return cache[page.pk]
    # Clinical parts of a variation are never served yet: no Clinical review path for
    # variations exists (treatments/variation_merge.py).
    content = merge(page, live_variation(request, page), clinical_approved=False)
    if request is not None:
        if cache is None:
            cache = {}
            setattr(request, _REQUEST_ATTR, cache)
        cache[page.pk] = content
    return content
