"""HTML responses are cached without queries and invalidated exactly by what changes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from treatments.models import TreatmentPage

DRY = "/treatments/dry-needling/"
MASSAGE = "/treatments/massage-therapy/"


def get(client, path, host, **extra):
    return client.get(path, HTTP_HOST=host, **extra)


def cached(client, path, host):
    """True when the response came from the cache with no database query."""
    with CaptureQueriesContext(connection) as queries:
        response = get(client, path, host)
    return response["X-Cache"] == "HIT" and len(queries) == 0


def test_repeat_request_is_served_from_cache_without_queries(client, library):
    first = get(client, DRF := DRY, "northeast.localhost")
    assert first["X-Cache"] == "MISS"
    with CaptureQueriesContext(connection) as queries:
        again = get(client, DRF, "northeast.localhost")
    assert len(queries) == 0
    assert again["X-Cache"] == "HIT"
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert "public" in again["Cache-Control"] and "s-maxage=" in again["Cache-Control"]
    assert again.has_header("Last-Modified")


def test_matching_if_none_match_gets_304(client, library):
    etag = get(client, DRY, "downtown.localhost")["ETag"]
    response = get(client, DRY, "downtown.localhost", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert get(client, DRY, "downtown.localhost", HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_publishing_the_original_refreshes_every_clinic_and_keeps_unrelated_pages(client, library):
    for host in ("localhost", "northeast.localhost", "downtown.localhost"):
        get(client, DRY, host)
    get(client, MASSAGE, "northeast.localhost")

    original = library["dry-needling"]
    original.summary = "Freshly published summary."
    original.save_revision().publish()

    for host in ("localhost", "northeast.localhost", "downtown.localhost"):
        response = get(client, DRY, host)
        assert response["X-Cache"] == "MISS", host
        assert "Freshly published summary." in response.content.decode()
    assert cached(client, MASSAGE, "northeast.localhost")


def test_saving_a_draft_keeps_the_cached_live_page(client, library):
    get(client, DRY, "northeast.localhost")
    original = library["dry-needling"]
    original.summary = "Only a draft."
    original.save_revision()
    assert cached(client, DRY, "northeast.localhost")


def test_clinic_facts_invalidate_only_that_clinics_pages(client, library, clinics):
    get(client, DRY, "northeast.localhost")
    get(client, DRY, "downtown.localhost")
    clinic = clinics["northeast"]
    clinic.booking_url = "https://book.example.com/new-northeast"
    clinic.save_revision().publish()

    assert (
        "https://book.example.com/new-northeast"
        in get(client, DRY, "northeast.localhost").content.decode()
    )
    assert cached(client, DRY, "downtown.localhost")


def test_brand_page_follows_the_clinics_offering_it(client, library, clinics):
    assert clinics["downtown"].booking_url in get(client, DRY, "localhost").content.decode()
    TreatmentPage.objects.descendant_of(clinics["downtown"]).get(slug="dry-needling").unpublish()
    assert clinics["downtown"].booking_url not in get(client, DRY, "localhost").content.decode()


def test_unpublished_page_is_gone_on_the_next_request(client, library):
    get(client, DRY, "northeast.localhost")
    library["dry-needling"].unpublish()  # Wagtail unpublishes the aliases with it
    assert get(client, DRY, "northeast.localhost").status_code == 404


def test_tag_rename_invalidates_pages_showing_it(client, library):
    get(client, DRY, "northeast.localhost")
    from treatments.tags import TreatmentTag

    tag = TreatmentTag.objects.get(name="tension headache")
    tag.name = "tension-type headache"
    tag.save()
    assert "tension-type headache" in get(client, DRY, "northeast.localhost").content.decode()


def test_editors_with_a_session_bypass_the_cache(admin_client, library):
    get(admin_client, DRY, "northeast.localhost")
    response = get(admin_client, DRY, "northeast.localhost")
    assert "X-Cache" not in response


def test_private_pages_are_never_cached(client, library):
    page = library["massage-therapy"]
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="secret")
    first = get(client, MASSAGE, "localhost")
    assert first.status_code == 200  # the password form
    assert get(client, MASSAGE, "localhost").get("X-Cache") != "HIT"


@pytest.mark.parametrize("host", ["localhost", "northeast.localhost"])
def test_restricting_a_cached_page_takes_effect_at_once(client, library, host):
    path = MASSAGE
    get(client, path, host)
    PageViewRestriction.objects.create(page=library["massage-therapy"], restriction_type="login")
    response = get(client, path, host)
    if host == "localhost":
        assert response.status_code == 302  # to the login page
    else:
        # the clinic's alias: Wagtail checks the original's restrictions too
        assert response.status_code == 302


def test_moving_images_in_bulk_invalidates_pages_showing_them(admin_client, library):
    """Wagtail's bulk "Add to collection" saves nothing (QuerySet.update): its hook bumps."""
    from django.test import Client
    from django.urls import reverse
    from wagtail.models import Collection

    public = Client()
    get(public, DRY, "northeast.localhost")
    get(public, MASSAGE, "northeast.localhost")
    assert cached(public, DRY, "northeast.localhost")
    hero = library["dry-needling"].hero_image
    photos = Collection.get_first_root_node().add_child(name="Clinic photos")
    get(public, DRY, "northeast.localhost")  # the collection's creation bumped nothing shown
    assert cached(public, DRY, "northeast.localhost")

    url = reverse("wagtail_bulk_action", args=("wagtailimages", "image", "add_to_collection"))
    response = admin_client.post(
        f"{url}?id={hero.pk}&next=/admin/images/", {"collection": photos.pk}
    )
    assert response.status_code == 302
    assert type(hero).objects.get(pk=hero.pk).collection_id == photos.pk
    assert not cached(public, DRY, "northeast.localhost")
    massage_hero = library["massage-therapy"].hero_image_id
    assert massage_hero != hero.pk
    assert cached(public, MASSAGE, "northeast.localhost")  # an image that did not move
