"""CORS for API v2: the configured front-end origins may read it, anonymously, and the
response cache never hands one origin's Access-Control-Allow-Origin to another."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.settings.base import cors_origins

FRONT_END = "http://localhost:3000"
OTHER_FRONT_END = "https://northeast.bowview-physio.example"
STRANGER = "https://evil.example"
LISTING = "/api/v2/pages/?type=treatments.TreatmentPage"


@pytest.fixture(autouse=True)
def _origins(settings):
    settings.CORS_ALLOWED_ORIGINS, settings.CORS_ALLOWED_ORIGIN_REGEXES = cors_origins(
        [FRONT_END, "https://*.bowview-physio.example"]
    )


def get(client, path, origin=None, host="northeast.localhost", **headers):
    if origin:
        headers["HTTP_ORIGIN"] = origin
    return client.get(path, HTTP_HOST=host, **headers)


def vary(response):
    return {part.strip().lower() for part in response.get("Vary", "").split(",") if part}


def test_an_allowed_origin_may_read_the_api_anonymously(client, library):
    response = get(client, LISTING, FRONT_END)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == FRONT_END
    assert "origin" in vary(response)
    assert not response.has_header("Access-Control-Allow-Credentials")
    assert response["Access-Control-Expose-Headers"] == "ETag, X-Cache"


def test_a_wildcard_origin_admits_subdomains_only(client, library):
    assert get(client, LISTING, OTHER_FRONT_END)["Access-Control-Allow-Origin"] == OTHER_FRONT_END
    for stranger in (
        "https://bowview-physio.example.evil.example",
        "http://northeast.bowview-physio.example",  # another scheme
        "https://northeast.bowview-physio.example:8443",  # another port
        STRANGER,
    ):
        response = get(client, LISTING, stranger)
        assert response.status_code == 200
        assert not response.has_header("Access-Control-Allow-Origin"), stranger
        assert "origin" in vary(response)


def test_a_cached_hit_carries_the_cors_headers_of_the_origin_asking_now(client, library):
    first = get(client, LISTING, FRONT_END)
    assert first["X-Cache"] == "MISS"
    for origin, allowed in ((OTHER_FRONT_END, OTHER_FRONT_END), (STRANGER, None), (None, None)):
        with CaptureQueriesContext(connection) as queries:
            hit = get(client, LISTING, origin)
        assert (hit["X-Cache"], len(queries)) == ("HIT", 0)
        assert hit.get("Access-Control-Allow-Origin") == allowed, origin
        assert "origin" in vary(hit)
        assert hit.content == first.content


def test_a_conditional_request_from_a_front_end_gets_a_304_with_cors(client, library):
    etag = get(client, LISTING, FRONT_END)["ETag"]
    response = get(client, LISTING, OTHER_FRONT_END, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response["Access-Control-Allow-Origin"] == OTHER_FRONT_END


def test_preflight_allows_reads_and_conditional_headers_only(client, library):
    response = client.options(
        LISTING,
        HTTP_HOST="northeast.localhost",
        HTTP_ORIGIN=FRONT_END,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == FRONT_END
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "if-none-match" in response["Access-Control-Allow-Headers"]
    assert "authorization" not in response["Access-Control-Allow-Headers"]
    assert not response.has_header("Access-Control-Allow-Credentials")


def test_writes_stay_refused(client, library):
    response = client.post(LISTING, HTTP_HOST="northeast.localhost", HTTP_ORIGIN=FRONT_END)
    assert response.status_code == 405


def test_html_pages_carry_no_cors_headers(client, library):
    for path in ("/", "/treatments/dry-needling/"):
        response = get(client, path, FRONT_END)
        assert response.status_code == 200
        assert not response.has_header("Access-Control-Allow-Origin"), path
        assert "origin" not in vary(response), path


def test_no_origin_configured_means_no_cors(client, library, settings):
    settings.CORS_ALLOWED_ORIGINS, settings.CORS_ALLOWED_ORIGIN_REGEXES = [], []
    response = get(client, LISTING, FRONT_END)
    assert response.status_code == 200
    assert not response.has_header("Access-Control-Allow-Origin")


def test_frontend_origins_are_checked_when_settings_load():
    assert cors_origins(["http://localhost:3000/", "https://*.example.org"]) == (
        ["http://localhost:3000"],
        [r"^https://[a-z0-9-]+(\.[a-z0-9-]+)*\.example\.org$"],
    )
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured):
        cors_origins(["localhost:3000"])
