"""Clinical review: an editor submits, a clinical reviewer approves (signing the review) or
asks for changes; everyone concerned is emailed; nothing goes live without approval."""

import datetime

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState

from treatments.models import TreatmentPage

from .helpers import assert_denied, create_treatment, edit_treatment, task_state_of, workflow_action

pytestmark = pytest.mark.django_db


@pytest.fixture
def library_index(library):
    return library["dry-needling"].get_parent().specific


@pytest.fixture
def submitted(editor, reviewer, library_index, as_user):
    """A new treatment the editor created and submitted for clinical review."""
    mail.outbox.clear()
    response = create_treatment(as_user(editor), library_index)
    assert response.status_code == 302, response.context and response.context["form"].errors
    return TreatmentPage.objects.get(slug="cupping")


def test_submitting_starts_clinical_review_and_emails_the_reviewers(submitted, reviewer, editor):
    assert not submitted.live
    state = WorkflowState.objects.for_instance(submitted).get()
    assert state.workflow.name == "Clinical review"
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == editor
    to = {address for message in mail.outbox for address in message.to}
    assert reviewer.email in to
    assert editor.email not in to  # the submitter is not told about their own submission
    assert any("Cupping therapy" in message.subject for message in mail.outbox)


def test_approval_signs_the_review_publishes_and_tells_the_editor(
    submitted, reviewer, editor, as_user, clinics
):
    mail.outbox.clear()
    response = workflow_action(as_user(reviewer), submitted, "approve")
    assert response.status_code == 302

    page = TreatmentPage.objects.get(pk=submitted.pk)
    today = timezone.localdate()
    assert page.live
    assert page.reviewer_name == "Rita Reviewer"
    assert page.reviewer_credentials == "PT, MScPT"
    assert page.reviewed_on == today
    assert page.next_review_due == today + datetime.timedelta(
        days=settings.CLINICAL_REVIEW_INTERVAL_DAYS
    )
    # The signature is in the published revision, not only on the row.
    assert page.live_revision.as_object().reviewer_name == "Rita Reviewer"
    assert WorkflowState.objects.for_instance(page).get().status == WorkflowState.STATUS_APPROVED
    assert [message.to for message in mail.outbox] == [[editor.email]]
    assert "approved" in mail.outbox[0].subject.lower()

    html = as_user(editor).get(page.url, HTTP_HOST="localhost").content.decode()
    assert "Rita Reviewer" in html


def test_reject_with_a_comment_keeps_the_page_offline_and_emails_the_comment(
    submitted, reviewer, editor, as_user
):
    mail.outbox.clear()
    response = workflow_action(
        as_user(reviewer), submitted, "reject", comment="Cite a source for the redness figure."
    )
    assert response.status_code == 302
    page = TreatmentPage.objects.get(pk=submitted.pk)
    assert not page.live
    assert page.reviewed_on is None
    state = WorkflowState.objects.for_instance(page).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert [message.to for message in mail.outbox] == [[editor.email]]
    assert "Cite a source for the redness figure." in mail.outbox[0].body


def test_a_reviewer_signature_falls_back_to_the_username_without_a_profile(
    submitted, make_user, as_user
):
    plain = make_user("sam", "Clinical reviewers")
    workflow_action(as_user(plain), submitted, "approve")
    page = TreatmentPage.objects.get(pk=submitted.pk)
    assert (page.reviewer_name, page.reviewer_credentials) == ("sam", "")


def test_an_editor_cannot_approve_or_publish(submitted, editor, as_user, library_index):
    client = as_user(editor)
    assert_denied(workflow_action(client, submitted, "approve"))
    assert not TreatmentPage.objects.get(pk=submitted.pk).live
    assert task_state_of(submitted).status == "in_progress"

    # Publishing directly is not offered to editors, and posting it anyway does not publish.
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[submitted.pk])).content.decode()
    assert 'name="action-publish"' not in edit
    response = create_treatment(client, library_index, action="action-publish", slug="direct")
    assert response.status_code in (302, 403)
    assert not TreatmentPage.objects.filter(slug="direct", live=True).exists()


def test_a_clinic_manager_cannot_review(submitted, managers, as_user):
    assert_denied(workflow_action(as_user(managers["south"]), submitted, "approve"))
    assert not TreatmentPage.objects.get(pk=submitted.pk).live


def test_approving_an_edit_to_a_library_page_updates_every_clinic_alias(
    library, editor, reviewer, as_user, clinics
):
    page = library["massage-therapy"]
    response = edit_treatment(
        as_user(editor), page, action="action-submit", summary="Rewritten summary for review."
    )
    assert response.status_code == 302
    south = clinics["south"].hostname
    before = as_user(editor).get("/treatments/massage-therapy/", HTTP_HOST=south)
    assert "Rewritten summary for review." not in before.content.decode()

    workflow_action(as_user(reviewer), page, "approve")
    for slug in ("northeast", "downtown", "south"):
        html = as_user(editor).get("/treatments/massage-therapy/", HTTP_HOST=clinics[slug].hostname)
        assert html.status_code == 200
        assert "Rewritten summary for review." in html.content.decode()
    assert task_state_of(page) is None
