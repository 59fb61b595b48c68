"""The Webhooks admin: endpoints per clinic with a validated URL and a copyable secret; a read-only log."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import ModelLogEntry

from cms.webhooks.models import WebhookDelivery, WebhookEndpoint

pytestmark = pytest.mark.django_db


SECRET = "whsec_" + "c2VjcmV0" * 5  # base64 of 30 bytes


def endpoint_form(clinic, url, **extra):
    return {"clinic": clinic.pk, "url": url, "secret": SECRET, "active": "on", **extra}


def test_add_form_offers_a_generated_secret(admin_client, clinics):
    response = admin_client.get(reverse("webhook_endpoints:add"))
    assert response.status_code == 200
    secret = (
        response.context["form"].initial.get("secret") or response.context["form"]["secret"].value()
    )
    assert secret.startswith("whsec_") and len(secret) >= 40
    assert secret in response.content.decode()


def test_add_and_edit_an_endpoint(admin_client, clinics):
    response = admin_client.post(
        reverse("webhook_endpoints:add"),
        endpoint_form(
            clinics["downtown"], "https://front.example.com/hooks", description="Next.js"
        ),
    )
    assert response.status_code == 302
    endpoint = WebhookEndpoint.objects.get()
    assert (endpoint.clinic_id, endpoint.url, endpoint.active) == (
        clinics["downtown"].pk,
        "https://front.example.com/hooks",
        True,
    )

    edit_url = reverse("webhook_endpoints:edit", args=[endpoint.pk])
    page = admin_client.get(edit_url)
    assert page.status_code == 200
    assert endpoint.secret in page.content.decode()  # shown so the front end can copy it

    response = admin_client.post(
        edit_url, endpoint_form(clinics["downtown"], "http://127.0.0.1:9/hook", active="")
    )
    assert response.status_code == 302
    endpoint.refresh_from_db()
    assert (endpoint.url, endpoint.active) == ("http://127.0.0.1:9/hook", False)


@pytest.mark.parametrize(
    "url", ["ftp://files.example.com/hook", "garbage", "javascript:alert(1)", "http://", ""]
)
def test_bad_urls_are_form_errors(admin_client, clinics, url):
    response = admin_client.post(
        reverse("webhook_endpoints:add"), endpoint_form(clinics["south"], url)
    )
    assert response.status_code == 200
    assert "url" in response.context["form"].errors
    assert not WebhookEndpoint.objects.exists()


@pytest.mark.parametrize(
    "secret",
    [
        "whsec_c2hvcnQ=",  # 5 bytes
        "s" * 40,  # no whsec_ prefix
        "whsec_" + "not base64!" * 4,
        "whsec_" + "QUFB" * 30,  # 90 bytes, more than the convention's 64
    ],
)
def test_a_secret_not_in_the_standard_form_is_a_form_error(admin_client, clinics, secret):
    response = admin_client.post(
        reverse("webhook_endpoints:add"),
        endpoint_form(clinics["south"], "https://example.com/h", secret=secret),
    )
    assert response.status_code == 200
    assert "whsec_" in str(response.context["form"].errors["secret"])
    assert not WebhookEndpoint.objects.exists()


def test_secret_stays_out_of_logs_and_page_revisions(admin_client, clinics):
    admin_client.post(
        reverse("webhook_endpoints:add"),
        endpoint_form(
            clinics["south"], "https://example.com/h", secret=SECRET + "U0VDUkVUTUFSSw=="
        ),
    )
    clinics["south"].save_revision().publish()
    assert ModelLogEntry.objects.filter(content_type__app_label="webhooks").exists()
    for entry in ModelLogEntry.objects.all():
        assert "U0VDUkVUTUFSSw" not in f"{entry.label} {entry.data}"
    assert "U0VDUkVUTUFSSw" not in str(clinics["south"].latest_revision.content)


def test_endpoint_listing_filters_by_clinic_in_constant_queries(
    admin_client, clinics, django_assert_max_num_queries
):
    url = reverse("webhook_endpoints:index")
    WebhookEndpoint.objects.create(clinic=clinics["south"], url="https://s.example.com/1")
    admin_client.get(url)  # warm caches (site root paths, content types)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        assert admin_client.get(url).status_code == 200
    for n in range(6):
        WebhookEndpoint.objects.create(
            clinic=clinics["northeast"], url=f"https://n.example.com/{n}"
        )
    with django_assert_max_num_queries(len(one)):
        response = admin_client.get(url)
    assert response.content.decode().count("https://n.example.com/") >= 6

    filtered = admin_client.get(url, {"clinic": clinics["south"].pk})
    assert filtered.status_code == 200
    assert "https://s.example.com/1" in filtered.content.decode()
    assert "https://n.example.com/" not in filtered.content.decode()


def test_delete_an_endpoint(admin_client, clinics):
    endpoint = WebhookEndpoint.objects.create(clinic=clinics["south"], url="https://e.example.com")
    url = reverse("webhook_endpoints:delete", args=[endpoint.pk])
    assert admin_client.get(url).status_code == 200
    assert admin_client.post(url).status_code == 302
    assert not WebhookEndpoint.objects.exists()


@pytest.fixture
def delivered(endpoints, library, receiver, publish, settings):
    """Two clinics notified of dry needling; downtown's first attempt failed."""
    settings.WEBHOOK_MAX_ATTEMPTS = 2
    receiver.fail_next(500)  # the first POST (whichever clinic) fails, then succeeds on retry
    publish(library["dry-needling"])
    return WebhookDelivery.objects.all()


def test_delivery_log_lists_attempts_and_filters(admin_client, delivered, endpoints):
    assert delivered.count() == 3 and delivered.filter(succeeded=False).count() == 1
    url = reverse("webhook_deliveries:index")
    response = admin_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("page.published") >= 3

    failed = admin_client.get(url, {"succeeded": "false"})
    assert failed.status_code == 200
    assert list(failed.context["object_list"]) == list(delivered.filter(succeeded=False))
    by_endpoint = admin_client.get(url, {"endpoint": endpoints["northeast"].pk})
    assert {d.endpoint_id for d in by_endpoint.context["object_list"]} == {
        endpoints["northeast"].pk
    }
    by_event = admin_client.get(url, {"event": "page.deleted"})
    assert list(by_event.context["object_list"]) == []


def test_delivery_log_is_read_only(admin_client, delivered):
    attempt = delivered.filter(succeeded=False).get()
    inspect = admin_client.get(reverse("webhook_deliveries:inspect", args=[attempt.pk]))
    assert inspect.status_code == 200
    assert "HTTP 500" in inspect.content.decode()  # the status and error, never the body
    assert str(attempt.delivery_id) in inspect.content.decode()

    index = admin_client.get(reverse("webhook_deliveries:index")).content.decode()
    assert reverse("webhook_deliveries:add") not in index
    for url in (
        reverse("webhook_deliveries:add"),
        reverse("webhook_deliveries:edit", args=[attempt.pk]),
        reverse("webhook_deliveries:delete", args=[attempt.pk]),
    ):
        assert admin_client.get(url).status_code in (302, 403)
        assert admin_client.post(url, {}).status_code in (302, 403)
    assert delivered.count() == 3


def test_menu_and_permissions(client, admin_client, django_user_model, clinics):
    assert "Webhooks" in admin_client.get(reverse("wagtailadmin_home")).content.decode()

    editor = django_user_model.objects.create_user("editor", "e@example.com", "pw")
    group = Group.objects.create(name="Front-end developers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(group)
    client.force_login(editor)
    assert "Webhooks" not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert client.get(reverse("webhook_endpoints:index")).status_code in (302, 403)
    assert client.get(reverse("webhook_deliveries:index")).status_code in (302, 403)

    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="webhooks",
            codename__in=["add_webhookendpoint", "change_webhookendpoint", "view_webhookdelivery"],
        )
    )
    editor = django_user_model.objects.get(pk=editor.pk)  # drop the permission cache
    client.force_login(editor)
    assert "Webhooks" in client.get(reverse("wagtailadmin_home")).content.decode()
    assert client.get(reverse("webhook_endpoints:index")).status_code == 200
    assert client.get(reverse("webhook_deliveries:index")).status_code == 200
    response = client.post(
        reverse("webhook_endpoints:add"), endpoint_form(clinics["south"], "https://ok.example.com")
    )
    assert response.status_code == 302 and WebhookEndpoint.objects.count() == 1


def test_delivery_log_listing_queries_do_not_grow(
    admin_client, delivered, endpoints, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("webhook_deliveries:index")
    admin_client.get(url)
    with CaptureQueriesContext(connection) as few:
        admin_client.get(url)
    template = delivered.first()
    WebhookDelivery.objects.bulk_create(
        WebhookDelivery(
            delivery_id=template.delivery_id,
            endpoint=endpoints[slug],
            event=template.event,
            payload=template.payload,
            attempt=n,
        )
        for n in range(2, 12)
        for slug in ("northeast", "downtown", "south")
    )
    with django_assert_max_num_queries(len(few)):
        response = admin_client.get(url)
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 33  # a full page of 20 rows shown
