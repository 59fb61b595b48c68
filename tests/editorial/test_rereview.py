"""One click from the "Clinical reviews due" report starts the Clinical review again,
notifying the reviewers; the approval then renews the stamp."""

import datetime

import pytest
from django.conf import settings
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState

from treatments.models import TreatmentPage

from .helpers import assert_denied, workflow_action

pytestmark = pytest.mark.django_db


@pytest.fixture
def overdue(library, editorial):
    page = TreatmentPage.objects.get(pk=library["dry-needling"].pk)
    TreatmentPage.objects.filter(pk=page.pk).update(
        next_review_due=timezone.localdate() - datetime.timedelta(days=3)
    )
    return page


@override_settings(REVIEW_REMINDER_DAYS=30)
def test_start_rereview_from_the_report_and_approve(overdue, editor, reviewer, as_user):
    client = as_user(editor)
    html = client.get(reverse("editorial_reviews_due")).content.decode()
    start_url = reverse("editorial_start_rereview", args=[overdue.pk])
    assert f'action="{start_url}"' in html and "Start re-review" in html

    mail.outbox.clear()
    response = client.post(start_url)
    assert response.status_code == 302 and response.url == reverse("editorial_reviews_due")
    state = WorkflowState.objects.for_instance(overdue).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and state.requested_by == editor
    assert reviewer.email in {address for message in mail.outbox for address in message.to}
    html = client.get(reverse("editorial_reviews_due")).content.decode()
    assert f'action="{start_url}"' not in html and "In review" in html
    # A second click starts nothing more.
    client.post(start_url)
    assert WorkflowState.objects.for_instance(overdue).count() == 1

    workflow_action(as_user(reviewer), overdue, "approve")
    page = TreatmentPage.objects.get(pk=overdue.pk)
    today = timezone.localdate()
    assert page.reviewed_on == today and page.review_is_current
    assert page.next_review_due == today + datetime.timedelta(
        days=settings.CLINICAL_REVIEW_INTERVAL_DAYS
    )


def test_only_those_who_may_submit_start_a_rereview(overdue, managers, as_user):
    response = as_user(managers["south"]).post(
        reverse("editorial_start_rereview", args=[overdue.pk])
    )
    assert_denied(response)
    assert not WorkflowState.objects.for_instance(overdue).exists()
    assert as_user(managers["south"]).get(
        reverse("editorial_start_rereview", args=[overdue.pk])
    ).status_code in (302, 405)


@override_settings(REVIEW_REMINDER_DAYS=30)
def test_the_report_queries_do_not_grow_with_due_pages(library, editorial, editor, as_user):
    """Rows, their "Start re-review" buttons and Wagtail's row template: batched, not per row."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = as_user(editor)
    url = reverse("editorial_reviews_due_results")
    overdue = timezone.localdate() - datetime.timedelta(days=3)

    def queries(expected_buttons):
        client.get(url)  # per-process caches (content types, site root paths)
        with CaptureQueriesContext(connection) as captured:
            html = client.get(url).content.decode()
        assert html.count("Start re-review") == expected_buttons
        return len(captured)

    pages = list(TreatmentPage.objects.filter(alias_of__isnull=True).order_by("pk"))
    assert len(pages) >= 4
    TreatmentPage.objects.filter(pk=pages[0].pk).update(next_review_due=overdue)
    one = queries(1)
    TreatmentPage.objects.filter(pk__in=[p.pk for p in pages[:4]]).update(next_review_due=overdue)
    assert queries(4) == one


def test_the_rereview_column_agrees_with_the_button_rule(
    library, editorial, editor, managers, reviewer
):
    """The batched column answers what the button's own one-page rule answers."""
    from cms.editorial.rereview import may_start_rereview, pages_in_review, rereview_candidates

    pages = list(TreatmentPage.objects.filter(alias_of__isnull=True).order_by("pk"))
    assert len(pages) >= 4
    pages[1].get_workflow().start(pages[1], editor)  # in review: its cell says "In review"
    TreatmentPage.objects.filter(pk=pages[2].pk).update(locked=True, locked_by=reviewer)
    rows = list(
        TreatmentPage.objects.filter(pk__in=[p.pk for p in pages])
        .prefetch_workflow_states()
        .order_by("pk")
    )
    in_review = pages_in_review(rows)
    assert in_review == {pages[1].pk}
    for user in (editor, reviewer, managers["south"]):
        ids = rereview_candidates(user, rows, in_review)
        fresh = TreatmentPage.objects.filter(pk__in=[p.pk for p in pages]).order_by("pk")
        assert ids == {p.pk for p in fresh if p.pk not in in_review and may_start_rereview(user, p)}
    editor_ids = rereview_candidates(editor, rows, in_review)
    assert pages[0].pk in editor_ids
    assert pages[2].pk not in editor_ids  # locked by someone else
    assert pages[2].pk in rereview_candidates(reviewer, rows, in_review)  # their own lock
    assert not rereview_candidates(managers["south"], rows, in_review)
