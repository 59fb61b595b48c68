"""The review stamp holds only for the content Clinical review approved.

Nobody types a stamp (crafted POSTs included); a published change to the
summary, hero image or body that skipped review shows the page, and every
clinic alias of it, as not reviewed in the HTML, the JSON-LD and the API; an
approval brings the stamp back. SEO-only changes keep it.
"""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse
from wagtail.models import Revision

from treatments.models import TreatmentPage

from ..seo.helpers import head, jsonld_nodes
from .helpers import edit_treatment, treatment_body, workflow_action

pytestmark = pytest.mark.django_db

STAMP = ("reviewer_name", "reviewer_credentials", "reviewed_on", "next_review_due")
PATH = "/treatments/dry-needling/"


def surfaces(client, host):
    """What a visitor, a crawler and a front end are told about the page's review."""
    response = client.get(PATH, HTTP_HOST=host)
    html = response.content.decode()
    (webpage,) = jsonld_nodes(head(response))["MedicalWebPage"]
    api = client.get("/api/v2/pages/find/", {"html_path": PATH}, HTTP_HOST=host, follow=True)
    item = api.json()
    return {
        "html": "Clinically reviewed by" in html,
        "jsonld": {"reviewedBy", "lastReviewed"} & set(webpage),
        "api": (item["review_status"], *(item[name] for name in STAMP)),
    }


def assert_reviewed(client, host, name):
    seen = surfaces(client, host)
    assert seen["html"] and seen["jsonld"] == {"reviewedBy", "lastReviewed"}
    assert seen["api"][0] == "reviewed" and seen["api"][1] == name and seen["api"][3]


def assert_not_reviewed(client, host):
    seen = surfaces(client, host)
    assert not seen["html"]
    assert not seen["jsonld"]
    assert seen["api"] == ("not_reviewed", "", "", None, None)


@pytest.fixture
def page(library):
    return TreatmentPage.objects.get(pk=library["dry-needling"].pk)


def test_demo_content_is_reviewed_on_the_library_and_on_every_alias(client, page, clinics):
    assert_reviewed(client, "localhost", page.reviewer_name)
    assert_reviewed(client, "northeast.localhost", page.reviewer_name)
    assert_reviewed(client, "downtown.localhost", page.reviewer_name)


@pytest.mark.parametrize("who", ["editor", "reviewer", "superuser"])
def test_no_form_post_sets_the_stamp(request, who, page, as_user, admin_client, editorial):
    client = admin_client if who == "superuser" else as_user(request.getfixturevalue(who))
    before = {name: getattr(page, name) for name in (*STAMP, "review_digest")}
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    html = client.get(url).content.decode()
    for name in STAMP:
        assert f'name="{name}"' not in html  # shown read-only, never an input
    forged = {
        "reviewer_name": "Dr. Nobody",
        "reviewer_credentials": "MD",
        "reviewed_on": "2026-01-01",
        "next_review_due": "2030-01-01",
        "review_digest": "0" * 64,
    }
    action = "action-submit" if who == "editor" else "action-publish"
    response = edit_treatment(client, page, action=action, **forged)
    assert response.status_code == 302
    latest = TreatmentPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert {name: getattr(latest, name) for name in before} == before


def test_plain_publish_of_a_clinical_change_drops_the_stamp_everywhere(
    client, page, reviewer, as_user, clinics
):
    response = edit_treatment(
        as_user(reviewer), page, action="action-publish", summary="A rewritten claim."
    )
    assert response.status_code == 302
    page = TreatmentPage.objects.get(pk=page.pk)
    assert page.live and page.summary == "A rewritten claim."
    assert page.reviewer_name  # the stamp is kept, but it is not for this content
    assert page.review is None and page.review_status == "not_reviewed"
    assert_not_reviewed(client, "localhost")
    assert_not_reviewed(client, "northeast.localhost")  # the alias follows its original


def test_approval_through_the_workflow_brings_the_stamp_back(
    client, page, editor, reviewer, as_user, clinics
):
    edit_treatment(as_user(reviewer), page, action="action-publish", body=treatment_body("12"))
    assert_not_reviewed(client, "northeast.localhost")
    response = edit_treatment(as_user(editor), page, action="action-submit")
    assert response.status_code == 302
    assert workflow_action(as_user(reviewer), page, "approve").status_code == 302
    assert_reviewed(client, "localhost", "Rita Reviewer")
    assert_reviewed(client, "northeast.localhost", "Rita Reviewer")


def test_seo_changes_keep_the_stamp(client, page, clinics):
    draft = page.get_latest_revision_as_object()
    draft.seo_title = "Dry needling for sore muscles"
    draft.search_description = "What it is, what it helps, how safe it is."
    draft.save_revision().publish()
    assert_reviewed(client, "northeast.localhost", page.reviewer_name)


def test_a_hero_change_drops_the_stamp(page, library):
    draft = page.get_latest_revision_as_object()
    draft.hero_image = library["massage-therapy"].hero_image
    draft.save_revision().publish()
    assert TreatmentPage.objects.get(pk=page.pk).review_status == "not_reviewed"


def test_the_migration_binds_existing_stamps_to_their_live_content(page, library):
    """Pages stamped before digests existed keep their stamp; drafts that differ do not."""
    draft = page.get_latest_revision_as_object()
    draft.summary = "An unreviewed draft."
    draft.save_revision()
    TreatmentPage.objects.update(review_digest="")
    for revision in Revision.objects.filter(content__has_key="review_digest"):
        revision.content["review_digest"] = ""
        revision.save(update_fields=["content"])
    assert TreatmentPage.objects.get(pk=page.pk).review_status == "not_reviewed"

    migration = importlib.import_module("treatments.migrations.0005_review_digest")
    migration.bind_existing_stamps(apps, None)

    for original in library.values():
        assert TreatmentPage.objects.get(pk=original.pk).review_status == "reviewed"
    assert {p.review_status for p in TreatmentPage.objects.filter(alias_of=page)} == {"reviewed"}
    page = TreatmentPage.objects.get(pk=page.pk)
    assert page.live_revision.as_object().review_status == "reviewed"
    unreviewed = page.get_latest_revision_as_object()
    assert unreviewed.summary == "An unreviewed draft." and unreviewed.review_status == (
        "not_reviewed"
    )
