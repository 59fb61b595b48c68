"""Nothing private reaches the API: through any endpoint, filter or field."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from .conftest import add_page, ids, path_of

RESTRICTIONS = [
    {"restriction_type": PageViewRestriction.PASSWORD, "password": "secret"},
    {"restriction_type": PageViewRestriction.LOGIN},
    {"restriction_type": PageViewRestriction.GROUPS},
]


@pytest.fixture
def tree(clinics):
    """northeast: public/, public/child/, hidden/ (private in each test), hidden/child/."""
    root = clinics["northeast"]
    public = add_page(root, "Public")
    hidden = add_page(root, "Hidden")
    return {
        "public": public,
        "public_child": add_page(public, "Public child", slug="public-child"),
        "hidden": hidden,
        "hidden_child": add_page(hidden, "Hidden child", slug="hidden-child"),
    }


def restrict(page, **restriction):
    created = PageViewRestriction.objects.create(page=page, **restriction)
    if restriction["restriction_type"] == PageViewRestriction.GROUPS:
        created.groups.set([Group.objects.get_or_create(name="Staff")[0]])
    return created


def make_private(how, page):
    """Put `page` in one of the states the API must never show."""
    if how == "unpublished":
        page.unpublish()
    elif how == "expired":
        page.expire_at = timezone.now() - datetime.timedelta(minutes=1)
        page.save()  # still live=True until publish_scheduled runs
    else:
        restrict(page, **RESTRICTIONS[["password", "login", "groups"].index(how)])


def assert_hidden(api, page, *, tree_root=None):
    """Every read path of pages/ misses `page`."""
    pk = page.pk
    assert pk not in ids(api.json("pages/", limit=50))
    assert pk not in ids(api.json("pages/", type="wagtailcore.Page", limit=50))
    assert pk not in ids(api.json("pages/", search=page.title, limit=50))
    assert pk not in ids(api.json("pages/", descendant_of="root", limit=50))
    assert pk not in ids(api.json("pages/", fields="*", limit=50))
    assert api.json(f"pages/{pk}/", status=404)["message"]
    url = page.url_path.removeprefix(page.get_site().root_page.url_path)
    assert api.get("pages/find/", html_path=f"/{url}").status_code == 404
    assert api.get("pages/", child_of=pk).status_code == 400
    assert api.get("pages/", descendant_of=pk).status_code == 400


STATES = ["unpublished", "expired", "password", "login", "groups"]


@pytest.mark.parametrize("how", STATES)
def test_private_page_is_hidden_everywhere(northeast_api, tree, how):
    make_private(how, tree["hidden"])
    assert_hidden(northeast_api, tree["hidden"])
    assert tree["public"].pk in ids(northeast_api.json("pages/"))
    assert tree["public"].pk in ids(northeast_api.json("pages/", search="Public"))


@pytest.mark.parametrize("how", ["password", "login", "groups"])
def test_descendants_of_a_restricted_page_are_hidden(northeast_api, tree, how):
    make_private(how, tree["hidden"])
    assert_hidden(northeast_api, tree["hidden_child"])
    assert tree["public_child"].pk in ids(northeast_api.json("pages/"))


@pytest.mark.parametrize("how", ["password", "login", "groups"])
def test_restrictions_hold_for_logged_in_users_too(admin_client, northeast_api, tree, how):
    """The API is anonymous and cacheable: a session never unlocks private pages."""
    make_private(how, tree["hidden"])
    northeast_api.client = admin_client
    assert_hidden(northeast_api, tree["hidden"])


def test_unpublished_parent_is_null_in_the_childs_parent_field(northeast_api, tree):
    """Wagtail still serves a live child of an unpublished page; its parent stays hidden."""
    tree["public"].unpublish()
    detail = northeast_api.json(f"pages/{tree['public_child'].pk}/")
    assert detail["meta"]["parent"] is None
    assert_hidden(northeast_api, tree["public"])


def test_published_page_with_a_newer_draft_shows_the_live_version(northeast_api, tree):
    page = tree["public"]
    page.title = "Draft title"
    page.slug = "draft-slug"
    page.save_revision()  # a draft, not published
    detail = northeast_api.json(f"pages/{page.pk}/")
    assert detail["title"] == "Public"
    assert detail["meta"]["slug"] == "public"
    listed = next(i for i in northeast_api.json("pages/")["items"] if i["id"] == page.pk)
    assert listed["title"] == "Public"
    assert northeast_api.get("pages/find/", html_path="/draft-slug/").status_code == 404
    assert northeast_api.json("pages/", search="Draft", limit=50)["items"] == []


def test_never_published_page_is_hidden(northeast_api, clinics):
    draft = add_page(clinics["northeast"], "Never published", slug="never", publish=False)
    assert_hidden(northeast_api, draft)


def test_another_sites_page_is_a_404_and_not_a_filter_target(northeast_api, downtown_api, clinics):
    theirs = add_page(clinics["downtown"], "Theirs")
    assert_hidden(northeast_api, theirs)
    assert theirs.pk in ids(downtown_api.json("pages/"))
    assert northeast_api.get("pages/", child_of=clinics["downtown"].pk).status_code == 400
    assert northeast_api.get("pages/", ancestor_of=theirs.pk).status_code == 400


def test_find_by_id_stays_within_the_site(northeast_api, clinics):
    theirs = add_page(clinics["downtown"], "Theirs")
    assert northeast_api.get("pages/find/", id=theirs.pk).status_code == 404


def test_site_parameter_scopes_like_the_host(brand_api, clinics):
    theirs = add_page(clinics["downtown"], "Theirs")
    assert brand_api.get(f"pages/{theirs.pk}/", site="northeast.localhost").status_code == 404
    assert brand_api.get(f"pages/{theirs.pk}/", site="downtown.localhost").status_code == 200


def test_alias_of_another_sites_page_is_null(northeast_api, library):
    data = northeast_api.json("pages/", type="treatments.TreatmentPage", fields="alias_of")
    assert data["items"], "the demo clinic carries treatments"
    assert all(item["meta"]["alias_of"] is None for item in data["items"])
    detail = northeast_api.json(path_of(data["items"][0]["meta"]["detail_url"]))
    assert detail["meta"]["alias_of"] is None


def test_alias_of_within_the_site_is_shown(northeast_api, tree):
    alias = tree["public"].create_alias(parent=tree["public_child"], update_slug="alias")
    detail = northeast_api.json(f"pages/{alias.pk}/", fields="alias_of")
    assert detail["meta"]["alias_of"]["id"] == tree["public"].pk


def test_clinic_endpoint_hides_unpublished_and_restricted_clinics(brand_api, clinics):
    clinics["south"].unpublish()
    restrict(clinics["downtown"], **RESTRICTIONS[0])
    assert ids(brand_api.json("clinic/")) == [clinics["northeast"].pk]
    assert brand_api.get(f"clinic/{clinics['south'].pk}/").status_code == 404


def test_clinic_endpoint_on_a_clinic_site_is_that_clinic_only(northeast_api, clinics):
    assert ids(northeast_api.json("clinic/")) == [clinics["northeast"].pk]
    assert northeast_api.get(f"clinic/{clinics['downtown'].pk}/").status_code == 404
    assert northeast_api.get("clinic/find/", slug="downtown").status_code == 404


def test_tags_count_only_what_the_site_shows(northeast_api, library):
    before = {
        item["slug"]: item["usage_count"] for item in northeast_api.json("tags/", limit=50)["items"]
    }
    assert before
    treatments = northeast_api.json("pages/", type="treatments.TreatmentPage", fields="tags")
    first = treatments["items"][0]
    restrict(Page.objects.get(pk=first["id"]), **RESTRICTIONS[1])
    after = {
        item["slug"]: item["usage_count"] for item in northeast_api.json("tags/", limit=50)["items"]
    }
    assert sum(after.values()) == sum(before.values()) - len(first["tags"])
