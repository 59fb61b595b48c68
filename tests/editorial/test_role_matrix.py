"""Every role's allows and denies, one row each, through Wagtail admin's real views.

Each row logs in as one role, makes the request a browser (or a crafted POST)
would make, and checks the outcome:

- ALLOWED: the admin accepts it and the change happened;
- DENIED: the admin refuses it (403, or its redirect to the dashboard) and
  nothing at all changed in the page tree, revisions, workflows, restrictions,
  redirects or sites;
- KEPT: the admin saves the form (as a draft, or publishing the rest), but
  what was asked (publishing, a clinic's slug or expiry, a workflow
  submission) did not happen.

Forms for crafted POSTs are read as a superuser sees them, so a role's denial
never depends on a hidden button. The roles are the demo's: Editors, Clinical
reviewers, the Northeast clinic's managers (acting on Northeast and on South)
and SEO staff; docs/editorial.md "Roles" is the same table in words.
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction, Revision, Site, WorkflowState

from cms.delivery.middleware import LOCAL
from home.models import ClinicPage
from treatments.models import TreatmentIndexPage, TreatmentPage
from treatments.offering_actions import withdraw

from ..admin_forms import form_data
from .helpers import assert_denied, streamfield_data

pytestmark = pytest.mark.django_db

ALLOWED, DENIED, KEPT = "allowed", "denied", "kept"


# --- the world each row acts on ------------------------------------------------------


@pytest.fixture
def world(editorial, library, clinics, django_user_model):
    """The demo tree, plus a Northeast local copy and a treatment Northeast does not offer."""
    from cms.seo.roles import ensure_seo_roles

    ensure_seo_roles()
    root = django_user_model.objects.create_superuser("root", "root@example.com", "pw")
    northeast, south = clinics["northeast"], clinics["south"]
    alias = library["shockwave-therapy"].aliases.get(path__startswith=northeast.path).specific
    ConvertAliasPageAction(alias, user=root).execute(skip_permission_checks=True)
    withdraw(library["vestibular-rehabilitation"], northeast, root)
    superuser = Client()
    superuser.force_login(root)
    return {
        "root": root,
        "superuser": superuser,
        "library": library,
        "library treatment": library["dry-needling"],
        "library index": library["dry-needling"].get_parent(),
        "Northeast": northeast,
        "South": south,
        "Northeast treatments": TreatmentIndexPage.objects.child_of(northeast).get(),
        "Downtown treatments": TreatmentIndexPage.objects.child_of(clinics["downtown"]).get(),
        "South treatments": TreatmentIndexPage.objects.child_of(south).get(),
        "Northeast alias": library["massage-therapy"].aliases.get(path__startswith=northeast.path),
        "South alias": library["massage-therapy"].aliases.get(path__startswith=south.path),
        "Northeast local copy": TreatmentPage.objects.get(pk=alias.pk),
    }


@pytest.fixture
def role_clients(world, editor, reviewer, managers, make_user):
    from cms.seo.roles import SEO_STAFF

    users = {
        "editor": editor,
        "reviewer": reviewer,
        "manager-northeast": managers["northeast"],
        "seo": make_user("sol", SEO_STAFF),
    }
    clients = {}
    for role, user in users.items():
        clients[role] = Client()
        clients[role].force_login(user)
    return clients


def snapshot():
    """Everything a denied request must leave exactly as it was."""
    pages = Page.objects.order_by("pk").values_list(
        "pk",
        "path",
        "slug",
        "title",
        "draft_title",
        "live",
        "has_unpublished_changes",
        "alias_of_id",
        "latest_revision_id",
        "locked",
        "expire_at",
    )
    return {
        "pages": list(pages),
        "clinics": list(ClinicPage.objects.order_by("pk").values_list("pk", "phone", "email")),
        "treatments": list(TreatmentPage.objects.order_by("pk").values_list("pk", "summary")),
        "revisions": Revision.objects.count(),
        "workflows": WorkflowState.objects.count(),
        "restrictions": PageViewRestriction.objects.count(),
        "redirects": Redirect.objects.count(),
        "sites": list(Site.objects.order_by("pk").values_list("hostname", "root_page_id")),
    }


def fresh(page):
    found = Page.objects.filter(pk=page.pk).first()
    return found.specific if found else None


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def superuser_form(world, page):
    """The page's edit form as a superuser's browser would post it."""
    html = world["superuser"].get(edit_url(page)).content.decode()
    data = form_data(html, "page-edit-form")
    if isinstance(page.specific, TreatmentPage):
        data.update(streamfield_data())  # rendered for JavaScript, so sent anew
    return data


def post_edit(client, world, page, action=None, **changes):
    data = superuser_form(world, page)
    for key, value in changes.items():
        data[key] = value
    if action:
        data[f"action-{action}"] = action
    return client.post(edit_url(page), data)


def bulk(action, page):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
    return f"{url}?{urlencode({'id': page.pk})}"


# --- the actions: (request, did it happen?) ---------------------------------------------

NEW_PHONE = "+14035550123"
NEW_SUMMARY = "Changed by the role matrix."


def changed_text(page):
    return (
        {"phone": NEW_PHONE} if isinstance(page.specific, ClinicPage) else {"summary": NEW_SUMMARY}
    )


def live_text_changed(page):
    page = fresh(page)
    if isinstance(page, ClinicPage):
        return str(page.phone) == NEW_PHONE
    return page.summary == NEW_SUMMARY


def open_editor(client, world, page):
    return client.get(edit_url(page))


def save_draft(client, world, page):
    return post_edit(client, world, page, **changed_text(page))


def publish(client, world, page):
    return post_edit(client, world, page, action="publish", **changed_text(page))


def submit(client, world, page):
    return post_edit(client, world, page, action="submit", **changed_text(page))


def unpublish(client, world, page):
    return client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))


def bulk_unpublish(client, world, page):
    return client.post(bulk("unpublish", page))


def bulk_publish(client, world, page):
    # A draft to publish: the superuser saves one first.
    post_edit(world["superuser"], world, page, **changed_text(page))
    return client.post(bulk("publish", page))


def delete(client, world, page):
    return client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))


def convert_alias(client, world, page):
    return client.post(reverse("wagtailadmin_pages:convert_alias", args=[page.pk]))


def copy(client, world, page):
    parent = page.get_parent()
    data = {
        "new_title": f"{page.title} (copy)",
        "new_slug": f"{page.slug}-copy",
        "new_parent_page": parent.pk,
        "copy_subpages": "",
        "publish_copies": "",
        "alias": "",
    }
    return client.post(reverse("wagtailadmin_pages:copy", args=[page.pk]), data)


def move(client, world, page):
    # Another clinic's treatments, which carry no page of that slug.
    northeast = page.path.startswith(world["Northeast"].path)
    destination = world["Downtown treatments" if northeast else "South treatments"]
    url = reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk])
    return client.post(url)


def add_child(client, world, page):
    return client.get(reverse("wagtailadmin_pages:add_subpage", args=[page.pk]))


def set_privacy(client, world, page):
    url = reverse("wagtailadmin_pages:set_privacy", args=[page.pk])
    return client.post(url, {"restriction_type": "login", "password": "", "groups": []})


def change_slug(client, world, page):
    return post_edit(client, world, page, action="publish", slug="taken-over")


def set_expiry(client, world, page):
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)
    return post_edit(client, world, page, action="publish", expire_at=f"{tomorrow:%Y-%m-%d %H:%M}")


def _offering(action, treatment):
    def request(client, world, clinic):
        original = world["library"][treatment]
        url = reverse(f"treatments_offering_{action}", args=[original.pk, clinic.pk])
        return client.post(url)

    request.treatment = treatment
    return request


offer = _offering("offer", "vestibular-rehabilitation")  # Northeast withdrew it; South offers it
offer_dry = _offering("offer", "dry-needling")  # South does not offer it
withdraw_massage = _offering("withdraw", "massage-therapy")


def carried(world, clinic, treatment):
    original = world["library"][treatment]
    return original.aliases.filter(path__startswith=clinic.path).exists()


def _editor_opened(response):
    return response.status_code == 200


def _add_form_opened(response):
    # With one allowed page type, Wagtail goes straight to its form.
    return response.status_code == 200 or (
        response.status_code == 302 and response.url.startswith("/admin/pages/add/")
    )


# action -> (request, happened(world, page, before) -> bool, or a response test for GETs)
ACTIONS = {
    "open editor": (open_editor, None, _editor_opened),
    "save draft": (
        save_draft,
        lambda w, p, before: Revision.objects.count() > before["revisions"],
        None,
    ),
    "publish": (publish, lambda w, p, before: live_text_changed(p), None),
    "submit for review": (
        submit,
        lambda w, p, before: WorkflowState.objects.filter(object_id=str(p.pk)).exists(),
        None,
    ),
    "unpublish": (unpublish, lambda w, p, before: not fresh(p).live, None),
    "bulk unpublish": (bulk_unpublish, lambda w, p, before: not fresh(p).live, None),
    "bulk publish": (bulk_publish, lambda w, p, before: live_text_changed(p), None),
    "delete": (delete, lambda w, p, before: not Page.objects.filter(pk=p.pk).exists(), None),
    "convert alias": (convert_alias, lambda w, p, before: fresh(p).alias_of_id is None, None),
    "copy": (
        copy,
        lambda w, p, before: Page.objects.filter(slug=f"{p.slug}-copy").exists(),
        None,
    ),
    "move": (move, lambda w, p, before: fresh(p).path != p.path, None),
    "add child": (add_child, None, _add_form_opened),
    "set privacy": (
        set_privacy,
        lambda w, p, before: PageViewRestriction.objects.filter(page=p).exists(),
        None,
    ),
    "change slug": (change_slug, lambda w, p, before: fresh(p).slug == "taken-over", None),
    "set expiry": (set_expiry, lambda w, p, before: fresh(p).expire_at is not None, None),
    "offer vestibular": (
        offer,
        lambda w, c, before: carried(w, c, "vestibular-rehabilitation"),
        None,
    ),
    "offer dry needling": (
        offer_dry,
        lambda w, c, before: carried(w, c, "dry-needling"),
        None,
    ),
    "withdraw massage": (
        withdraw_massage,
        lambda w, c, before: not carried(w, c, "massage-therapy"),
        None,
    ),
}

# (role, action, target, expected)
MATRIX = [
    # Editors: the library, and offering at every clinic.
    ("editor", "open editor", "library treatment", ALLOWED),
    ("editor", "save draft", "library treatment", ALLOWED),
    ("editor", "submit for review", "library treatment", ALLOWED),
    ("editor", "publish", "library treatment", KEPT),  # saved as a draft, not published
    ("editor", "unpublish", "library treatment", DENIED),
    ("editor", "delete", "library treatment", DENIED),
    ("editor", "move", "library treatment", DENIED),
    ("editor", "add child", "library index", ALLOWED),
    ("editor", "open editor", "Northeast", DENIED),
    ("editor", "publish", "Northeast", DENIED),
    ("editor", "unpublish", "Northeast", DENIED),
    ("editor", "open editor", "Northeast alias", DENIED),
    ("editor", "convert alias", "Northeast alias", DENIED),
    ("editor", "delete", "Northeast alias", DENIED),
    ("editor", "publish", "Northeast local copy", DENIED),
    ("editor", "offer dry needling", "South", ALLOWED),
    ("editor", "withdraw massage", "South", ALLOWED),
    ("editor", "offer vestibular", "Northeast", ALLOWED),
    # Clinical reviewers: the library and every clinic's copies; no clinic facts, no offering.
    ("reviewer", "open editor", "library treatment", ALLOWED),
    ("reviewer", "publish", "library treatment", ALLOWED),
    ("reviewer", "add child", "library index", DENIED),
    ("reviewer", "open editor", "Northeast", DENIED),
    ("reviewer", "publish", "Northeast", DENIED),
    ("reviewer", "open editor", "Northeast treatments", DENIED),
    ("reviewer", "unpublish", "Northeast treatments", DENIED),
    ("reviewer", "open editor", "Northeast alias", ALLOWED),
    ("reviewer", "convert alias", "Northeast alias", ALLOWED),
    ("reviewer", "convert alias", "South alias", ALLOWED),
    ("reviewer", "unpublish", "Northeast alias", DENIED),
    ("reviewer", "delete", "Northeast alias", DENIED),
    ("reviewer", "move", "Northeast local copy", DENIED),
    ("reviewer", "copy", "Northeast alias", DENIED),
    ("reviewer", "open editor", "Northeast local copy", ALLOWED),
    ("reviewer", "save draft", "Northeast local copy", ALLOWED),
    ("reviewer", "publish", "Northeast local copy", ALLOWED),
    ("reviewer", "unpublish", "Northeast local copy", DENIED),
    ("reviewer", "offer dry needling", "South", DENIED),
    ("reviewer", "withdraw massage", "Northeast", DENIED),
    # Northeast's managers: Northeast's facts and offerings; nothing else.
    ("manager-northeast", "open editor", "Northeast", ALLOWED),
    ("manager-northeast", "save draft", "Northeast", ALLOWED),
    ("manager-northeast", "publish", "Northeast", ALLOWED),
    ("manager-northeast", "submit for review", "Northeast", KEPT),
    ("manager-northeast", "change slug", "Northeast", KEPT),
    ("manager-northeast", "set expiry", "Northeast", KEPT),
    ("manager-northeast", "unpublish", "Northeast", DENIED),
    ("manager-northeast", "bulk unpublish", "Northeast", DENIED),
    ("manager-northeast", "delete", "Northeast", DENIED),
    ("manager-northeast", "copy", "Northeast", DENIED),
    ("manager-northeast", "set privacy", "Northeast", DENIED),
    ("manager-northeast", "add child", "Northeast", DENIED),
    ("manager-northeast", "open editor", "Northeast treatments", DENIED),
    ("manager-northeast", "unpublish", "Northeast treatments", DENIED),
    ("manager-northeast", "delete", "Northeast treatments", DENIED),
    ("manager-northeast", "set privacy", "Northeast treatments", DENIED),
    ("manager-northeast", "add child", "Northeast treatments", DENIED),
    ("manager-northeast", "open editor", "Northeast alias", DENIED),
    ("manager-northeast", "convert alias", "Northeast alias", DENIED),
    ("manager-northeast", "unpublish", "Northeast alias", DENIED),
    ("manager-northeast", "delete", "Northeast alias", DENIED),
    ("manager-northeast", "move", "Northeast local copy", DENIED),
    ("manager-northeast", "copy", "Northeast alias", DENIED),
    ("manager-northeast", "open editor", "Northeast local copy", DENIED),
    ("manager-northeast", "save draft", "Northeast local copy", DENIED),
    ("manager-northeast", "publish", "Northeast local copy", DENIED),
    ("manager-northeast", "bulk publish", "Northeast local copy", DENIED),
    ("manager-northeast", "unpublish", "Northeast local copy", DENIED),
    ("manager-northeast", "offer vestibular", "Northeast", ALLOWED),
    ("manager-northeast", "withdraw massage", "Northeast", ALLOWED),
    ("manager-northeast", "open editor", "South", DENIED),
    ("manager-northeast", "publish", "South", DENIED),
    ("manager-northeast", "unpublish", "South", DENIED),
    ("manager-northeast", "convert alias", "South alias", DENIED),
    ("manager-northeast", "offer dry needling", "South", DENIED),
    ("manager-northeast", "withdraw massage", "South", DENIED),
    ("manager-northeast", "open editor", "library treatment", DENIED),
    ("manager-northeast", "publish", "library treatment", DENIED),
    # SEO staff: SEO fields of the library, saved as drafts; nothing of the clinics.
    ("seo", "open editor", "library treatment", ALLOWED),
    ("seo", "save draft", "library treatment", ALLOWED),
    ("seo", "publish", "library treatment", KEPT),
    ("seo", "unpublish", "library treatment", DENIED),
    ("seo", "open editor", "Northeast", DENIED),
    ("seo", "open editor", "Northeast alias", DENIED),
    ("seo", "convert alias", "Northeast alias", DENIED),
    ("seo", "open editor", "Northeast local copy", DENIED),
    ("seo", "offer dry needling", "South", DENIED),
]


def _refused(response):
    """The admin's refusals: a 403, its redirect to the dashboard, or (deleting a clinic's
    copy, treatments/offering_guard.py) its redirect to the page with the reason."""
    if response.status_code == 302 and "/edit/" in response.url:
        return
    assert_denied(response)


def check_row(world, client, action, target, expected):
    """Make one row's request and check its outcome; AssertionError says what went wrong."""
    request, happened, opened = ACTIONS[action]
    page = world[target]
    before = snapshot()

    response = request(client, world, page)

    assert response.status_code < 500, response.status_code
    if opened is not None:  # a GET: whether the admin opened the view
        if expected == ALLOWED:
            assert opened(response), (response.status_code, response.get("Location"))
        else:
            _refused(response)
        assert snapshot() == before, "a GET changed something"
        return
    if expected == ALLOWED:
        assert response.status_code in (200, 302), response.status_code
        assert happened(world, page, before), "allowed, but it did not happen"
    elif expected == DENIED:
        if request not in (bulk_unpublish, bulk_publish):  # bulk skips what it may not do
            _refused(response)
        assert not happened(world, page, before), "denied, but it happened"
        if request is not bulk_publish:  # (its superuser's draft is part of the setting)
            assert snapshot() == before, "denied, but something changed"
    else:  # KEPT: the form is saved, the protected value is not
        assert response.status_code == 302, response.status_code
        assert not happened(world, page, before), "saved with the protected value changed"


@pytest.mark.parametrize("role", sorted({row[0] for row in MATRIX}))
def test_role_matrix(world, role_clients, role):
    """Each row of the role's part of MATRIX, each in a savepoint rolled back after it,
    so every row starts from the same tree (building it per row would take minutes)."""
    failures = []
    for who, action, target, expected in MATRIX:
        if who != role:
            continue
        with transaction.atomic():
            try:
                check_row(world, role_clients[role], action, target, expected)
            except AssertionError as error:
                failures.append(f"{role}: {action} {target} should be {expected}: {error}")
            transaction.set_rollback(True)
        for cache in caches.all():  # what the row cached of the rolled-back tree
            cache.clear()
        LOCAL.clear()
    assert not failures, "\n".join(failures)


def test_every_role_and_action_is_in_the_matrix():
    roles = {row[0] for row in MATRIX}
    assert roles == {"editor", "reviewer", "manager-northeast", "seo"}
    assert {row[1] for row in MATRIX} == set(ACTIONS)


def test_a_managers_clinic_editor_shows_what_they_may_do_and_no_more(world, role_clients):
    """The buttons follow the same rules: Publish, no workflow to submit to, no Unpublish
    or Delete, the slug read-only (the expiry is the "set expiry" row's KEPT)."""
    northeast = world["Northeast"]
    html = role_clients["manager-northeast"].get(edit_url(northeast)).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one('[name="action-publish"]') is not None
    assert soup.select_one('[name="action-submit"]') is None
    assert "Moderators" not in html
    assert reverse("wagtailadmin_pages:unpublish", args=[northeast.pk]) not in html
    assert reverse("wagtailadmin_pages:delete", args=[northeast.pk]) not in html
    assert soup.select_one('input[name="slug"]').has_attr("disabled")

    superuser_html = world["superuser"].get(edit_url(northeast)).content.decode()
    superuser_soup = BeautifulSoup(superuser_html, "html.parser")
    assert not superuser_soup.select_one('input[name="slug"]').has_attr("disabled")
