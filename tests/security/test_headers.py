"""Security headers on public pages, the API and the admin; the admin's CSP keeps it working."""

import pytest

pytestmark = pytest.mark.django_db

STRICT_DIRECTIVES = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "frame-ancestors": "'self'",
    "form-action": "'self'",
}


def csp_directives(response):
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, _, value = part.strip().partition(" ")
        directives[name] = value
    return directives


def assert_common_headers(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in permissions


def test_public_page_has_a_strict_policy(client, library):
    response = client.get("/treatments/dry-needling/", HTTP_HOST="localhost")
    assert response.status_code == 200
    directives = csp_directives(response)
    for name, value in STRICT_DIRECTIVES.items():
        assert directives[name] == value, name
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]
    assert_common_headers(response)


def test_public_page_needs_nothing_the_policy_forbids(client, library):
    """No inline script or style, no event handler attribute: the strict policy breaks nothing."""
    for host, path in [
        ("localhost", "/"),
        ("localhost", "/treatments/dry-needling/"),
        ("northeast.localhost", "/treatments/dry-needling/"),
        ("localhost", "/search/?q=needling"),
    ]:
        html = client.get(path, HTTP_HOST=host).content.decode()
        assert " style=" not in html, path
        assert "<style" not in html, path
        assert " onclick=" not in html and " onload=" not in html, path
        for script in html.split("<script")[1:]:
            opening = script.split(">", 1)[0]
            assert 'type="application/ld+json"' in opening or "src=" in opening, (path, opening)


def test_cached_response_keeps_the_headers(client, library):
    client.get("/treatments/dry-needling/", HTTP_HOST="localhost")
    hit = client.get("/treatments/dry-needling/", HTTP_HOST="localhost")
    assert hit["X-Cache"] == "HIT"
    assert csp_directives(hit)["script-src"] == "'self'"
    assert_common_headers(hit)


def test_api_responses_carry_the_headers(client, library):
    response = client.get("/api/v2/pages/", HTTP_HOST="localhost")
    assert response.status_code == 200
    assert csp_directives(response)["default-src"] == "'self'"
    assert_common_headers(response)


def test_admin_login_renders_under_its_own_policy(client, brand):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="username"' in html and 'name="password"' in html
    directives = csp_directives(response)
    assert "'unsafe-inline'" in directives["script-src"]
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'self'"
    assert_common_headers(response)


def test_signed_in_admin_dashboard_renders(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "'unsafe-inline'" in csp_directives(response)["style-src"]
