"""One click from the "Clinical reviews due" report starts a page's Clinical review again.

A review falls due although nothing changed; the reviewer needs a task, not an edit.
The button starts the page's workflow (Wagtail's own `Workflow.start`, which notifies
the reviewers as a submission does) on its latest revision, for anyone who may submit
the page (edit it), when no review of it is already in progress.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST
from wagtail.locks import BasicLock
from wagtail.models import Page, Revision, WorkflowPage, WorkflowState


def pages_in_review(pages):
    """The ids among `pages` with a workflow in progress or waiting for changes (one query)."""
    ids = [str(page.pk) for page in pages]
    return {
        int(object_id)
        for object_id in WorkflowState.objects.active()
        .filter(base_content_type__model="page", object_id__in=ids)
        .values_list("object_id", flat=True)
    }


def may_start_rereview(user, page):
    """Whether `user` may edit `page` (Wagtail's can_submit_for_moderation does not ask)
    and a workflow applies to it."""
    permissions = page.permissions_for_user(user)
    return (
        not page.alias_of_id
        and permissions.can_edit()
        and not permissions.page_locked()
        and page.get_workflow() is not None
    )


def _with_active_workflow(pages):
    """The ids among `pages` under an active workflow (Wagtail's `get_workflow`): one query."""
    steplen = Page.steplen
    prefixes = {
        p.path: [p.path[:i] for i in range(steplen, len(p.path) + 1, steplen)] for p in pages
    }
    paths = {path for chain in prefixes.values() for path in chain}
    assigned = set(
        WorkflowPage.objects.filter(page__path__in=paths, workflow__active=True).values_list(
            "page__path", flat=True
        )
    )
    return {p.pk for p in pages if assigned.intersection(prefixes[p.path])}


def _scheduled(pages):
    """The ids among `pages` with a publication scheduled (locked for everyone): one query."""
    ids = [str(page.pk) for page in pages]
    return {
        int(object_id)
        for object_id in Revision.page_revisions.filter(
            object_id__in=ids, approved_go_live_at__isnull=False
        ).values_list("object_id", flat=True)
    }


def rereview_candidates(user, pages, in_review):
    """`may_start_rereview` for a listing's rows, in two queries whatever their number.

    Pages in review (`in_review`, from `pages_in_review`) are left out first, so
    the only locks left to ask are a user's lock and a scheduled publication.
    """
    pages = [page for page in pages if page.pk not in in_review and not page.alias_of_id]
    if not pages:
        return set()
    with_workflow, scheduled = _with_active_workflow(pages), _scheduled(pages)
    return {
        page.pk
        for page in pages
        if page.pk in with_workflow
        and page.pk not in scheduled
        and not (page.locked and BasicLock(page).for_user(user))
        and page.permissions_for_user(user).can_edit()
    }


@require_POST
def start_rereview(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not may_start_rereview(request.user, page):
        raise PermissionDenied
    report = reverse("editorial_reviews_due")
    if page.workflow_in_progress:
        messages.warning(request, f"'{page.title}' is already in clinical review.")
        return redirect(report)
    if page.get_latest_revision() is None:  # a page saved without one (imported content)
        page.save_revision(user=request.user, log_action=False)
    workflow = page.get_workflow()
    workflow.start(page, request.user)
    messages.success(
        request,
        f"Re-review of '{page.title}' started: the {workflow.name} reviewers are notified.",
    )
    return redirect(report)
