"""A publish purges, at the CDN, every URL that showed the page on every affected site."""

import pytest
from django.test import override_settings

from .receivers import Recorder

DRY = "/treatments/dry-needling/"


@pytest.fixture
def cdn():
    with Recorder() as recorder:
        backend = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": recorder.url,
        }
        with override_settings(WAGTAILFRONTENDCACHE={"local": backend}):
            yield recorder


def test_publish_purges_html_of_every_clinic_carrying_the_page(client, library, cdn):
    for host in ("localhost", "northeast.localhost", "downtown.localhost"):
        client.get(DRY, HTTP_HOST=host)
    client.get("/treatments/massage-therapy/", HTTP_HOST="northeast.localhost")
    client.get("/treatments/", HTTP_HOST="northeast.localhost")

    original = library["dry-needling"]
    original.summary = "New summary"
    original.save_revision().publish()

    purged = cdn.purged()
    for host in ("localhost", "northeast.localhost", "downtown.localhost"):
        assert f"{host}{DRY}" in purged, purged
    assert "northeast.localhost/treatments/" in purged  # the clinic's list shows its summary
    assert "northeast.localhost/treatments/massage-therapy/" not in purged


def test_clinic_facts_purge_that_clinics_pages_only(client, library, clinics, cdn):
    client.get(DRY, HTTP_HOST="northeast.localhost")
    client.get(DRY, HTTP_HOST="downtown.localhost")
    clinic = clinics["downtown"]
    clinic.phone = "+14035550100"
    clinic.save_revision().publish()
    purged = cdn.purged()
    assert f"downtown.localhost{DRY}" in purged
    assert f"northeast.localhost{DRY}" not in purged


def test_publish_purges_the_api_urls_that_showed_the_page(client, library, clinics, cdn):
    from treatments.models import TreatmentPage

    alias = TreatmentPage.objects.descendant_of(clinics["northeast"]).get(slug="dry-needling")
    urls = [
        "/api/v2/pages/?type=treatments.TreatmentPage&fields=*",
        f"/api/v2/pages/{alias.pk}/",
        "/api/v2/pages/?site=northeast.localhost",
    ]
    for url in urls:
        assert client.get(url, HTTP_HOST="northeast.localhost").status_code == 200
    massage = TreatmentPage.objects.descendant_of(clinics["northeast"]).get(slug="massage-therapy")
    client.get(f"/api/v2/pages/{massage.pk}/", HTTP_HOST="northeast.localhost")

    library["dry-needling"].save_revision().publish()

    purged = cdn.purged()
    for url in urls:
        assert f"northeast.localhost{url}" in purged, (url, purged)
    assert f"northeast.localhost/api/v2/pages/{massage.pk}/" not in purged


def test_a_flood_of_ignored_parameters_cannot_push_the_canonical_url_out(client, library, cdn):
    from cms.delivery.models import PurgeURL

    for n in range(300):
        response = client.get(f"/treatments/?utm={n}", HTTP_HOST="northeast.localhost")
        assert response.status_code == 200
        assert "s-maxage=0" in response["Cache-Control"]  # the CDN must not keep it apart
    assert response["X-Cache"] == "HIT"  # one entry for the surface, whatever the parameter
    canonical = client.get("/treatments/", HTTP_HOST="northeast.localhost")
    assert canonical["X-Cache"] == "HIT"
    assert "s-maxage=600" in canonical["Cache-Control"]
    assert not PurgeURL.objects.filter(url__contains="utm").exists()

    library["dry-needling"].save_revision().publish()

    purged = cdn.purged()
    assert "northeast.localhost/treatments/" in purged
    assert not any("utm" in url for url in purged)
    assert len(cdn.requests) < 20, sorted(purged)


def test_purges_per_publish_are_bounded_by_what_changed_not_traffic(client, library, cdn):
    from cms.delivery.purge import MAX_VARIANTS_PER_KEY

    urls = [f"/api/v2/pages/?type=treatments.TreatmentPage&offset={n}" for n in range(80)]
    kept = [client.get(url, HTTP_HOST="localhost") for url in urls]
    assert all(response.status_code == 200 for response in kept)
    assert "s-maxage=600" in kept[0]["Cache-Control"]
    assert "s-maxage=0" in kept[-1]["Cache-Control"]  # past the bound: not for the CDN
    searched = client.get("/api/v2/pages/?search=knee", HTTP_HOST="localhost")
    assert "s-maxage=0" in searched["Cache-Control"]  # free text is never indexed
    client.get("/api/v2/pages/", HTTP_HOST="localhost")

    library["dry-needling"].save_revision().publish()

    purged = cdn.purged()
    assert "localhost/api/v2/pages/" in purged  # the canonical listing, always
    variants = [url for url in purged if "offset=" in url]
    assert len(variants) == MAX_VARIANTS_PER_KEY
    assert not any("search=" in url for url in purged)
    # Indexed anew after the purge: the next publish purges the listing again.
    again = client.get(urls[-1], HTTP_HOST="localhost")
    assert again["X-Cache"] == "MISS" and "s-maxage=600" in again["Cache-Control"]
