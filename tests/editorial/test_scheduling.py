"""Go-live and expiry end to end: the scheduler (run_scheduler) publishes an approved page
when its time comes, and an expired treatment leaves every public surface of every site."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

from treatments.models import TreatmentPage

from .helpers import create_treatment, workflow_action

pytestmark = pytest.mark.django_db


def run_scheduler_once():
    call_command("run_scheduler", "--once")


def as_if_time_passed(revision, moment):
    """Move a scheduled revision's go-live into the past, as the clock would."""
    revision.content["go_live_at"] = moment.isoformat()
    revision.approved_go_live_at = moment
    revision.save(update_fields=["content", "approved_go_live_at"])


def test_an_approved_page_with_a_go_live_date_is_published_by_the_scheduler(
    editor, reviewer, as_user, library, clinics
):
    library_index = library["dry-needling"].get_parent().specific
    go_live = timezone.localtime() + datetime.timedelta(days=1)
    response = create_treatment(
        as_user(editor), library_index, go_live_at=go_live.strftime("%Y-%m-%d %H:%M")
    )
    assert response.status_code == 302
    page = TreatmentPage.objects.get(slug="cupping")
    workflow_action(as_user(reviewer), page, "approve")

    page.refresh_from_db()
    assert not page.live
    scheduled = page.revisions.get(approved_go_live_at__isnull=False)
    assert scheduled.as_object().reviewer_name == "Rita Reviewer"
    run_scheduler_once()  # not yet due
    assert not TreatmentPage.objects.get(pk=page.pk).live
    assert as_user(editor).get("/treatments/cupping/", HTTP_HOST="localhost").status_code == 404

    as_if_time_passed(scheduled, timezone.now() - datetime.timedelta(minutes=1))
    run_scheduler_once()
    page = TreatmentPage.objects.get(pk=page.pk)
    assert page.live
    assert page.reviewer_name == "Rita Reviewer"
    assert as_user(editor).get("/treatments/cupping/", HTTP_HOST="localhost").status_code == 200


def _surfaces(client, host, slug, title):
    """Where a live treatment shows on one site: {surface: shown?}."""
    page_html = client.get(f"/treatments/{slug}/", HTTP_HOST=host)
    index_html = client.get("/treatments/", HTTP_HOST=host).content.decode()
    api = client.get("/api/v2/pages/", {"site": host, "type": "treatments.TreatmentPage"})
    assert api.status_code == 200
    find = client.get("/api/v2/pages/find/", {"site": host, "html_path": f"/treatments/{slug}/"})
    sitemap = client.get("/sitemap.xml", HTTP_HOST=host).content.decode()
    search = client.get("/search/", {"q": title}, HTTP_HOST=host).content.decode()
    return {
        "page": page_html.status_code == 200,
        "index": f"/treatments/{slug}/" in index_html,
        "api listing": slug in {item["meta"]["slug"] for item in api.json()["items"]},
        "api find": find.status_code in (200, 302),
        "sitemap": f"/treatments/{slug}/</loc>" in sitemap,
        "search": f"/treatments/{slug}/" in search,
    }


def test_an_expired_treatment_disappears_from_every_surface_of_every_site(client, library, clinics):
    page = library["massage-therapy"]  # carried by all three clinics
    hosts = ["localhost", *(clinic.hostname for clinic in clinics.values())]
    everywhere = dict.fromkeys(
        ("page", "index", "api listing", "api find", "sitemap", "search"), True
    )
    for host in hosts:  # also fills the response caches the expiry must invalidate
        assert _surfaces(client, host, page.slug, page.title) == everywhere, host

    page.expire_at = timezone.now() + datetime.timedelta(hours=1)
    page.save_revision().publish()
    run_scheduler_once()  # not yet expired
    assert TreatmentPage.objects.get(pk=page.pk).live

    TreatmentPage.objects.filter(pk=page.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    run_scheduler_once()

    page = TreatmentPage.objects.get(pk=page.pk)
    assert not page.live and page.expired
    assert not Page.objects.filter(alias_of=page, live=True).exists()
    nowhere = dict.fromkeys(everywhere, False)
    for host in hosts:
        assert _surfaces(client, host, page.slug, page.title) == nowhere, host
