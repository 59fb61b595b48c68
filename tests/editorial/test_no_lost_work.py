"""No lost work: concurrent editors are warned, locks hold, a failed save keeps what was
typed, and an earlier revision can be brought back."""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import nested_form_data, streamfield

from treatments.models import TreatmentPage

from ..admin_forms import form_data
from .helpers import edit_treatment, treatment_body

pytestmark = pytest.mark.django_db


def ping_url(page, session_id):
    return reverse(
        "wagtailadmin_editing_sessions:ping",
        args=("wagtailcore", "page", page.pk, session_id),
    )


def test_a_second_editor_is_told_someone_else_is_editing_and_saved_a_new_version(
    library, editor, make_user, as_user
):
    page = library["shockwave-therapy"]
    other = make_user("ed2", "Editors", first="Eddie", last="Second")
    erin, eddie = as_user(editor), as_user(other)
    revision = page.get_latest_revision()

    first = erin.post(ping_url(page, 0), {"is_editing": "1"}).json()
    assert first["other_sessions"] == []
    seen = eddie.post(ping_url(page, 0), {"revision_id": revision.pk}).json()
    assert [s["user"] for s in seen["other_sessions"]] == ["Erin Editor"]
    assert seen["other_sessions"][0]["is_editing"]

    # Erin saves; Eddie's next ping says his form is out of date.
    assert edit_treatment(erin, page, action=None, summary="Erin's change.").status_code == 302
    stale = eddie.post(
        ping_url(page, seen["session_id"]),
        {"revision_id": revision.pk, "revision_created_at": revision.created_at.isoformat()},
    ).json()
    assert stale["other_sessions"][0]["revision_id"] is not None
    assert "Erin Editor saved a new version" in stale["html"]


def test_a_locked_page_cannot_be_saved_by_another_editor(library, editor, make_user, as_user):
    page = library["shockwave-therapy"]
    lock = reverse("wagtailadmin_pages:lock", args=[page.pk])
    assert as_user(editor).post(lock).status_code == 302
    assert TreatmentPage.objects.get(pk=page.pk).locked

    other = as_user(make_user("ed2", "Editors"))
    before = page.get_latest_revision().pk
    response = edit_treatment(other, page, action=None, summary="Overwrite attempt.")
    assert response.status_code == 200
    assert "The page could not be saved as it is locked" in response.content.decode()
    assert TreatmentPage.objects.get(pk=page.pk).get_latest_revision().pk == before


def test_a_failed_validation_keeps_what_was_typed(library, editor, as_user):
    page = library["shockwave-therapy"]
    before = page.get_latest_revision().pk
    response = edit_treatment(
        as_user(editor),
        page,
        action=None,
        body=treatment_body(incidence="140"),
        title="Shockwave, retitled while typing",
        summary="A long summary the editor would hate to type twice.",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "The page could not be saved due to validation errors" in html
    assert 'value="Shockwave, retitled while typing"' in html
    assert "A long summary the editor would hate to type twice." in html
    # The StreamField comes back with the typed values too, for the editor to fix.
    body = response.context["form"]["body"].value()
    assert body[1].value["side_effects"][0]["incidence"] == "140"
    assert body[1].value["side_effects"][0]["name"] == "Redness"
    assert TreatmentPage.objects.get(pk=page.pk).get_latest_revision().pk == before


def test_reverting_to_an_earlier_revision_brings_its_content_back(library, editor, as_user):
    page = library["shockwave-therapy"]
    client = as_user(editor)
    assert edit_treatment(client, page, action=None, summary="The good version.").status_code == 302
    good = TreatmentPage.objects.get(pk=page.pk).get_latest_revision()
    bad_body = treatment_body(incidence="99")
    edit_treatment(client, page, action=None, body=bad_body, summary="A draft that went wrong.")
    assert TreatmentPage.objects.get(pk=page.pk).get_latest_revision_as_object().summary == (
        "A draft that went wrong."
    )

    revert_url = reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, good.pk])
    html = client.get(revert_url).content.decode()
    assert "The good version." in html and "A draft that went wrong." not in html
    data = form_data(html, "page-edit-form")
    assert f'action="{revert_url}"' in html  # the form posts back to the revert view
    # The browser sends the StreamField the form shows: the good revision's body.
    data.update(nested_form_data({"body": streamfield(treatment_body())}))
    response = client.post(revert_url, data)
    assert response.status_code == 302

    page = TreatmentPage.objects.get(pk=page.pk)
    draft = page.get_latest_revision_as_object()
    assert draft.summary == "The good version."
    assert draft.body[1].value["side_effects"][0]["incidence"] == 16
    assert page.get_latest_revision().pk != good.pk  # a new revision; history is kept
    assert page.revisions.count() >= 3
    assert PageLogEntry.objects.filter(page=page, action="wagtail.revert").exists()
