"""Put the editorial roles and the Clinical review workflow in place; safe to run again."""

from home.models import ClinicPage, HomePage
from treatments.models import TreatmentIndexPage

from .roles import CLINICAL_REVIEWERS, ensure_clinic_manager_group, ensure_library_roles
from .workflow import ensure_clinical_review_workflow


def treatment_library():
    """The brand site's treatment index (the library), or None before it exists."""
    home = HomePage.objects.first()
    if home is None:
        return None
    return TreatmentIndexPage.objects.child_of(home).filter(slug="treatments").first()


def ensure_editorial(log=print):
    library = treatment_library()
    if library is None:
        log("no treatment library yet: editorial roles not set up")
        return None
    groups = ensure_library_roles(library)
    workflow = ensure_clinical_review_workflow(library, groups[CLINICAL_REVIEWERS])
    for clinic in ClinicPage.objects.order_by("title"):
        ensure_clinic_manager_group(clinic)
    log(f"editorial roles and the {workflow.name!r} workflow are in place")
    return workflow
