"""API responses: cached without queries, invalidated exactly, purged at the CDN."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from treatments.models import TreatmentPage

LISTING = "/api/v2/pages/?type=treatments.TreatmentPage&fields=*"


def api(client, path, host):
    return client.get(path, HTTP_HOST=host)


def detail_path(clinic, slug="dry-needling"):
    page = TreatmentPage.objects.descendant_of(clinic).get(slug=slug)
    return f"/api/v2/pages/{page.pk}/"


def test_repeat_api_requests_are_served_without_queries(client, library, clinics):
    for path in (LISTING, detail_path(clinics["northeast"]), "/api/v2/clinic/", "/api/v2/tags/"):
        first = api(client, path, "northeast.localhost")
        assert first.status_code == 200, path
        assert first["X-Cache"] == "MISS", path
        with CaptureQueriesContext(connection) as queries:
            again = api(client, path, "northeast.localhost")
        assert (again["X-Cache"], len(queries)) == ("HIT", 0), path
        assert again.json() == first.json()


def test_publish_refreshes_api_of_every_clinic_and_keeps_unrelated_details(
    client, library, clinics
):
    ne_detail, dt_detail = detail_path(clinics["northeast"]), detail_path(clinics["downtown"])
    massage = detail_path(clinics["northeast"], "massage-therapy")
    for path, host in (
        (LISTING, "northeast.localhost"),
        (ne_detail, "northeast.localhost"),
        (dt_detail, "downtown.localhost"),
        (massage, "northeast.localhost"),
        (LISTING, "south.localhost"),
    ):
        api(client, path, host)

    original = library["dry-needling"]
    original.summary = "Summary seen by every front end."
    original.save_revision().publish()

    assert (
        "Summary seen by every front end."
        in api(client, ne_detail, "northeast.localhost").content.decode()
    )
    assert (
        "Summary seen by every front end."
        in api(client, dt_detail, "downtown.localhost").content.decode()
    )
    assert (
        "Summary seen by every front end."
        in api(client, LISTING, "northeast.localhost").content.decode()
    )
    assert api(client, massage, "northeast.localhost")["X-Cache"] == "HIT"
    assert api(client, LISTING, "south.localhost")["X-Cache"] == "HIT"  # south does not carry it


def test_site_parameter_is_its_own_cache_entry(client, library):
    brand = api(client, LISTING + "&site=localhost", "localhost").json()
    clinic = api(client, LISTING + "&site=south.localhost", "localhost").json()
    assert brand["meta"]["total_count"] == 4
    assert clinic["meta"]["total_count"] == 3


def test_clinic_facts_change_reaches_the_clinic_endpoint(client, clinics, library):
    api(client, "/api/v2/clinic/", "south.localhost")
    clinic = clinics["south"]
    clinic.email = "front-desk@bowview-physio.example"
    clinic.save_revision().publish()
    assert (
        "front-desk@bowview-physio.example"
        in api(client, "/api/v2/clinic/", "south.localhost").content.decode()
    )


def test_unpublished_page_disappears_from_listing_and_detail(client, library, clinics):
    path = detail_path(clinics["northeast"])
    api(client, path, "northeast.localhost")
    api(client, LISTING, "northeast.localhost")
    library["dry-needling"].unpublish()
    assert api(client, path, "northeast.localhost").status_code == 404
    listing = api(client, LISTING, "northeast.localhost").json()
    assert "dry-needling" not in [item["meta"]["slug"] for item in listing["items"]]


def test_find_redirect_is_cached_and_follows_a_slug_change(client, library):
    path = "/api/v2/pages/find/?html_path=/treatments/dry-needling/"
    first = api(client, path, "localhost")
    assert first.status_code == 302
    with CaptureQueriesContext(connection) as queries:
        again = api(client, path, "localhost")
    assert (again.status_code, again["Location"], len(queries)) == (302, first["Location"], 0)

    original = library["dry-needling"]
    original.slug = "needling"
    original.save_revision().publish()
    assert api(client, path, "localhost").status_code == 404
    moved = api(client, "/api/v2/pages/find/?html_path=/treatments/needling/", "localhost")
    assert moved["Location"] == first["Location"]
