"""Put the editorial roles and the Clinical review workflow in place; safe to run again."""

from wagtail.models import Page, WorkflowPage

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


def remove_root_workflow():
    """Take Wagtail's default "Moderators approval" workflow off the root page.

    Wagtail's migrations assign it to the root, so every page without a nearer
    workflow (the brand home, every clinic page) offers "Submit to Moderators
    approval", a task for the Moderators group nobody staffs: a clinic manager
    who chose it would wait for ever. Without it, clinic pages have no workflow
    and their managers publish their facts. A workflow assigned lower down (the
    Clinical review workflow) is left alone.
    """
    return WorkflowPage.objects.filter(page=Page.get_first_root_node()).delete()[0]


def ensure_editorial(log=print):
    library = treatment_library()
    if library is None:
        log("no treatment library yet: editorial roles not set up")
        return None
    groups = ensure_library_roles(library)
    workflow = ensure_clinical_review_workflow(library, groups[CLINICAL_REVIEWERS])
    if remove_root_workflow():
        log("removed Wagtail's default workflow from the root page")
    for clinic in ClinicPage.objects.order_by("title"):
        ensure_clinic_manager_group(clinic)
    log(f"editorial roles and the {workflow.name!r} workflow are in place")
    return workflow
