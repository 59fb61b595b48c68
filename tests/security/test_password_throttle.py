"""Page and collection view-restriction passwords are throttled as admin sign-in is."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core.files.base import ContentFile
from django.test import override_settings
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

pytestmark = pytest.mark.django_db

LIMIT = settings.AXES_FAILURE_LIMIT
HOST = "northeast.localhost"


@pytest.fixture
def restricted(clinics):
    page = clinics["northeast"]
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type="password", password="clinic-pw"
    )
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    return page, url


def attempt(client, url, password, **extra):
    return client.post(url, {"password": password, "return_url": "/"}, HTTP_HOST=HOST, **extra)


def test_the_nth_wrong_password_is_refused_and_then_even_the_right_one(client, restricted):
    page, url = restricted
    for _ in range(LIMIT - 1):
        response = attempt(client, url, "wrong")
        assert response.status_code == 200
        assert b'name="password"' in response.content  # Wagtail's form again, with its error
    refused = attempt(client, url, "wrong")
    assert refused.status_code == 429
    assert "Too many wrong passwords" in refused.content.decode()
    assert attempt(client, url, "clinic-pw").status_code == 429
    # Nothing was unlocked: the page still asks for its password.
    served = client.get("/", HTTP_HOST=HOST)
    assert served.status_code == 200 and b'name="password"' in served.content
    assert (
        AccessAttempt.objects.get().username
        == f"page-restriction:{page.view_restrictions.get().pk}"
    )


def test_the_right_password_before_the_limit_passes_and_resets(client, restricted):
    _page, url = restricted
    for _ in range(LIMIT - 1):
        attempt(client, url, "wrong")
    passed = attempt(client, url, "clinic-pw")
    assert passed.status_code == 302
    assert not AccessAttempt.objects.exists()
    served = client.get("/", HTTP_HOST=HOST)
    assert b'name="password"' not in served.content


def test_the_lockout_is_per_restriction_and_address(client, restricted, clinics):
    _page, url = restricted
    for _ in range(LIMIT):
        attempt(client, url, "wrong")
    assert attempt(client, url, "clinic-pw").status_code == 429
    assert attempt(client, url, "clinic-pw", REMOTE_ADDR="198.51.100.7").status_code == 302
    other = PageViewRestriction.objects.create(
        page=clinics["south"], restriction_type="password", password="south-pw"
    )
    other_url = reverse(
        "wagtailcore_authenticate_with_password", args=[other.pk, clinics["south"].pk]
    )
    assert attempt(client, other_url, "south-pw").status_code == 302


@override_settings(TRUSTED_PROXY_COUNT=1, TRUSTED_PROXY_ADDRESSES=["10.0.0.0/8"])
def test_forged_forwarded_for_does_not_escape_it(client, restricted):
    _page, url = restricted
    # Through the load balancer (10.0.0.2): its own entry counts, the client's forgeries do not.
    for number in range(LIMIT):
        attempt(
            client,
            url,
            "wrong",
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"1.2.3.{number}, 203.0.113.5",
        )
    via_lb = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "1.2.3.99, 203.0.113.5"}
    assert attempt(client, url, "clinic-pw", **via_lb).status_code == 429
    # Straight to the app, past the load balancer: keyed on the connecting address.
    for number in range(LIMIT):
        attempt(
            client,
            url,
            "wrong",
            REMOTE_ADDR="198.51.100.20",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number}",
        )
    direct = {"REMOTE_ADDR": "198.51.100.20", "HTTP_X_FORWARDED_FOR": "192.0.2.200"}
    assert attempt(client, url, "clinic-pw", **direct).status_code == 429


def test_collection_passwords_are_throttled_too(client, clinics):
    collection = Collection.get_first_root_node().add_child(name="Leaflets")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type="password", password="leaflet-pw"
    )
    document = get_document_model().objects.create(
        title="Leaflet", file=ContentFile(b"leaflet", name="leaflet.txt"), collection=collection
    )
    url = reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk])
    for _ in range(LIMIT):
        attempt(client, url, "wrong")
    assert attempt(client, url, "leaflet-pw").status_code == 429
    served = client.get(document.url, HTTP_HOST=HOST)
    assert served.status_code == 200 and b'name="password"' in served.content
