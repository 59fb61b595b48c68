"""Clinic variations (issue 16, first slice): a clinic changes chosen parts of its copy.

The merge rules (treatments/variation_merge.py), where a variation shows (only
on its clinic's site, only live, never an unreviewed clinical part), the cache
refresh on publish, validation, and the query budget.
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.editorial.conftest import as_user, editorial, make_user, managers  # noqa: F401
from treatments.models import ClinicVariation, TreatmentPage
from treatments.variation_merge import CLINIC, LIBRARY, merge

PRICE = {
    "type": "price",
    "value": {
        "fee": "95.00",
        "duration_minutes": 45,
        "direct_billing": True,
        "insurers": ["Blue Cross", "Sun Life"],
        "note": "Receipts for extended health plans.",
    },
}


def copy_of(library, clinics, slug="dry-needling", clinic="northeast"):
    return TreatmentPage.objects.descendant_of(clinics[clinic]).get(alias_of=library[slug])


def block_of(page, block_type):
    return next(child for child in page.body if child.block_type == block_type)


def section(heading, text="<p>Local text.</p>"):
    return {"type": "section", "value": {"heading": heading, "body": text}}


def safety_replacement(copy):
    safety = block_of(copy, "safety")
    value = safety.block.get_prep_value(safety.value)
    value["intro"] = "NORTHEAST SAFETY WORDING"
    return {
        "type": "replace",
        "value": {"block_id": safety.id, "block": [{"type": "safety", "value": value}]},
    }


def make_variation(copy, publish=True, **fields):
    variation = ClinicVariation(page=copy, **fields)
    variation.live = publish  # as Wagtail's snippet create view saves a draft (DraftStateMixin)
    variation.full_clean()
    variation.save()
    revision = variation.save_revision()
    if publish:
        revision.publish()
    variation.refresh_from_db()
    return variation


def local_changes(copy):
    first = next(iter(copy.body))
    faq = block_of(copy, "faq")
    return [
        {"type": "insert_after", "value": {"block_id": first.id, "blocks": [PRICE]}},
        {
            "type": "insert_after",
            "value": {"block_id": "", "blocks": [section("Welcome to Northeast")]},
        },
        {"type": "hide", "value": {"block_id": faq.id}},
    ]


@pytest.fixture
def northeast_copy(library, clinics):
    return copy_of(library, clinics)


@pytest.fixture
def variation(northeast_copy):
    return make_variation(
        northeast_copy,
        summary="Dry needling at Northeast, with direct billing.",
        changes=local_changes(northeast_copy),
    )


def soup_for(client, host, path="/treatments/dry-needling/"):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


# --- merge rules (no database needed beyond the fixtures' pages) ---


def test_merge_without_a_variation_is_the_library(northeast_copy):
    merged = merge(northeast_copy, None)
    assert [c.id for c in merged.body] == [c.id for c in northeast_copy.body]
    assert set(merged.sources) == {LIBRARY}
    assert merged.clinic_parts == ()
    assert merged.summary == northeast_copy.summary


def test_merge_inserts_hides_and_marks_sources(northeast_copy, variation):
    merged = merge(northeast_copy, variation)
    types = [child.block_type for child in merged.body]
    library_types = [child.block_type for child in northeast_copy.body]
    assert types[0] == "section" and merged.sources[0] == CLINIC  # inserted at the start
    assert types[1] == library_types[0] and merged.sources[1] == LIBRARY
    assert types[2] == "price" and merged.sources[2] == CLINIC
    assert "faq" not in types
    assert merged.sources.count(LIBRARY) == len(library_types) - 1
    assert merged.summary == "Dry needling at Northeast, with direct billing."
    assert merged.clinic_parts == ("summary", "body")


def test_clinical_replacement_is_not_served_without_review(northeast_copy):
    variation = make_variation(northeast_copy, changes=[safety_replacement(northeast_copy)])
    merged = merge(northeast_copy, variation)
    safety = next(c for c in merged.body if c.block_type == "safety")
    assert safety.value["intro"] != "NORTHEAST SAFETY WORDING"
    assert set(merged.sources) == {LIBRARY}
    approved = merge(northeast_copy, variation, clinical_approved=True)
    safety = next(c for c in approved.body if c.block_type == "safety")
    assert safety.value["intro"] == "NORTHEAST SAFETY WORDING"


def test_clinical_insert_is_not_served_without_review(northeast_copy):
    faq = block_of(northeast_copy, "faq")
    value = faq.block.get_prep_value(faq.value)
    changes = [
        {
            "type": "insert_after",
            "value": {
                "block_id": "",
                "blocks": [{"type": "faq", "value": value}, section("Local")],
            },
        }
    ]
    variation = make_variation(northeast_copy, changes=changes)
    merged = merge(northeast_copy, variation)
    assert [c.block_type for c in merged.body].count("faq") == 1
    assert merged.sources[0] == CLINIC and merged.body[0].block_type == "section"


def test_non_clinical_replacement_keeps_the_library_slot(northeast_copy):
    quote = block_of(northeast_copy, "quote")
    value = quote.block.get_prep_value(quote.value)
    value["text"] = "Northeast patients love it"
    changes = [
        {
            "type": "replace",
            "value": {"block_id": quote.id, "block": [{"type": "quote", "value": value}]},
        }
    ]
    merged = merge(northeast_copy, make_variation(northeast_copy, changes=changes))
    index = [c.id for c in merged.body].index(quote.id)
    assert merged.body[index].value["text"] == "Northeast patients love it"
    assert merged.sources[index] == CLINIC


# --- validation ---


def test_unknown_block_id_is_a_form_error(northeast_copy):
    variation = ClinicVariation(
        page=northeast_copy, changes=[{"type": "hide", "value": {"block_id": "nope"}}]
    )
    with pytest.raises(ValidationError) as error:
        variation.full_clean()
    assert "no block with id 'nope'" in str(error.value.message_dict["changes"])


def test_replacement_of_another_type_is_a_form_error(northeast_copy):
    quote = block_of(northeast_copy, "quote")
    changes = [{"type": "replace", "value": {"block_id": quote.id, "block": [section("x")]}}]
    with pytest.raises(ValidationError) as error:
        ClinicVariation(page=northeast_copy, changes=changes).full_clean()
    assert "must be one too" in str(error.value.message_dict["changes"])


def test_one_operation_per_block(northeast_copy):
    quote = block_of(northeast_copy, "quote")
    changes = [
        {"type": "hide", "value": {"block_id": quote.id}},
        {"type": "hide", "value": {"block_id": quote.id}},
    ]
    with pytest.raises(ValidationError) as error:
        ClinicVariation(page=northeast_copy, changes=changes).full_clean()
    assert "already addresses" in str(error.value.message_dict["changes"])


def test_a_library_page_cannot_carry_a_variation(library):
    with pytest.raises(ValidationError):
        ClinicVariation(page=library["dry-needling"]).full_clean()


# --- HTML ---


def test_html_on_the_clinic_shows_its_parts(client, variation):
    soup = soup_for(client, "northeast.localhost")
    assert soup.select_one(".lead").get_text() == "Dry needling at Northeast, with direct billing."
    assert soup.select_one(".block-price") is not None
    assert "Blue Cross, Sun Life" in soup.select_one(".block-price").get_text()
    assert soup.select_one(".block-faq") is None
    assert "Welcome to Northeast" in soup.select_one(".prose").get_text()


@pytest.mark.parametrize("host", ["downtown.localhost", "localhost"])
def test_html_elsewhere_shows_the_library(client, variation, host):
    soup = soup_for(client, host)
    assert soup.select_one(".block-price") is None
    assert soup.select_one(".block-faq") is not None
    assert "Northeast" not in soup.select_one(".lead").get_text()


def test_a_draft_variation_never_shows(client, northeast_copy):
    make_variation(
        northeast_copy, publish=False, summary="DRAFT", changes=local_changes(northeast_copy)
    )
    soup = soup_for(client, "northeast.localhost")
    assert "DRAFT" not in str(soup) and soup.select_one(".block-price") is None


def test_a_draft_of_a_live_variation_never_shows(client, variation):
    variation.summary = "NEXT DRAFT"
    variation.save_revision()  # a draft: the row keeps the live content
    soup = soup_for(client, "northeast.localhost")
    assert "NEXT DRAFT" not in str(soup)
    assert soup.select_one(".lead").get_text() == "Dry needling at Northeast, with direct billing."


def test_an_unpublished_variation_never_shows(client, variation):
    variation.unpublish()
    soup = soup_for(client, "northeast.localhost")
    assert soup.select_one(".block-price") is None and soup.select_one(".block-faq") is not None


def test_a_variation_past_its_expiry_date_never_shows(client, variation):
    """Expired but not yet unpublished by run_scheduler: the library shows at once."""
    ClinicVariation.objects.filter(pk=variation.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    soup = soup_for(client, "northeast.localhost")
    assert soup.select_one(".block-price") is None and soup.select_one(".block-faq") is not None


def test_a_cached_page_does_not_outlive_its_variations_expiry(client, settings, variation):
    settings.RESPONSE_CACHE_ENABLED = True
    ends = timezone.now() + datetime.timedelta(seconds=120)
    ClinicVariation.objects.filter(pk=variation.pk).update(expire_at=ends)
    response = client.get("/treatments/dry-needling/", HTTP_HOST="northeast.localhost")
    assert b"block-price" in response.content
    # A CDN may keep it only until the variation expires, not for the full s-maxage.
    s_maxage = int(response["Cache-Control"].split("s-maxage=")[1].split(",")[0])
    assert 100 <= s_maxage <= 121 < settings.RESPONSE_CACHE_S_MAXAGE


def test_unreviewed_clinical_replacement_shows_the_library_block(client, northeast_copy):
    make_variation(northeast_copy, changes=[safety_replacement(northeast_copy)])
    html = str(soup_for(client, "northeast.localhost"))
    assert "NORTHEAST SAFETY WORDING" not in html
    assert "block-safety" in html or "safety" in html


# --- cache ---


def test_publishing_a_variation_refreshes_the_clinics_cached_page(client, settings, northeast_copy):
    settings.RESPONSE_CACHE_ENABLED = True
    assert soup_for(client, "northeast.localhost").select_one(".block-price") is None
    soup_for(client, "downtown.localhost")
    variation = make_variation(northeast_copy, changes=local_changes(northeast_copy))
    assert soup_for(client, "northeast.localhost").select_one(".block-price") is not None
    variation.unpublish()
    assert soup_for(client, "northeast.localhost").select_one(".block-price") is None


# --- API ---


def api_detail(client, host, page):
    response = client.get(f"/api/v2/pages/{page.pk}/", HTTP_HOST=host)
    assert response.status_code == 200
    return response.json()


def test_api_on_the_clinic_marks_each_blocks_source(client, northeast_copy, variation):
    data = api_detail(client, "northeast.localhost", northeast_copy)
    sources = [block["source"] for block in data["body"]]
    assert sources[0] == CLINIC and data["body"][0]["type"] == "section"
    price = next(block for block in data["body"] if block["type"] == "price")
    assert price["source"] == CLINIC
    assert price["value"] == {
        "fee": 95.0,
        "currency": "CAD",
        "duration_minutes": 45,
        "direct_billing": True,
        "insurers": ["Blue Cross", "Sun Life"],
        "note": "Receipts for extended health plans.",
    }
    assert "faq" not in [block["type"] for block in data["body"]]
    assert sources.count(LIBRARY) == len(list(northeast_copy.body)) - 1
    assert data["summary"] == "Dry needling at Northeast, with direct billing."
    assert data["meta"]["variation"] == {"clinic_parts": ["summary", "body"]}


def test_api_elsewhere_is_the_library_without_source_keys(client, library, clinics, variation):
    downtown = copy_of(library, clinics, clinic="downtown")
    for host, page in (("downtown.localhost", downtown), ("localhost", library["dry-needling"])):
        data = api_detail(client, host, page)
        assert "variation" not in data["meta"]
        assert all("source" not in block for block in data["body"])
        assert "price" not in [block["type"] for block in data["body"]]
        assert data["summary"] == library["dry-needling"].summary


def test_api_listing_on_the_clinic_serves_the_variation(client, northeast_copy, variation):
    response = client.get(
        "/api/v2/pages/",
        {"type": "treatments.TreatmentPage", "fields": "summary,body"},
        HTTP_HOST="northeast.localhost",
    )
    item = next(i for i in response.json()["items"] if i["id"] == northeast_copy.pk)
    assert item["summary"].startswith("Dry needling at Northeast")
    assert item["meta"]["variation"]["clinic_parts"] == ["summary", "body"]


def test_api_draft_and_unreviewed_clinical_parts_never_show(client, northeast_copy):
    variation = make_variation(northeast_copy, changes=[safety_replacement(northeast_copy)])
    variation.summary = "DRAFT SUMMARY"
    variation.save_revision()
    data = api_detail(client, "northeast.localhost", northeast_copy)
    assert "DRAFT SUMMARY" not in str(data) and "NORTHEAST SAFETY WORDING" not in str(data)
    assert "variation" not in data["meta"]  # nothing of the variation is served


def test_api_variation_publish_refreshes_the_cached_detail(client, settings, northeast_copy):
    settings.RESPONSE_CACHE_ENABLED = True
    assert "variation" not in api_detail(client, "northeast.localhost", northeast_copy)["meta"]
    make_variation(northeast_copy, changes=local_changes(northeast_copy))
    assert "variation" in api_detail(client, "northeast.localhost", northeast_copy)["meta"]


# --- query counts: a variation costs at most one query cold, none cached ---


def _queries(client, url, host="northeast.localhost"):
    from django.core.cache import caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url, HTTP_HOST=host)  # warm: renditions are generated once
    caches["renditions"].clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, HTTP_HOST=host)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("surface", ["html", "api"])
def test_a_variation_costs_no_query_more_cold_and_none_cached(
    client, settings, library, clinics, surface
):
    settings.RESPONSE_CACHE_ENABLED = False
    counts = {}
    for with_variation in (False, True):
        pages = dict.fromkeys((5, 50))
        from tests.treatments.test_render_queries import _sized_pages

        originals = _sized_pages(library, clinics, prefix=f"{surface}{int(with_variation)}")
        for size, original in originals.items():
            copy = TreatmentPage.objects.descendant_of(clinics["northeast"]).get(alias_of=original)
            if with_variation:
                blocks = list(copy.body)
                make_variation(
                    copy,
                    summary="Local",
                    changes=[
                        {
                            "type": "insert_after",
                            "value": {"block_id": blocks[0].id, "blocks": [PRICE]},
                        },
                        {"type": "hide", "value": {"block_id": blocks[1].id}},
                    ],
                )
            pages[size] = copy
            url = f"/treatments/{copy.slug}/" if surface == "html" else f"/api/v2/pages/{copy.pk}/"
            counts[(with_variation, size)] = _queries(client, url)
    print(surface, counts)
    assert counts[(True, 5)] == counts[(True, 50)]
    assert counts[(False, 5)] == counts[(False, 50)]
    assert counts[(True, 50)] <= counts[(False, 50)] + 1
    settings.RESPONSE_CACHE_ENABLED = True
    copy = pages[50]
    url = f"/treatments/{copy.slug}/" if surface == "html" else f"/api/v2/pages/{copy.pk}/"
    client.get(url, HTTP_HOST="northeast.localhost")
    assert _queries(client, url) == 0


# --- admin ---


def test_the_snippet_edit_view_has_drafts_and_locking(admin_client, variation):
    from django.urls import reverse

    url = reverse("wagtailsnippets_treatments_clinicvariation:edit", args=[variation.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Save draft" in content and "Publish" in content
    index = admin_client.get(reverse("wagtailsnippets_treatments_clinicvariation:list"))
    assert index.status_code == 200


def test_clinic_managers_cannot_reach_variations_yet(managers, as_user, variation):  # noqa: F811
    from django.urls import reverse

    client = as_user(managers["northeast"])
    url = reverse("wagtailsnippets_treatments_clinicvariation:edit", args=[variation.pk])
    assert client.get(url).status_code in (302, 403)
