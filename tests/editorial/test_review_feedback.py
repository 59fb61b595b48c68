"""What reviewers and editors are told after a review action: a confirmation that says what
happened and who is notified, and an approval email with the comment and an admin link."""

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse

from treatments.models import TreatmentPage

from .helpers import create_treatment, edit_treatment, workflow_action

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(editor, reviewer, library, as_user):
    index = library["dry-needling"].get_parent().specific
    response = create_treatment(as_user(editor), index)
    assert response.status_code == 302
    mail.outbox.clear()
    return TreatmentPage.objects.get(slug="cupping")


def _messages(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_request_changes_from_the_dashboard_confirms_who_is_told(submitted, reviewer, as_user):
    response = workflow_action(as_user(reviewer), submitted, "reject", comment="Cite the figure.")
    assert response.status_code == 302
    assert _messages(response) == [
        "Changes requested on 'Cupping therapy'. Erin Editor is notified by email "
        "with your comment."
    ]


def test_request_changes_from_the_modal_confirms_on_the_next_page(submitted, reviewer, as_user):
    client = as_user(reviewer)
    state = TreatmentPage.objects.get(pk=submitted.pk).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(submitted.pk, "reject", state.pk))
    response = client.post(url, {"comment": ""}, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert response.status_code == 200 and b'"step": "success"' in response.content
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Changes requested on &#x27;Cupping therapy&#x27;. Erin Editor is notified" in dashboard


def test_request_changes_from_the_edit_page_says_so_not_page_updated(submitted, reviewer, as_user):
    response = edit_treatment(
        as_user(reviewer),
        submitted,
        action="action-workflow-action",
        **{
            "workflow-action-name": "reject",
            "workflow-action-extra-data": '{"comment": "Shorter summary."}',
        },
    )
    assert response.status_code == 302
    assert _messages(response) == [
        "Changes requested on 'Cupping therapy'. Erin Editor is notified by email "
        "with your comment."
    ]
    state = TreatmentPage.objects.get(pk=submitted.pk).current_workflow_state
    assert state.status == state.STATUS_NEEDS_CHANGES


def test_an_invalid_action_gets_no_confirmation(submitted, editor, as_user):
    """An editor may not review: no task is finished, so nothing is confirmed."""
    response = workflow_action(as_user(editor), submitted, "reject", comment="Self-reject.")
    assert not any(message.startswith("Changes requested") for message in _messages(response))
    page = TreatmentPage.objects.get(pk=submitted.pk)
    assert page.current_workflow_state.status == page.current_workflow_state.STATUS_IN_PROGRESS


def test_approval_confirms_publication_and_emails_the_comment_and_admin_link(
    submitted, reviewer, editor, as_user, settings
):
    settings.WAGTAILADMIN_NOTIFICATION_USE_HTML = True  # the text and the HTML part
    response = workflow_action(
        as_user(reviewer), submitted, "approve", comment="Clear and sourced."
    )
    assert _messages(response) == [
        "'Cupping therapy' approved and published: the clinical review is signed with your name."
    ]
    assert [message.to for message in mail.outbox] == [[editor.email]]
    body = mail.outbox[0].body
    assert 'The reviewer\'s comment: "Clear and sourced."' in body
    assert 'approved in "Clinical review" by Rita Reviewer' in body
    edit_url = settings.WAGTAILADMIN_BASE_URL + reverse(
        "wagtailadmin_pages:edit", args=[submitted.pk]
    )
    assert f"You can edit the page here: {edit_url}" in body
    html = mail.outbox[0].alternatives[0][0]
    assert "Clear and sourced." in html and f'href="{edit_url}"' in html
