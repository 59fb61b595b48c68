"""meta.jsonld in the page API is the very graph the page's HTML embeds, on every site."""

import json

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from cms.visibility import public_pages
from treatments.models import TreatmentPage


@pytest.fixture(autouse=True)
def _uncached(settings):
    settings.RESPONSE_CACHE_ENABLED = False  # compare (and count) what the views build


def html_graph(client, path, host):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200, (host, path, response.status_code)
    scripts = BeautifulSoup(response.content.decode(), "html.parser").find_all(
        "script", type="application/ld+json"
    )
    assert len(scripts) <= 1, (host, path)
    return json.loads(scripts[0].string) if scripts else None


def api_graph(client, page, host, **params):
    response = client.get(f"/api/v2/pages/{page.pk}/", params, HTTP_HOST=host)
    assert response.status_code == 200, (host, page.url_path, response.content[:300])
    return response.json()["meta"]["jsonld"]


def site_pages(site):
    """(URL path on the site, page) for every page the site shows."""
    root = site.root_page.url_path
    return [("/" + page.url_path.removeprefix(root), page) for page in public_pages(site)]


def test_every_page_of_every_site_has_the_html_graph_in_the_api(client, library, clinics):
    seen = set()
    for site in Site.objects.select_related("root_page"):
        for path, page in site_pages(site):
            label = page.specific_class._meta.label
            in_html = html_graph(client, path, site.hostname)
            assert api_graph(client, page, site.hostname) == in_html, (site.hostname, path)
            seen.add((site.root_page.specific_class._meta.label, label, in_html is not None))
    brand, clinic = "home.HomePage", "home.ClinicPage"
    assert {
        (brand, "home.HomePage", True),
        (brand, "treatments.TreatmentIndexPage", False),  # no structured data of its own
        (brand, "treatments.TreatmentPage", True),  # the library page
        (clinic, "home.ClinicPage", True),
        (clinic, "treatments.TreatmentIndexPage", False),
        (clinic, "treatments.TreatmentPage", True),  # the clinic's copy (an alias)
    } == seen


def test_the_graph_is_for_the_site_asked_for_by_parameter_too(client, library, clinics):
    page = TreatmentPage.objects.descendant_of(clinics["downtown"]).get(slug="dry-needling")
    in_html = html_graph(client, "/treatments/dry-needling/", "downtown.localhost")
    assert page.alias_of_id == library["dry-needling"].pk
    assert api_graph(client, page, "localhost", site="downtown.localhost") == in_html
    (webpage,) = [node for node in in_html["@graph"] if node["@type"] == "MedicalWebPage"]
    assert webpage["publisher"]["name"] == clinics["downtown"].title
    assert webpage["url"] == "http://downtown.localhost/treatments/dry-needling/"


def test_brand_library_page_lists_the_offering_clinics(client, library, clinics):
    graph = api_graph(client, library["dry-needling"], "localhost")
    offering = [node for node in graph["@graph"] if node["@type"] == "MedicalClinic"]
    offered_at = {
        clinic.title
        for clinic in clinics.values()
        if TreatmentPage.objects.descendant_of(clinic).filter(slug="dry-needling").exists()
    }
    assert {node["name"] for node in offering} == offered_at and len(offered_at) >= 2


def test_jsonld_is_a_detail_field(client, library, clinics):
    listing = client.get("/api/v2/pages/", {"fields": "*"}, HTTP_HOST="northeast.localhost")
    assert listing.status_code == 200
    assert all("jsonld" not in item["meta"] for item in listing.json()["items"])
    refused = client.get("/api/v2/pages/", {"fields": "jsonld"}, HTTP_HOST="northeast.localhost")
    assert refused.status_code == 400
    assert "jsonld" in refused.json()["message"]
    page = TreatmentPage.objects.descendant_of(clinics["northeast"]).get(slug="dry-needling")
    without = client.get(
        f"/api/v2/pages/{page.pk}/", {"fields": "*,-jsonld"}, HTTP_HOST="northeast.localhost"
    )
    assert "jsonld" not in without.json()["meta"]


def detail_queries(client, page, host, fields):
    path = f"/api/v2/pages/{page.pk}/"
    client.get(path, {"fields": fields}, HTTP_HOST=host)  # warm: renditions, root paths
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path, {"fields": fields}, HTTP_HOST=host).status_code == 200
    return len(captured)


def test_the_graph_costs_a_few_queries_whatever_the_page_holds(client, library, clinics):
    """Two queries whatever the page holds (the breadcrumb's parents in one), not one per level."""
    costs = {}
    for slug in ("dry-needling", "massage-therapy"):
        page = TreatmentPage.objects.descendant_of(clinics["northeast"]).get(slug=slug)
        with_graph = detail_queries(client, page, "northeast.localhost", "*")
        without = detail_queries(client, page, "northeast.localhost", "*,-jsonld")
        costs[slug] = with_graph - without
    assert costs["dry-needling"] == costs["massage-therapy"] <= 2, costs
