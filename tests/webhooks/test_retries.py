"""Failed deliveries are recorded, retried with backoff by the database task worker, and never hurt a publish."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import TestCase
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from cms.webhooks import events
from cms.webhooks.models import WebhookDelivery, WebhookEndpoint

from .receiver import Receiver

pytestmark = pytest.mark.django_db

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def south_endpoint(library, clinics, receiver):
    """South carries shockwave therapy, which no other clinic but northeast offers."""
    endpoint = WebhookEndpoint.objects.create(clinic=clinics["south"], url=receiver.url("/south"))
    receiver.secrets["/south"] = endpoint.secret
    return endpoint


@pytest.fixture
def db_tasks(settings, monkeypatch):
    """The production task backend, with the worker run in-process by `run_worker`.

    The worker recycles database connections between tasks; inside the test's
    transaction that would close it, so (as Django's test client does for
    requests) connection recycling is switched off.
    """
    settings.TASKS = DB_TASKS
    settings.WEBHOOK_RETRY_DELAYS = (30, 120)
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )


def run_worker():
    """The worker, its tasks' commits run as a real worker's would: the library fan-out task
    (cms/delivery/fanout.py) queues the clinics' deliveries once it commits."""
    while True:
        with TestCase.captureOnCommitCallbacks(execute=True) as committed:
            call_command(
                "db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0
            )
        if not committed:  # what the commits queued ran in the next round
            return


def time_passes():
    """Make every deferred task due now, as if its backoff had elapsed."""
    return DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(
        run_after=timezone.now()
    )


def attempts():
    return list(WebhookDelivery.objects.order_by("attempt"))


def test_http_500_is_retried_after_the_backoff_and_then_succeeds(
    db_tasks, south_endpoint, library, receiver, publish
):
    receiver.fail_next(500)
    publish(library["shockwave-therapy"])
    assert receiver.received == []  # queued, not sent, until the worker runs

    run_worker()
    [first] = attempts()
    assert (first.attempt, first.status_code, first.succeeded) == (1, 500, False)
    assert first.error.startswith("HTTP 500")
    assert first.next_retry_at - first.attempted_at == timedelta(seconds=30)
    [queued] = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
    assert abs(queued.run_after - first.next_retry_at) < timedelta(seconds=1)

    run_worker()  # the backoff has not elapsed: nothing runs
    assert len(attempts()) == 1

    assert time_passes() == 1
    run_worker()
    first, second = attempts()
    assert (second.attempt, second.status_code, second.succeeded) == (2, 204, True)
    assert second.next_retry_at is None
    assert second.delivery_id == first.delivery_id
    assert second.payload == first.payload
    bodies = receiver.bodies("/south")
    assert len(bodies) == 2 and bodies[0] == bodies[1]  # same body, same delivery_id
    assert all(r["verified"] for r in receiver.received)
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()


def test_a_closed_port_fails_until_a_receiver_listens_there(db_tasks, library, clinics, publish):
    gone = Receiver(secrets={}).start()
    port = gone.server.server_address[1]
    gone.stop()
    endpoint = WebhookEndpoint.objects.create(
        clinic=clinics["south"], url=f"http://127.0.0.1:{port}/hook"
    )

    publish(library["shockwave-therapy"])
    run_worker()
    [refused] = attempts()
    assert refused.status_code is None and not refused.succeeded
    assert "ConnectionRefusedError" in refused.error
    assert refused.next_retry_at is not None

    back = Receiver(secrets={"/hook": endpoint.secret}, port=port).start()
    try:
        time_passes()
        run_worker()
    finally:
        back.stop()
    assert [a.succeeded for a in attempts()] == [False, True]
    assert [r["verified"] for r in back.received] == [True]


def test_gives_up_after_the_maximum_attempts(settings, south_endpoint, library, receiver, publish):
    settings.WEBHOOK_MAX_ATTEMPTS = 3
    receiver.fail_next(500, 502, 503, 504)

    publish(library["shockwave-therapy"])  # the immediate backend runs each retry at once

    log = attempts()
    assert [(a.attempt, a.status_code) for a in log] == [(1, 500), (2, 502), (3, 503)]
    assert [a.next_retry_at is None for a in log] == [False, False, True]
    assert len(receiver.received) == 3


def test_a_slow_receiver_times_out(settings, library, clinics, publish):
    settings.WEBHOOK_TIMEOUT_SECONDS = 0.3
    settings.WEBHOOK_MAX_ATTEMPTS = 1
    slow = Receiver(secrets={}, delay=1).start()
    WebhookEndpoint.objects.create(clinic=clinics["south"], url=slow.url("/slow"))
    try:
        publish(library["shockwave-therapy"])
    finally:
        slow.stop()
    [timed_out] = attempts()
    assert not timed_out.succeeded and "timed out" in timed_out.error
    assert 250 <= timed_out.duration_ms < 1000


def test_a_redirect_is_a_failure_not_followed(south_endpoint, library, receiver, publish, settings):
    settings.WEBHOOK_MAX_ATTEMPTS = 1
    receiver.fail_next(307)
    publish(library["shockwave-therapy"])
    [redirected] = attempts()
    assert (redirected.status_code, redirected.succeeded) == (307, False)
    assert len(receiver.received) == 1


def test_an_endpoint_deactivated_before_the_retry_gets_no_more(
    db_tasks, south_endpoint, library, receiver, publish
):
    receiver.fail_next(500)
    publish(library["shockwave-therapy"])
    run_worker()
    south_endpoint.active = False
    south_endpoint.save()
    time_passes()
    run_worker()
    assert len(attempts()) == 1 and len(receiver.received) == 1


def test_publish_succeeds_when_finding_endpoints_breaks_the_database(
    monkeypatch, south_endpoint, library, receiver, committing
):
    def broken_query(root_paths):
        with connection.cursor() as cursor:
            cursor.execute("SELECT * FROM no_such_webhook_table")

    monkeypatch.setattr(events, "endpoints_for", broken_query)
    page = library["shockwave-therapy"]
    page.title = "Shockwave therapy (updated)"

    with committing():
        page.save_revision().publish()
        # The transaction is still usable after the failed query (a savepoint contained it).
        assert WebhookEndpoint.objects.count() == 1

    page.refresh_from_db()
    assert page.live and page.title == "Shockwave therapy (updated)"
    assert receiver.received == []


def test_publish_succeeds_when_queueing_fails(monkeypatch, south_endpoint, library, committing):
    def refuse(*args, **kwargs):
        raise RuntimeError("task backend down")

    monkeypatch.setattr(events, "enqueue_attempt", refuse)
    page = library["shockwave-therapy"]
    with committing():
        page.save_revision().publish()
    assert not WebhookDelivery.objects.exists()


def test_admin_publish_succeeds_when_delivery_raises(
    monkeypatch, admin_client, south_endpoint, library, receiver, committing
):
    from tests.admin_forms import edit_page

    calls = []

    def explode(*args, **kwargs):
        calls.append(args)
        raise RuntimeError("receiver code blew up")

    monkeypatch.setattr("cms.webhooks.tasks.post", explode)
    clinic = south_endpoint.clinic
    with committing():
        response = edit_page(admin_client, clinic, **{"hours-0-opens": "06:15"})
    assert response.status_code == 302
    clinic.refresh_from_db()
    assert clinic.live and clinic.hours.first().opens.strftime("%H:%M") == "06:15"
    assert len(calls) == 1  # the delivery ran, and raised, inside the publish request
    assert receiver.received == []
