"""Webhook targets: no credentials in URLs, no internal addresses (after DNS, at save and send)."""

import ipaddress
import logging
import socket

import pytest
from django.urls import reverse

from cms.webhooks import targets
from cms.webhooks.models import WebhookDelivery, WebhookEndpoint

from .test_admin import endpoint_form

pytestmark = pytest.mark.django_db


def fake_dns(monkeypatch, answers):
    """Host names resolve to `answers[host]` (a list of addresses); literal addresses to themselves."""
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        try:
            ipaddress.ip_address(host.split("%")[0])
            return real(host, port, *args, **kwargs)
        except ValueError:
            pass
        if host not in answers:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        family = {True: socket.AF_INET6, False: socket.AF_INET}
        return [(family[":" in a], socket.SOCK_STREAM, 6, "", (a, port)) for a in answers[host]]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.fixture
def strict(settings):
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = False
    return settings


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/hook",
        "http://localhost/hook",
        "http://169.254.169.254/latest/meta-data/",  # cloud metadata
        "http://[::1]/hook",
        "http://[::ffff:127.0.0.1]/hook",
        "http://[fd00:ec2::254]/",  # AWS metadata over IPv6
        "http://10.1.2.3/hook",
        "http://192.168.0.10/hook",
        "http://100.64.0.1/hook",  # carrier-grade NAT
        "http://0.0.0.0/hook",
        "http://internal.example/hook",  # resolves to a private address
        "http://mixed.example/hook",  # one public and one private address
        "http://nowhere.example/hook",  # does not resolve: cannot be checked
    ],
)
def test_internal_targets_are_form_errors(strict, monkeypatch, admin_client, clinics, url):
    fake_dns(
        monkeypatch,
        {
            "localhost": ["127.0.0.1", "::1"],
            "internal.example": ["10.0.0.7"],
            "mixed.example": ["93.184.215.14", "172.16.5.5"],
        },
    )

    response = admin_client.post(
        reverse("webhook_endpoints:add"), endpoint_form(clinics["south"], url)
    )

    assert response.status_code == 200
    assert "cannot receive webhooks" in str(response.context["form"].errors["url"])
    assert not WebhookEndpoint.objects.exists()


def test_a_public_host_is_accepted(strict, monkeypatch, admin_client, clinics):
    fake_dns(monkeypatch, {"front.example.com": ["93.184.215.14", "2606:2800:21f:cb07::1"]})
    response = admin_client.post(
        reverse("webhook_endpoints:add"),
        endpoint_form(clinics["south"], "https://front.example.com/hooks"),
    )
    assert response.status_code == 302
    assert WebhookEndpoint.objects.get().url == "https://front.example.com/hooks"


@pytest.mark.parametrize(
    "url", ["https://user:pass@front.example.com/h", "https://token@front.example.com/h"]
)
def test_urls_with_credentials_are_form_errors_even_for_dev(admin_client, clinics, url):
    response = admin_client.post(
        reverse("webhook_endpoints:add"), endpoint_form(clinics["south"], url)
    )
    assert response.status_code == 200
    assert "user name or password" in str(response.context["form"].errors["url"])


def test_send_time_check_refuses_a_name_that_now_resolves_inside(
    strict, monkeypatch, library, clinics, receiver, publish
):
    """DNS rebinding: valid when saved, pointing at loopback when sent. Nothing is sent."""
    port = receiver.server.server_address[1]
    fake_dns(monkeypatch, {"hooks.example": ["93.184.215.14"]})
    endpoint = WebhookEndpoint(clinic=clinics["south"], url=f"http://hooks.example:{port}/south")
    endpoint.full_clean()
    endpoint.save()
    fake_dns(monkeypatch, {"hooks.example": ["127.0.0.1"]})

    publish(library["shockwave-therapy"])

    assert receiver.received == []
    [attempt] = WebhookDelivery.objects.all()
    assert not attempt.succeeded and attempt.status_code is None
    assert attempt.error.startswith("Refused:") and "127.0.0.1" in attempt.error
    assert attempt.next_retry_at is None  # a refusal is not retried


def test_send_time_check_refuses_credentials_stored_before_the_rule(
    library, clinics, receiver, publish, caplog
):
    url = receiver.url("/south").replace("http://", "http://ops:hunter2@")
    WebhookEndpoint.objects.bulk_create([WebhookEndpoint(clinic=clinics["south"], url=url)])

    with caplog.at_level(logging.INFO):
        publish(library["shockwave-therapy"])

    assert receiver.received == []
    [attempt] = WebhookDelivery.objects.all()
    assert "user name or password" in attempt.error
    assert "hunter2" not in attempt.error and "hunter2" not in caplog.text


def test_the_connection_goes_to_the_address_that_was_checked(
    monkeypatch, library, clinics, receiver, publish
):
    """The name is resolved once, by the check; the Host header still carries the name."""
    port = receiver.server.server_address[1]
    fake_dns(monkeypatch, {"hooks.example": ["127.0.0.1"]})
    endpoint = WebhookEndpoint.objects.create(
        clinic=clinics["south"], url=f"http://hooks.example:{port}/south"
    )
    receiver.secrets["/south"] = endpoint.secret

    publish(library["shockwave-therapy"])

    [request] = receiver.received
    assert request["verified"]
    assert request["headers"]["Host"] == f"hooks.example:{port}"


def test_failures_are_logged_without_path_query_or_secret(
    settings, library, clinics, receiver, publish, caplog
):
    settings.WEBHOOK_MAX_ATTEMPTS = 1
    endpoint = WebhookEndpoint.objects.create(
        clinic=clinics["south"], url=receiver.url("/south?token=PATHTOKEN")
    )
    receiver.fail_next(500)

    with caplog.at_level(logging.INFO):
        publish(library["shockwave-therapy"])

    assert "failed" in caplog.text
    assert "PATHTOKEN" not in caplog.text and endpoint.secret not in caplog.text
    assert str(endpoint) == receiver.url("/south?…")


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.215.14", True),
        ("2606:2800:21f:cb07::1", True),
        ("127.0.0.53", False),
        ("169.254.0.1", False),
        ("fe80::1%eth0", False),
        ("::ffff:10.0.0.1", False),
        ("224.0.0.251", False),
        ("198.18.0.1", False),  # benchmarking range
    ],
)
def test_public_address_rule(address, public):
    assert targets.is_public_address(address) is public
