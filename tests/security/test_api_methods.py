"""API v2 is read-only in public: every endpoint answers GET/HEAD/OPTIONS, and 405 JSON to writes."""

import pytest
from django.urls import URLResolver

from cms.api.router import api_router

pytestmark = pytest.mark.django_db

WRITE_METHODS = ("post", "put", "patch", "delete")


def _routes(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern)


def endpoint_urls(ids):
    """Every URL the v2 router serves, its <pk> filled with a real id of that endpoint."""
    urls = []
    for route in _routes(api_router.get_urlpatterns()):
        route = route.replace("^", "")
        endpoint = route.split("/", 1)[0]
        urls.append("/api/v2/" + route.replace("<str:pk>", str(ids.get(endpoint, 1))))
    return urls


@pytest.fixture
def urls(brand, clinics, library):
    ids = {"pages": library["dry-needling"].pk, "clinic": clinics["northeast"].pk}
    found = endpoint_urls(ids)
    # Every registered endpoint is covered, with its listing, find and detail views.
    assert {url.split("/")[3] for url in found} >= set(api_router._endpoints)
    assert len(found) >= 16
    return found


PREVIEW = "/api/v2/preview/"


@pytest.mark.parametrize("method", WRITE_METHODS)
@pytest.mark.parametrize("host", ["localhost", "northeast.localhost"])
def test_writes_are_405_json_everywhere(client, urls, method, host):
    for url in urls:
        response = getattr(client, method)(
            url, data="{}", content_type="application/json", HTTP_HOST=host
        )
        assert response.status_code == 405, (method, url, response.status_code)
        assert response["Content-Type"].startswith("application/json"), (method, url)
        assert "not allowed" in response.json()["detail"], (method, url)
        allowed = {m.strip() for m in response["Allow"].split(",")}
        assert allowed <= {"GET", "HEAD", "OPTIONS"}, (url, allowed)


@pytest.mark.parametrize("method", WRITE_METHODS)
def test_preview_writes_are_refused_without_a_500(client, brand, method):
    response = getattr(client, method)(PREVIEW, HTTP_HOST="localhost")
    assert 400 <= response.status_code < 500
    assert response["Content-Type"].startswith("application/json")


def test_preview_write_is_405_before_the_token_is_checked(client, brand):
    response = client.post(f"{PREVIEW}?token=forged", HTTP_HOST="localhost")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"


def test_writes_are_405_for_a_signed_in_admin_too(admin_client, urls):
    for url in urls:
        for method in WRITE_METHODS:
            response = getattr(admin_client, method)(
                url, data="{}", content_type="application/json", HTTP_HOST="localhost"
            )
            assert response.status_code == 405, (method, url)


def test_reads_are_answered(client, urls):
    for url in urls:
        if url.endswith("/preview/"):
            continue  # needs a signed token; tests/delivery/test_preview.py covers it
        for method in ("get", "head", "options"):
            response = getattr(client, method)(url, HTTP_HOST="localhost")
            assert response.status_code < 500, (method, url, response.status_code)
            assert response.status_code != 405, (method, url)


def test_unknown_api_path_rejects_writes_without_a_500(client, brand):
    response = client.post("/api/v2/nothing-here/", HTTP_HOST="localhost")
    assert response.status_code in (404, 405)
    assert response["Content-Type"].startswith("application/json")
