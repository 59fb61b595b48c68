"""Each role's dashboard says what to do next: editors their changes requested (with the
reviewer's comment) and drafts, clinic managers their clinic and its offerings; each panel
costs the same queries however many rows it has."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from treatments.models import TreatmentPage

from .helpers import create_treatment, workflow_action

pytestmark = pytest.mark.django_db


@pytest.fixture
def library_index(library):
    return library["dry-needling"].get_parent().specific


def _dashboard(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def _panel(html, panel_id):
    start = html.find(f'id="{panel_id}')
    assert start != -1, f"no {panel_id} panel"
    end = html.find("</section>", start)
    return html[start:end]


def _render_role_panels(user):
    from django.test import RequestFactory

    from cms.editorial.dashboard import dashboard_panels

    user = type(user).objects.get(pk=user.pk)  # no permissions cached from an earlier call
    request = RequestFactory().get("/admin/")
    request.user = user
    return "".join(panel.render_html({"request": request}) for panel in dashboard_panels(user))


def test_an_editor_sees_changes_requested_with_the_comment_and_unsubmitted_drafts(
    editor, reviewer, library_index, as_user
):
    client = as_user(editor)
    create_treatment(client, library_index, slug="cupping")
    workflow_action(
        as_user(reviewer),
        TreatmentPage.objects.get(slug="cupping"),
        "reject",
        comment="Name the source of the redness figure.",
    )
    create_treatment(client, library_index, action="", slug="kinesio", title="Kinesio taping")
    create_treatment(client, library_index, slug="tecar", title="Tecar therapy")  # in review

    panel = _panel(_dashboard(client), "changes-and-drafts")
    changes, drafts = panel.split("Drafts not yet submitted")
    assert "Cupping therapy" in changes
    assert "Name the source of the redness figure." in changes
    assert "Rita Reviewer" in changes
    assert "Kinesio taping" in drafts
    assert "Tecar therapy" not in panel  # waiting for review: not the editor's move
    assert "Cupping therapy" not in drafts


def test_the_panel_is_absent_with_nothing_to_do(editor, as_user, library):
    assert 'id="changes-and-drafts' not in _dashboard(as_user(editor))


def test_the_editor_panel_queries_do_not_grow_with_rows(editor, reviewer, library_index, as_user):
    client = as_user(editor)

    def add(count, start):
        for n in range(start, start + count):
            create_treatment(client, library_index, slug=f"t{n}", title=f"Treatment {n}")
            workflow_action(
                as_user(reviewer), TreatmentPage.objects.get(slug=f"t{n}"), "reject", "Again."
            )
            create_treatment(client, library_index, action="", slug=f"d{n}", title=f"Draft {n}")

    def queries():
        """The role panels' own queries, built and rendered as the dashboard does
        (Wagtail's panels beside them are Wagtail's)."""
        _render_role_panels(editor)  # warm the per-process caches (content types)
        with CaptureQueriesContext(connection) as captured:
            html = _render_role_panels(editor)
        assert "Changes requested" in html and "Drafts not yet submitted" in html
        return len(captured)

    add(1, 0)
    few = queries()
    add(3, 1)
    assert queries() == few


def test_a_clinic_manager_sees_their_clinic_and_what_it_offers(managers, as_user, clinics):
    html = _dashboard(as_user(managers["northeast"]))
    panel = _panel(html, "my-clinic-northeast")
    assert "Your clinic: Bowview Physiotherapy Northeast" in panel
    assert reverse("wagtailadmin_pages:edit", args=[clinics["northeast"].pk]) in panel
    assert f"?clinic={clinics['northeast'].pk}" in panel  # the offerings report, this clinic
    for title in ("Dry needling", "Massage therapy", "Shockwave therapy"):
        assert title in panel
    assert 'id="my-clinic-south' not in html


def test_editors_and_superusers_get_no_clinic_panel(editor, as_user, admin_client, library):
    assert 'id="my-clinic-' not in _dashboard(as_user(editor))
    assert 'id="my-clinic-' not in _dashboard(admin_client)


def test_a_manager_dashboard_queries_do_not_grow_with_treatments(
    managers, as_user, library_index, admin_client
):
    manager = managers["northeast"]

    def queries():
        _render_role_panels(manager)
        with CaptureQueriesContext(connection) as captured:
            html = _render_role_panels(manager)
        assert "Your clinic" in html
        return len(captured)

    few = queries()
    for n in range(3):
        create_treatment(
            admin_client, library_index, action="action-publish", slug=f"x{n}", title=f"X {n}"
        )
    assert TreatmentPage.objects.filter(slug__startswith="x", live=True).count() == 3
    assert queries() == few
