"""A library publish: the request costs the same however many clinics carry the page,
and one background task brings every clinic's copy, cache and webhooks up to date."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from cms.delivery import dependencies
from cms.webhooks.models import Event, WebhookDelivery, WebhookEndpoint
from home.demo import clinics as demo_clinics
from home.models import ClinicPage, OpeningHours
from treatments.demo.builder import _index
from treatments.models import TreatmentPage

from ..webhooks.receiver import Receiver

pytestmark = pytest.mark.django_db

PATH = "/treatments/dry-needling/"
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def db_tasks(settings, monkeypatch):
    """The production task backend; the worker runs in-process (`run_worker`), its
    connection recycling switched off inside the test's transaction (as in test_retries)."""
    settings.TASKS = DB_TASKS
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )


@pytest.fixture
def receiver():
    server = Receiver(secrets={}).start()
    yield server
    server.stop()


def run_worker():
    """The worker, its tasks' commits run as a real worker's would (the deliveries they queue)."""
    while True:
        with TestCase.captureOnCommitCallbacks(execute=True) as committed:
            call_command(
                "db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0
            )
        if not committed:
            return


def carry_at_new_clinics(brand, original, count):
    """`count` more live clinics, each with its own site, carrying `original` as an alias."""
    made = []
    for n in range(count):
        facts = {**demo_clinics.CLINICS[n % 3], "title": f"Fan-out {n}", "slug": f"fanout-{n}"}
        facts.pop("hours")
        clinic = ClinicPage(**facts)
        clinic.hours = [OpeningHours(day=0, opens="08:00", closes="18:00")]
        brand.get_parent().add_child(instance=clinic)
        clinic.save_revision().publish()
        original.create_alias(parent=_index(clinic, "Treatments", ""))
        made.append(clinic)
    return made


def publish(original, summary):
    original.summary = summary
    revision = original.save_revision()
    with CaptureQueriesContext(connection) as queries:
        revision.publish()
    return len(queries)


def hosts_carrying(original):
    copies = TreatmentPage.objects.filter(alias_of=original)
    return [copy.get_site().hostname for copy in copies]


def test_the_publish_request_costs_the_same_for_2_and_6_clinics(brand, library, db_tasks):
    original = library["dry-needling"]
    publish(original, "Warm-up: the reference index catches up.")
    run_worker()
    assert len(hosts_carrying(original)) == 2
    with_two = publish(original, "Published to two clinics.")
    run_worker()

    carry_at_new_clinics(brand, original, 4)
    run_worker()
    assert len(hosts_carrying(original)) == 6
    with_six = publish(original, "Published to six clinics.")
    assert with_six == with_two
    run_worker()


def test_every_copy_shows_the_publish_once_the_task_ran(client, brand, library, clinics, db_tasks):
    original = library["dry-needling"]
    carry_at_new_clinics(brand, original, 2)
    run_worker()
    hosts = hosts_carrying(original)
    for host in hosts:  # cached before the publish
        assert "Fan-out summary" not in client.get(PATH, HTTP_HOST=host).content.decode()
        assert client.get(PATH, HTTP_HOST=host).headers["X-Cache"] == "HIT"

    publish(original, "Fan-out summary for every clinic.")
    copies = TreatmentPage.objects.filter(alias_of=original)
    assert not any("Fan-out summary" in copy.summary for copy in copies)  # queued, not done
    run_worker()
    for copy in TreatmentPage.objects.filter(alias_of=original):
        assert copy.summary == "Fan-out summary for every clinic." and copy.live
        assert copy.review_digest == original.review_digest  # the stamp follows its original
    for host in hosts:
        assert (
            "Fan-out summary for every clinic." in client.get(PATH, HTTP_HOST=host).content.decode()
        )


def test_the_task_bumps_and_notifies_every_copy_at_once(
    brand, library, clinics, db_tasks, monkeypatch, receiver
):
    original = library["dry-needling"]
    carry_at_new_clinics(brand, original, 3)
    for clinic in ClinicPage.objects.all():
        endpoint = WebhookEndpoint.objects.create(
            clinic=clinic, url=receiver.url(f"/{clinic.slug}")
        )
        receiver.secrets[f"/{clinic.slug}"] = endpoint.secret
    run_worker()
    copies = list(TreatmentPage.objects.filter(alias_of=original))
    bumps = []  # the keys of each token write (a bump that reached the cache)
    real_write = dependencies._write

    def write(tokens):
        bumps.append({key.removeprefix(dependencies.TOKEN_PREFIX) for key in tokens})
        return real_write(tokens)

    monkeypatch.setattr(dependencies, "_write", write)
    publish(original, "Batched.")
    bumps.clear()
    with CaptureQueriesContext(connection) as task:
        run_worker()  # the fan-out task, then the deliveries it queued once it committed
    # Finding the recipients (endpoints by clinic path): one query for every copy's clinic.
    lookups = [q for q in task.captured_queries if 'AS "clinic__url_path"' in q["sql"]]
    assert len(lookups) == 1
    fanout_bumps = [keys for keys in bumps if any(f"page:{c.pk}" in keys for c in copies)]
    assert len(fanout_bumps) == 1  # one bump (one purge batch) for every copy and its tags
    assert {f"page:{copy.pk}" for copy in copies} <= fanout_bumps[0]
    published = WebhookDelivery.objects.filter(event=Event.PUBLISHED, succeeded=True)
    assert {d.payload["page_id"] for d in published} == {copy.pk for copy in copies}
