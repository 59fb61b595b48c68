"""Page events reach exactly the clinics whose sites show the page, signed and shaped as documented."""

from datetime import datetime

import pytest
from wagtail.models import Page

from cms.webhooks.models import WebhookDelivery
from treatments.models import TreatmentIndexPage

pytestmark = pytest.mark.django_db


def clinic_copy(clinic, slug):
    index = TreatmentIndexPage.objects.child_of(clinic).get()
    return Page.objects.child_of(index).get(slug=slug).specific


def test_publishing_the_library_original_notifies_each_clinic_carrying_it(
    endpoints, library, clinics, receiver, publish
):
    publish(library["dry-needling"])

    assert {r["path"] for r in receiver.received} == {"/northeast", "/downtown"}
    assert all(r["verified"] for r in receiver.received)
    for slug in ("northeast", "downtown"):
        [payload] = receiver.bodies(f"/{slug}")
        alias = clinic_copy(clinics[slug], "dry-needling")
        assert payload["event"] == "page.published"
        assert payload["page_id"] == alias.pk != library["dry-needling"].pk
        assert payload["type"] == "treatments.TreatmentPage"
        assert payload["path"] == "/treatments/dry-needling/"
        assert payload["site"] == f"{slug}.localhost"
        assert payload["site_url"] == f"http://{slug}.localhost"
        assert payload["url"] == f"http://{slug}.localhost/treatments/dry-needling/"
        # The page, then the listings above it on that clinic's site.
        assert payload["revalidate"] == {
            "scope": "paths",
            "paths": ["/treatments/dry-needling/", "/treatments/", "/"],
        }
        assert datetime.fromisoformat(payload["timestamp"]).utcoffset().total_seconds() == 0
    assert receiver.bodies("/south") == []


def test_headers_name_the_event_and_delivery(endpoints, library, receiver, publish):
    publish(library["massage-therapy"])

    assert len(receiver.received) == 3  # every demo clinic offers massage therapy
    for request in receiver.received:
        headers = request["headers"]
        assert headers["Content-Type"] == "application/json"
        assert headers["X-Clinic-CMS-Event"] == "page.published"
        assert headers["webhook-id"] == request["payload"]["delivery_id"]
        assert headers["webhook-signature"].startswith("v1,")
        assert request["verified"]
    log = WebhookDelivery.objects.filter(succeeded=True)
    assert log.count() == 3
    assert {str(d.delivery_id) for d in log} == {
        r["payload"]["delivery_id"] for r in receiver.received
    }
    assert all(d.attempt == 1 and d.status_code == 204 and d.next_retry_at is None for d in log)


def test_a_tampered_body_fails_verification(endpoints, library, receiver, publish):
    receiver.secrets["/downtown"] = "whsec_" + "QUFB" * 8  # not the endpoint's secret
    publish(library["dry-needling"])

    verified = {r["path"]: r["verified"] for r in receiver.received}
    assert verified == {"/northeast": True, "/downtown": False}


def test_a_clinic_page_publish_tells_only_that_clinic(endpoints, clinics, receiver, publish):
    publish(clinics["south"])

    [payload] = receiver.bodies()
    assert receiver.received[0]["path"] == "/south"
    assert payload["path"] == "/"
    assert payload["type"] == "home.ClinicPage"
    # The clinic's facts show on every page of its site (footer, calls to action).
    assert payload["revalidate"] == {"scope": "site", "paths": ["/"]}


def test_inactive_endpoint_gets_nothing(endpoints, library, receiver, publish):
    endpoints["northeast"].active = False
    endpoints["northeast"].save()

    publish(library["dry-needling"])

    assert {r["path"] for r in receiver.received} == {"/downtown"}
    assert not WebhookDelivery.objects.filter(endpoint=endpoints["northeast"]).exists()


def test_unpublish_of_the_original_notifies_the_aliases_clinics(
    endpoints, library, receiver, committing
):
    with committing():
        library["dry-needling"].unpublish()

    events = {(r["path"], r["payload"]["event"]) for r in receiver.received}
    assert events == {("/northeast", "page.unpublished"), ("/downtown", "page.unpublished")}


def test_deleting_a_clinic_copy_notifies_that_clinic(endpoints, clinics, receiver, committing):
    page = clinic_copy(clinics["downtown"], "massage-therapy")
    page_id = page.pk

    with committing():
        page.delete()

    payloads = receiver.bodies("/downtown")
    # Wagtail unpublishes a live page before deleting it.
    assert [p["event"] for p in payloads] == ["page.unpublished", "page.deleted"]
    deleted = payloads[1]
    assert deleted["page_id"] == page_id
    assert deleted["type"] == "treatments.TreatmentPage"
    assert deleted["path"] == "/treatments/massage-therapy/"
    assert deleted["site"] == "downtown.localhost"
    assert {r["path"] for r in receiver.received} == {"/downtown"}


def test_deleting_a_subtree_reports_every_page_in_it(endpoints, clinics, receiver, committing):
    index = TreatmentIndexPage.objects.child_of(clinics["downtown"]).get()
    expected = {p.pk for p in Page.objects.descendant_of(index, inclusive=True)}

    with committing():
        index.delete()

    deleted = [p for p in receiver.bodies("/downtown") if p["event"] == "page.deleted"]
    assert {p["page_id"] for p in deleted} == expected
    assert sorted(p["path"] for p in deleted) == [
        "/treatments/",
        "/treatments/dry-needling/",
        "/treatments/massage-therapy/",
    ]


def test_deleting_a_whole_clinic_sends_nothing_as_its_endpoints_go_with_it(
    endpoints, clinics, receiver, committing
):
    with committing():
        clinics["south"].delete()

    assert receiver.received == []
    assert not WebhookDelivery.objects.exists()


def test_a_move_between_clinics_notifies_both(endpoints, clinics, receiver, committing):
    page = clinic_copy(clinics["northeast"], "dry-needling")
    south_index = TreatmentIndexPage.objects.child_of(clinics["south"]).get()

    with committing():
        page.move(south_index, pos="last-child")

    [left] = receiver.bodies("/northeast")
    [arrived] = receiver.bodies("/south")
    assert left["event"] == arrived["event"] == "page.moved"
    assert left["page_id"] == arrived["page_id"] == page.pk
    assert (left["path"], left["old_path"]) == (None, "/treatments/dry-needling/")
    assert (arrived["path"], arrived["old_path"]) == ("/treatments/dry-needling/", None)
    assert left["url"] is None
    assert left["revalidate"]["paths"] == ["/treatments/dry-needling/", "/treatments/", "/"]
    assert arrived["url"] == "http://south.localhost/treatments/dry-needling/"
    assert arrived["site"] == "south.localhost"
    assert receiver.bodies("/downtown") == []


def test_nothing_is_sent_before_the_transaction_commits(endpoints, library, receiver):
    library["dry-needling"].save_revision().publish()  # the test's transaction never commits

    assert receiver.received == []
    assert not WebhookDelivery.objects.exists()


def test_finding_recipients_costs_the_same_for_any_number_of_endpoints(
    endpoints, library, clinics, receiver
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from cms.webhooks.models import WebhookEndpoint

    page = library["dry-needling"]
    # The first publish after seeding also brings the reference index up to date: measure republishes.
    page.save_revision().publish()
    with CaptureQueriesContext(connection) as few:
        page.save_revision().publish()
    for n in range(5):
        for slug in ("northeast", "downtown", "south"):
            WebhookEndpoint.objects.create(clinic=clinics[slug], url=receiver.url(f"/{slug}{n}"))
    with CaptureQueriesContext(connection) as many:
        page.save_revision().publish()
    lookups = [q for q in many.captured_queries if "webhooks_webhookendpoint" in q["sql"]]
    # One for the original, one for all its aliases (the library fan-out's batch).
    assert len(lookups) == 2
    assert len(many) == len(few)
