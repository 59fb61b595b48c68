"""Admin sign-in is throttled per username and client address (django-axes, cms/ops/client_ip.py)."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import override_settings

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
LIMIT = settings.AXES_FAILURE_LIMIT


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.com", "right-pw")


def attempt(client, password, username="editor", **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def signed_in(response):
    return response.status_code == 302 and response["Location"].startswith("/admin/")


def test_limit_is_a_few_attempts():
    assert 3 <= LIMIT <= 10


def test_the_nth_failure_is_refused_and_then_even_the_right_password(client, editor):
    for _ in range(LIMIT - 1):
        response = attempt(client, "wrong")
        assert response.status_code == 200  # the form again, with its error
        assert "and password didn&#x27;t match" in response.content.decode()
    refused = attempt(client, "wrong")
    assert refused.status_code == 429
    assert "Too many failed sign-in attempts" in refused.content.decode()
    assert attempt(client, "right-pw").status_code == 429
    assert "_auth_user_id" not in client.session


def test_right_password_before_the_limit_signs_in_and_resets_the_count(client, editor):
    for _ in range(LIMIT - 1):
        attempt(client, "wrong")
    assert signed_in(attempt(client, "right-pw"))
    client.logout()
    for _ in range(LIMIT - 1):
        assert attempt(client, "wrong").status_code == 200  # counted afresh
    assert signed_in(attempt(client, "right-pw"))


def test_lockout_is_per_username_and_address(client, editor, django_user_model):
    django_user_model.objects.create_superuser("other", "other@example.com", "other-pw")
    for _ in range(LIMIT):
        attempt(client, "wrong")
    assert attempt(client, "right-pw").status_code == 429
    # Another user at the same address, and the same user from elsewhere, still sign in.
    assert signed_in(attempt(client, "other-pw", username="other"))
    client.logout()
    assert signed_in(attempt(client, "right-pw", REMOTE_ADDR="198.51.100.7"))


def test_lockout_ends_after_the_cool_off(client, editor):
    for _ in range(LIMIT):
        attempt(client, "wrong")
    assert attempt(client, "right-pw").status_code == 429
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time
        - settings.AXES_COOLOFF_TIME
        - timedelta(seconds=1)
    )
    assert signed_in(attempt(client, "right-pw"))


def test_forged_forwarded_for_does_not_escape_the_lockout(client, editor):
    """Without a trusted proxy the header is the client's own and ignored."""
    for number in range(LIMIT):
        attempt(client, "wrong", HTTP_X_FORWARDED_FOR=f"203.0.113.{number}")
    assert attempt(client, "right-pw", HTTP_X_FORWARDED_FOR="203.0.113.99").status_code == 429


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_the_address_it_saw_counts(client, editor):
    # The proxy appends the real address; anything left of it is the client's forgery.
    for number in range(LIMIT):
        attempt(client, "wrong", HTTP_X_FORWARDED_FOR=f"10.9.9.{number}, 203.0.113.5")
    locked = attempt(client, "right-pw", HTTP_X_FORWARDED_FOR="10.9.9.99, 203.0.113.5")
    assert locked.status_code == 429
    # A different client behind the same proxy is not locked out.
    assert signed_in(attempt(client, "right-pw", HTTP_X_FORWARDED_FOR="192.0.2.44"))


@override_settings(TRUSTED_PROXY_COUNT=1, TRUSTED_PROXY_ADDRESSES=["10.0.0.0/8"])
def test_a_client_reaching_the_app_directly_cannot_forge_its_address(client, editor):
    """Past the load balancer, X-Forwarded-For is the client's own: REMOTE_ADDR counts."""
    for number in range(LIMIT):
        attempt(
            client, "wrong", REMOTE_ADDR="198.51.100.20", HTTP_X_FORWARDED_FOR=f"192.0.2.{number}"
        )
    direct = {"REMOTE_ADDR": "198.51.100.20", "HTTP_X_FORWARDED_FOR": "192.0.2.200"}
    assert attempt(client, "right-pw", **direct).status_code == 429
    # Through the load balancer, the address it saw is the client's.
    via_lb = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "192.0.2.200"}
    assert signed_in(attempt(client, "right-pw", **via_lb))
