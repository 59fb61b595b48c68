"""SEO staff publish a change to SEO fields at once, without Clinical review, and the review
stamp stays valid; a change touching anything else by the same path is refused, nothing
stored. Every test drives the real page editor as a member of the SEO staff group."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from wagtail.models import PageLogEntry, WorkflowState

from cms.seo.roles import SEO_STAFF, ensure_seo_roles
from cms.seo.seo_publish import ACTION, LOG_ACTION
from tests.admin_forms import edit_page, form_data
from tests.editorial.helpers import assert_denied, edit_treatment
from treatments.models import TreatmentPage
from treatments.review import clinical_digest

DESCRIPTION = "Dry needling in Calgary: how it eases trigger points, what a visit involves, safety."


@pytest.fixture
def roles(library):
    from cms.editorial.setup import ensure_editorial

    ensure_editorial(log=lambda message: None)  # the Clinical review workflow on the library
    ensure_seo_roles()


@pytest.fixture
def seo_user(roles, django_user_model):
    user = django_user_model.objects.create_user("sam", "sam@example.com", "pw")
    user.groups.add(Group.objects.get(name=SEO_STAFF))
    return user


@pytest.fixture
def seo_client(seo_user):
    client = Client()
    client.force_login(seo_user)
    return client


@pytest.fixture
def page(library):
    page = TreatmentPage.objects.get(pk=library["dry-needling"].pk)
    assert page.live and page.review is not None  # the demo page carries a valid stamp
    return page


def _messages(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def _live_html(client, page):
    return client.get(page.url, HTTP_HOST="localhost").content.decode()


def test_seo_user_publishes_a_meta_description_live_with_the_stamp_intact(seo_client, page, client):
    stamp = page.review
    response = edit_page(seo_client, page, action=ACTION, search_description=DESCRIPTION)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert any("published" in message for message in _messages(response))

    live = TreatmentPage.objects.get(pk=page.pk)
    assert live.search_description == DESCRIPTION
    assert live.review == stamp and live.review_is_current
    assert not live.has_unpublished_changes
    assert not WorkflowState.objects.for_instance(live).exists()  # no review was asked
    html = _live_html(client, live)
    assert f'<meta name="description" content="{DESCRIPTION}"' in html
    # Every clinic's copy follows at once, stamp included.
    for copy in TreatmentPage.objects.filter(alias_of=live):
        assert copy.search_description == DESCRIPTION and copy.review_is_current
    entry = PageLogEntry.objects.filter(page=live, action=LOG_ACTION).get()
    assert entry.data == {"fields": ["search_description"]}


def test_tags_and_title_tag_are_seo_changes_too(seo_client, page):
    response = edit_page(
        seo_client,
        page,
        action=ACTION,
        seo_title="Dry needling in Calgary | Trigger point relief",
        tags="trigger points, neck pain",
    )
    assert response.status_code == 302
    live = TreatmentPage.objects.get(pk=page.pk)
    assert live.seo_title == "Dry needling in Calgary | Trigger point relief"
    assert sorted(tag.name for tag in live.tags.all()) == ["neck pain", "trigger points"]
    assert live.review_is_current


def test_a_crafted_body_change_by_the_same_path_is_refused(seo_client, page):
    before = clinical_digest(page)
    revisions = page.revisions.count()
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = form_data(seo_client.get(url).content.decode(), "page-edit-form")
    data.update(
        {
            ACTION: "publish-seo",
            "search_description": DESCRIPTION,
            "body-count": "1",
            "body-0-type": "section",
            "body-0-deleted": "",
            "body-0-order": "0",
            "body-0-value-heading": "Tampered",
            "body-0-value-body": '{"blocks": [], "entityMap": {}}',
            "summary": "Tampered summary",
        }
    )
    response = seo_client.post(url, data)
    assert response.status_code == 302
    assert any("Not published" in message and "body" in message for message in _messages(response))
    stored = TreatmentPage.objects.get(pk=page.pk)
    assert clinical_digest(stored) == before and stored.summary == page.summary
    assert stored.search_description == page.search_description  # nothing of it published
    assert stored.revisions.count() == revisions  # nor saved as a draft
    assert stored.review_is_current


def test_a_change_beyond_seo_fields_is_refused(seo_client, page):
    response = edit_page(
        seo_client, page, action=ACTION, slug="dry-needling-calgary", search_description=DESCRIPTION
    )
    assert response.status_code == 302
    assert any("Not published" in message and "lug" in message for message in _messages(response))
    stored = TreatmentPage.objects.get(pk=page.pk)
    assert (stored.slug, stored.search_description) == (page.slug, page.search_description)


def test_an_editors_draft_stays_unpublished_and_keeps_the_seo_change(
    seo_client, page, roles, django_user_model
):
    editor = django_user_model.objects.create_user("erin", "erin@example.com", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    editor_client = Client()
    editor_client.force_login(editor)
    response = edit_treatment(
        editor_client, page, action=None, summary="A new, unreviewed summary."
    )
    assert response.status_code == 302

    response = edit_page(seo_client, page, action=ACTION, search_description=DESCRIPTION)
    assert response.status_code == 302, response.content.decode()[:2000]
    live = TreatmentPage.objects.get(pk=page.pk)
    assert live.search_description == DESCRIPTION
    assert live.summary == page.summary and live.review_is_current  # the draft is not live
    draft = live.get_latest_revision_as_object()
    assert draft.summary == "A new, unreviewed summary."
    assert draft.search_description == DESCRIPTION  # the draft carries the SEO change
    assert live.has_unpublished_changes

    # Once the editor submits it, Wagtail locks the page in review for all but reviewers.
    response = edit_treatment(editor_client, page, summary="A new, unreviewed summary.")
    assert WorkflowState.objects.for_instance(page).get().status == "in_progress"
    response = seo_client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {ACTION: "publish-seo", "search_description": "Another description"},
    )
    assert any("locked" in message for message in _messages(response))
    assert TreatmentPage.objects.get(pk=page.pk).search_description == DESCRIPTION


def test_the_action_is_offered_to_seo_staff_only(seo_client, page, roles, django_user_model):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert f'name="{ACTION}"' in seo_client.get(url).content.decode()

    editor = django_user_model.objects.create_user("erin", "erin@example.com", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    editor_client = Client()
    editor_client.force_login(editor)
    assert f'name="{ACTION}"' not in editor_client.get(url).content.decode()
    response = edit_page(editor_client, page, action=ACTION, search_description=DESCRIPTION)
    assert_denied(response)
    assert TreatmentPage.objects.get(pk=page.pk).search_description == page.search_description


def test_an_seo_change_already_saved_as_a_draft_is_published(seo_client, page):
    """As autosave (or "Save draft") leaves it: the draft holds the change, the live page not."""
    edit_page(seo_client, page, action=None, search_description=DESCRIPTION)
    assert TreatmentPage.objects.get(pk=page.pk).search_description == page.search_description
    response = edit_page(seo_client, page, action=ACTION)
    assert any("published" in message for message in _messages(response))
    live = TreatmentPage.objects.get(pk=page.pk)
    assert live.search_description == DESCRIPTION and live.review_is_current
    assert not live.has_unpublished_changes  # the draft held nothing else
