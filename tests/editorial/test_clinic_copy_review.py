"""Clinical review holds on every clinic copy.

Every treatments index (the library's and each clinic's, made later by Offer
too) carries the Clinical review workflow; only clinical reviewers publish a
treatment page directly (cms/editorial/publishing.py). A clinic's local copy is
published by a reviewer's approval, which reviewers find on their dashboard;
and no admin request of a clinic manager or an editor puts content on a public
surface under a review stamp Clinical review did not give (HTML, JSON-LD, API).
"""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from wagtail.models import GroupPagePermission, WorkflowPage, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.models import ClinicPage
from treatments.models import TreatmentIndexPage, TreatmentPage
from treatments.offering_actions import offer

from ..seo.helpers import jsonld_nodes
from .helpers import create_treatment, edit_treatment, treatment_body, workflow_action
from .test_offer_withdraw import panel_rows
from .test_offerings_report import grid

pytestmark = pytest.mark.django_db

DRY = "/treatments/dry-needling/"
NEW = "/treatments/cupping/"
COPIED = "/treatments/dry-needling-copy/"
NORTHEAST = "northeast.localhost"
CLAIM = "zqlocalclaim"  # in every change a clinic user makes
FORGED = {
    "reviewer_name": "Dr. Nobody",
    "reviewer_credentials": "MD, FRCPC",
    "reviewed_on": "2026-01-01",
    "next_review_due": "2030-01-01",
    "review_digest": "0" * 64,
}


def claimed_body():
    body = treatment_body()
    body[0][1]["heading"] = f"Why patients choose it {CLAIM}"
    return body


def northeast_index():
    return TreatmentIndexPage.objects.child_of(ClinicPage.objects.get(slug="northeast")).get()


def northeast_copy():
    return TreatmentPage.objects.descendant_of(northeast_index()).get(slug="dry-needling")


def what_visitors_see(path, host=NORTHEAST):
    """{surface: (stamp shown or None, the clinic's claim shown)} for one page on one site."""
    client, seen = Client(), {}
    response = client.get(path, HTTP_HOST=host)
    if response.status_code == 200:
        html = response.content.decode()
        soup = BeautifulSoup(html, "html.parser")
        stamp = soup.select_one(".review-stamp")
        name = (
            stamp.get_text().removeprefix("Clinically reviewed by ").split(",")[0]
            if stamp
            else None
        )
        seen["html"] = (name, CLAIM in html)
        nodes = jsonld_nodes(soup.head)
        (webpage,) = nodes["MedicalWebPage"]
        seen["jsonld"] = (webpage.get("reviewedBy", {}).get("name"), CLAIM in str(webpage))
    api = client.get("/api/v2/pages/find/", {"html_path": path}, HTTP_HOST=host, follow=True)
    if api.status_code == 200:
        item = api.json()
        seen["api"] = (
            item["reviewer_name"] if item["review_status"] == "reviewed" else None,
            CLAIM in api.content.decode(),
        )
        assert (item["review_status"] == "reviewed") == bool(item["reviewer_name"]), item
    return seen


def assert_no_unreviewed_stamp(approved_by=()):
    """No surface names a reviewer next to the clinic's unreviewed claim, or a forged one."""
    for path in (DRY, NEW, COPIED):
        for surface, (stamp, claim) in what_visitors_see(path).items():
            assert stamp is None or "Nobody" not in stamp, (path, surface, stamp)
            if claim:
                assert stamp is None or any(name in stamp for name in approved_by), (
                    path,
                    surface,
                    stamp,
                )


@pytest.fixture
def local_editor(editorial, make_user):
    """Someone who edits Northeast's treatments, publish right included, but reviews nothing."""
    group = Group.objects.create(name="Northeast treatment editors")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_page_content"),
    )
    for kind in ("add", "change", "publish"):
        GroupPagePermission.objects.create(
            group=group,
            page=northeast_index(),
            permission=Permission.objects.get(codename=f"{kind}_page"),
        )
    return make_user("nell", group.name)


def test_every_treatments_index_is_under_clinical_review(editorial, editor, library, clinics):
    indexes = list(TreatmentIndexPage.objects.all())
    assert len(indexes) == 1 + len(clinics)
    assert {WorkflowPage.objects.get(page=index).workflow for index in indexes} == {editorial}
    # A clinic opened later gets its index from Offer, and the workflow with it.
    base = clinics["south"]
    clinic = base.get_parent().add_child(
        instance=ClinicPage(
            title="Beltline",
            slug="beltline",
            street_address=base.street_address,
            postal_code=base.postal_code,
            latitude=base.latitude,
            longitude=base.longitude,
            phone=base.phone,
            email=base.email,
            booking_url="https://book.example.com/beltline",
        )
    )
    alias = offer(library["dry-needling"], clinic, editor)
    assert alias.get_parent().specific.get_workflow() == editorial
    assert TreatmentPage.objects.get(pk=alias.pk).get_workflow() == editorial


def test_a_local_copy_goes_live_only_through_clinical_review(
    local_editor, editor, reviewer, as_user, library, clinics
):
    client = as_user(local_editor)
    alias = northeast_copy()
    convert = reverse("wagtailadmin_pages:convert_alias", args=[alias.pk])
    assert client.post(convert).status_code == 302
    copy = TreatmentPage.objects.get(pk=alias.pk)
    assert copy.alias_of_id is None and copy.live
    # The approved content, unchanged: still reviewed, by the library's reviewer.
    library_reviewer = library["dry-needling"].reviewer_name
    assert {stamp for stamp, _ in what_visitors_see(DRY).values()} == {library_reviewer}
    # The library page's Clinics panel and the offerings report call it a local copy.
    _html, rows = panel_rows(as_user(editor), library["dry-needling"])
    assert rows["northeast"][0] == "local"
    assert grid(as_user(editor))["dry-needling", "northeast"][0] == "local"

    edit = reverse("wagtailadmin_pages:edit", args=[copy.pk])
    assert "action-publish" not in client.get(edit).content.decode()  # no Publish button
    response = edit_treatment(
        client, copy, action="action-publish", body=claimed_body(), summary=CLAIM, **FORGED
    )
    assert response.status_code == 302  # saved as a draft: nothing published
    assert TreatmentPage.objects.get(pk=copy.pk).summary != CLAIM
    bulk = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    client.post(f"{bulk}?id={copy.pk}", {})
    assert TreatmentPage.objects.get(pk=copy.pk).summary != CLAIM
    assert_no_unreviewed_stamp()

    response = edit_treatment(
        client, copy, action="action-submit", body=claimed_body(), summary=CLAIM
    )
    assert response.status_code == 302
    state = WorkflowState.objects.for_instance(copy).get()
    assert state.workflow.name == "Clinical review" and state.status == state.STATUS_IN_PROGRESS
    assert TreatmentPage.objects.get(pk=copy.pk).summary != CLAIM  # in review, not live
    assert workflow_action(client, copy, "approve").status_code in (302, 403)
    assert WorkflowState.objects.for_instance(copy).get().status == state.STATUS_IN_PROGRESS

    # The reviewer finds it on the dashboard, opens it and approves it: it goes live, stamped.
    reviewing = as_user(reviewer)
    assert edit in reviewing.get(reverse("wagtailadmin_home")).content.decode()
    assert reviewing.get(edit).status_code == 200
    assert workflow_action(reviewing, copy, "approve").status_code == 302
    copy = TreatmentPage.objects.get(pk=copy.pk)
    assert copy.live and copy.summary == CLAIM and copy.review_status == "reviewed"
    seen = what_visitors_see(DRY)
    assert set(seen) == {"html", "jsonld", "api"}
    assert all(claim and "Rita Reviewer" in stamp for stamp, claim in seen.values()), seen
    # The library page is untouched: still its own reviewer's, without the clinic's claim.
    assert what_visitors_see(DRY, host="localhost")["api"] == (library_reviewer, False)


def _steps(client):
    """Every admin request a clinic user could try, in order: (name, request)."""

    def convert():
        alias = northeast_copy()
        return client.post(reverse("wagtailadmin_pages:convert_alias", args=[alias.pk]))

    def edit(action):
        def post():
            page = northeast_copy()
            if client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code != 200:
                return crafted(action)  # no form to read: post one anyway
            changes = {"summary": CLAIM, **FORGED}
            return edit_treatment(client, page, action=action, body=claimed_body(), **changes)

        return post

    def crafted(action="action-publish"):
        url = reverse("wagtailadmin_pages:edit", args=[northeast_copy().pk])
        data = {"title": "Dry needling", "slug": "dry-needling", "summary": CLAIM, **FORGED}
        data.update(nested_form_data({"body": streamfield(claimed_body())}))
        return client.post(url, {**data, action: action.removeprefix("action-")})

    def bulk_publish():
        bulk = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
        return client.post(f"{bulk}?id={northeast_copy().pk}", {})

    def create_published():
        return create_treatment(
            client, northeast_index(), action="action-publish", summary=CLAIM, **FORGED
        )

    def copy_published():
        url = reverse("wagtailadmin_pages:copy", args=[northeast_copy().pk])
        return client.post(
            url,
            {
                "new_title": f"Dry needling {CLAIM}",
                "new_slug": "dry-needling-copy",
                "new_parent_page": northeast_index().pk,
                "publish_copies": "on",
            },
        )

    def approve_own():
        page = northeast_copy()
        if page.current_workflow_task_state is None:
            return None
        return workflow_action(client, page, "approve")

    return [
        ("convert", convert),
        ("edit and publish", edit("action-publish")),
        ("crafted publish", crafted),
        ("bulk publish", bulk_publish),
        ("create and publish", create_published),
        ("copy and publish", copy_published),
        ("submit", edit("action-submit")),
        ("approve", approve_own),
        ("publish in review", edit("action-publish")),
    ]


@pytest.mark.parametrize("who", ["manager", "editor"])
def test_no_clinic_request_shows_a_review_that_did_not_happen(
    who, managers, editor, reviewer, as_user, library, clinics
):
    user = managers["northeast"] if who == "manager" else editor
    client = as_user(user)
    assert_no_unreviewed_stamp()
    for name, step in _steps(client):
        response = step()
        assert response is None or response.status_code < 500, (name, response.status_code)
        assert_no_unreviewed_stamp()
        for page in TreatmentPage.objects.descendant_of(northeast_index()):
            live = page.live_revision.as_object() if page.live_revision_id else page
            assert "Nobody" not in (live.reviewer_name, page.reviewer_name), name
    # What Clinical review approves may then carry the reviewer's stamp, and only that.
    copy = northeast_copy()
    if copy.current_workflow_task_state is not None:
        assert workflow_action(as_user(reviewer), copy, "approve").status_code == 302
    assert_no_unreviewed_stamp(approved_by=("Rita Reviewer",))
