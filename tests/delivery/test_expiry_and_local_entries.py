"""Cached responses end with what they show: expiry dates, and the per-process copy of entries."""

import datetime
import time
from unittest import mock

from django.core.cache import cache
from django.utils import timezone

from cms.delivery import dependencies
from cms.delivery.local_entries import LocalEntries
from cms.delivery.middleware import KEY_PREFIX, LOCAL
from treatments.models import TreatmentPage

DRY = "/treatments/dry-needling/"
NORTHEAST = "northeast.localhost"


def expire_soon(page, seconds):
    """Publish `page` (and so its aliases) with an expiry date `seconds` from now."""
    page.expire_at = timezone.now() + datetime.timedelta(seconds=seconds)
    page.save_revision().publish()


def test_a_cached_page_is_not_served_past_its_expiry(client, library):
    # Long enough for a publish on a busy machine; the test then waits for the expiry itself.
    expire_soon(library["dry-needling"], 4)
    assert client.get(DRY, HTTP_HOST=NORTHEAST)["X-Cache"] == "MISS"
    assert client.get(DRY, HTTP_HOST=NORTHEAST)["X-Cache"] == "HIT"
    listing = client.get("/treatments/", HTTP_HOST=NORTHEAST)
    assert "Dry needling" in listing.content.decode()
    api = client.get(f"/api/v2/pages/{library['dry-needling'].pk}/", HTTP_HOST="localhost")
    assert api.status_code == 200

    expires = library["dry-needling"].expire_at
    time.sleep(max(0, (expires - timezone.now()).total_seconds()) + 0.1)  # no scheduler run

    assert client.get(DRY, HTTP_HOST=NORTHEAST).status_code == 404
    assert client.get(DRY, HTTP_HOST="localhost").status_code == 404
    listing = client.get("/treatments/", HTTP_HOST=NORTHEAST)
    assert listing["X-Cache"] == "MISS"
    assert "Dry needling" not in listing.content.decode()
    api = client.get(f"/api/v2/pages/{library['dry-needling'].pk}/", HTTP_HOST="localhost")
    assert api.status_code == 404


def test_a_page_expiring_later_is_cached_until_then_and_the_cdn_too(client, library, settings):
    expire_soon(library["dry-needling"], 120)
    first = client.get(DRY, HTTP_HOST=NORTHEAST)
    assert client.get(DRY, HTTP_HOST=NORTHEAST)["X-Cache"] == "HIT"
    # A CDN may keep it only until the expiry, not for the full s-maxage.
    s_maxage = int(first["Cache-Control"].split("s-maxage=")[1].split(",")[0])
    assert 100 <= s_maxage <= 121 < settings.RESPONSE_CACHE_S_MAXAGE


def test_a_local_hit_asks_the_shared_cache_for_tokens_only(client, library):
    client.get(DRY, HTTP_HOST=NORTHEAST)
    with mock.patch.object(cache, "get", wraps=cache.get) as shared_get:
        assert client.get(DRY, HTTP_HOST=NORTHEAST)["X-Cache"] == "HIT"
        assert client.get(DRY, HTTP_HOST=NORTHEAST)["X-Cache"] == "HIT"
    entry_reads = [c for c in shared_get.call_args_list if c.args[0].startswith(KEY_PREFIX)]
    # The first hit reads the entry once; the second is served from this process's copy.
    assert len(entry_reads) == 1


def test_a_local_hit_with_no_bump_since_its_last_check_reads_one_key(client, library):
    client.get(DRY, HTTP_HOST=NORTHEAST)
    client.get(DRY, HTTP_HOST=NORTHEAST)  # checked against every token, kept locally
    with mock.patch.object(
        dependencies, "current_tokens", wraps=dependencies.current_tokens
    ) as token_reads:
        assert client.get(DRY, HTTP_HOST=NORTHEAST)["X-Cache"] == "HIT"
        assert token_reads.call_count == 0  # only the generation was read
        dependencies.bump("page:0")  # any change elsewhere: the next hit checks every token
        assert client.get(DRY, HTTP_HOST=NORTHEAST)["X-Cache"] == "HIT"
        assert token_reads.call_count == 1


def test_the_local_copy_never_outlives_a_change_made_by_another_process(client, library):
    first = client.get(DRY, HTTP_HOST=NORTHEAST)
    client.get(DRY, HTTP_HOST=NORTHEAST)  # now also held locally
    # Another process publishes: only the shared tokens change (no signal here).
    TreatmentPage.objects.filter(pk=library["dry-needling"].pk).update(summary="Changed elsewhere.")
    TreatmentPage.objects.filter(alias_of=library["dry-needling"]).update(
        summary="Changed elsewhere."
    )
    page = TreatmentPage.objects.get(url_path__endswith="/northeast/treatments/dry-needling/")
    dependencies.bump(f"page:{page.pk}")
    again = client.get(DRY, HTTP_HOST=NORTHEAST)
    assert again["X-Cache"] == "MISS"
    assert again.content != first.content


def test_the_local_copy_is_not_served_after_the_shared_cache_is_emptied(client, library):
    client.get(DRY, HTTP_HOST=NORTHEAST)
    client.get(DRY, HTTP_HOST=NORTHEAST)
    cache.clear()  # a Redis restart: tokens gone
    assert client.get(DRY, HTTP_HOST=NORTHEAST)["X-Cache"] == "MISS"


def test_local_entries_stay_within_their_byte_budget():
    entries = LocalEntries(max_bytes=100)
    for number in range(10):
        entries.put(f"k{number}", {"content": b"x" * 20})
    kept = [f"k{n}" for n in range(10) if entries.get(f"k{n}") is not None]
    assert kept == ["k5", "k6", "k7", "k8", "k9"]  # least recently used go first
    entries.put("huge", {"content": b"x" * 60})  # over a quarter of the budget: not kept
    assert entries.get("huge") is None
    assert LOCAL.max_bytes > 0
