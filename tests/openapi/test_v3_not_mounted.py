"""Why /api/v3/ is not mounted: Wagtail 8's v3 preview cannot keep API v2's rules (docs/openapi.md).

These tests run Wagtail's own v3 API (wagtail.api.v3.urls.api, one global
NinjaAPI) in a test URLconf and pin where it differs. When a Wagtail upgrade
makes one of them fail, revisit the decision.
"""

import datetime

import pytest
from django.utils import timezone

from tests.api.conftest import add_page


def test_the_project_does_not_mount_v3(client, clinics):
    assert client.get("/api/v3/pages/", HTTP_HOST="northeast.localhost").status_code == 404


@pytest.mark.urls("tests.openapi.v3_urls")
def test_v3_serves_an_expired_page_that_v2_hides(client, clinics):
    page = add_page(clinics["northeast"], "Ends soon", slug="ends-soon")
    page.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    page.save()  # live until publish_scheduled runs; v2's public_pages() already hides it
    response = client.get("/api/v3/pages/", {"limit": 50}, HTTP_HOST="northeast.localhost")
    assert response.status_code == 200
    assert page.pk in [item["id"] for item in response.json()["items"]]


@pytest.mark.urls("tests.openapi.v3_urls")
def test_v3_answers_an_unknown_site_with_a_404_not_v2s_400(client, clinics):
    response = client.get("/api/v3/pages/", {"site": "nowhere.localhost"})
    assert response.status_code == 404


@pytest.mark.urls("tests.openapi.v3_urls")
def test_v3_schema_types_a_streamfield_as_a_list_of_anything(client, clinics):
    document = client.get("/api/v3/openapi.json").json()
    schemas = document["components"]["schemas"]
    body = schemas["TreatmentPageSchema"]["properties"]["body"]
    assert body["type"] == "array"
    assert body["items"] == {}  # no block schemas: the typed body has to come from us
