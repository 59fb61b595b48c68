"""Dashboard panels for the editorial roles: what each person has to do next.

Wagtail's dashboard already lists "Awaiting your review" (reviewers) and
"Your pages in a workflow"; these add what it does not say:

- `ChangesAndDraftsPanel` (editors and anyone who writes): the pages sent back
  with "Request changes", with the reviewer's comment, and the user's drafts
  that nobody has submitted yet.
- `MyClinicPanel` (a clinic's managers): their clinic's facts and site, and
  which library treatments it offers.

Each panel costs a fixed number of queries, whatever the number of pages or
clinics, and renders nothing when it has nothing to say.
"""

from django.db.models import IntegerField
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState

PANEL_ROWS = 8


def _pages_by_id(ids):
    return Page.objects.filter(pk__in=ids).specific().in_bulk() if ids else {}


def changes_requested(user, limit=PANEL_ROWS):
    """[(page, task state)] sent back to `user` with "Request changes", newest first.

    Two queries: the workflow states (with the rejecting task state and who
    rejected) and their pages.
    """
    states = list(
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_NEEDS_CHANGES,
            requested_by=user,
            base_content_type__model="page",
        )
        .select_related("current_task_state__finished_by", "current_task_state__task")
        .order_by("-current_task_state__finished_at")[:limit]
    )
    pages = _pages_by_id([int(state.object_id) for state in states])
    rows = []
    for state in states:
        page = pages.get(int(state.object_id))
        if page is not None:
            rows.append((page, state.current_task_state))
    return rows


def unsubmitted_drafts(user, exclude_ids=(), limit=PANEL_ROWS):
    """Pages whose latest revision is `user`'s, not live as saved, and in no workflow."""
    in_workflow = (
        WorkflowState.objects.active()
        .filter(base_content_type__model="page")
        # object_id is text: PostgreSQL compares it with a page id only once cast
        .annotate(page_id=Cast("object_id", IntegerField()))
        .values("page_id")
    )
    return list(
        Page.objects.filter(has_unpublished_changes=True, latest_revision__user=user)
        .exclude(pk__in=exclude_ids)
        .exclude(pk__in=in_workflow)
        .select_related("latest_revision")
        .order_by("-latest_revision_created_at")[:limit]
    )


class ChangesAndDraftsPanel(Component):
    name = "changes_and_drafts"
    template_name = "editorial/dashboard/changes_and_drafts.html"
    order = 90  # first: work sent back to the user comes before everything else

    def __init__(self, changes, drafts):
        self.changes, self.drafts = changes, drafts

    def get_context_data(self, parent_context):
        return {"changes": self.changes, "drafts": self.drafts}


def managed_clinics(user):
    """The clinics whose managers' group `user` belongs to (superusers and editors: none)."""
    from home.models import ClinicPage
    from treatments.offering_rights import managed_clinic_ids

    if user.is_superuser:
        return []
    ids = managed_clinic_ids(user)
    return list(ClinicPage.objects.filter(pk__in=ids).order_by("title")) if ids else []


class MyClinicPanel(Component):
    name = "my_clinic"
    template_name = "editorial/dashboard/my_clinic.html"
    order = 95

    def __init__(self, clinics):
        self.clinics = clinics

    def get_context_data(self, parent_context):
        from treatments.offering_actions import library_treatments
        from treatments.offering_display import LABELS
        from treatments.offerings import State, offering_grid

        treatments = list(library_treatments().order_by("title").only("pk", "title"))
        grid = offering_grid([t.pk for t in treatments], self.clinics)
        report = reverse("treatments_offerings_report")
        rows = []
        for clinic in self.clinics:
            offerings = [(t, grid[t.pk, clinic.pk]) for t in treatments]
            rows.append(
                {
                    "clinic": clinic,
                    "edit_url": reverse("wagtailadmin_pages:edit", args=(clinic.pk,)),
                    "offered": [
                        (t, LABELS[o.state]) for t, o in offerings if o.state != State.NOT_OFFERED
                    ],
                    "not_offered": sum(o.state == State.NOT_OFFERED for _, o in offerings),
                    "report_url": f"{report}?{urlencode({'clinic': clinic.pk})}",
                }
            )
        return {"rows": rows}


def dashboard_panels(user):
    """The role panels for `user`, in the order Wagtail sorts them."""
    panels = []
    changes = changes_requested(user)
    drafts = unsubmitted_drafts(user, exclude_ids=[page.pk for page, _ in changes])
    if changes or drafts:
        panels.append(ChangesAndDraftsPanel(changes, drafts))
    clinics = managed_clinics(user)
    if clinics:
        panels.append(MyClinicPanel(clinics))
    return panels
