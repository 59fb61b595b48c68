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
