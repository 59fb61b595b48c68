"""API rich text links lead to the requesting clinic's copy of their target (treatments/rich_text_links.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.models import PageViewRestriction

from tests.treatments.test_rich_text_links import copy_of, hrefs, publish_links, wagtail_href
from treatments.models import TreatmentPage

from .conftest import path_of
from .test_query_counts import add_treatments


def section_hrefs(data, text="shockwave therapy"):
    sections = [block for block in data["body"] if block["type"] == "section"]
    return hrefs(sections[-1]["value"]["body"], text)


def faq_hrefs(data, text="shockwave therapy"):
    faq = next(block for block in data["body"] if block["type"] == "faq")
    return hrefs(faq["value"]["items"][0]["answer"], text)


def detail(api, **params):
    find = api.get("pages/find/", html_path="/treatments/dry-needling/")
    assert find.status_code == 302
    return api.json(path_of(find["Location"]).split("?")[0], **params)


@pytest.fixture
def linked(library, clinics):
    publish_links(library["dry-needling"], library["shockwave-therapy"])
    return library["shockwave-therapy"]


def test_northeast_api_links_to_its_copy(northeast_api, linked):
    data = detail(northeast_api)
    assert section_hrefs(data) == faq_hrefs(data) == ["/treatments/shockwave-therapy/"]


def test_downtown_api_links_to_the_brand_page(downtown_api, linked):
    data = detail(downtown_api)
    assert section_hrefs(data) == faq_hrefs(data) == [linked.full_url]


def test_brand_keeps_wagtails_link_and_site_parameter_picks_the_clinic(brand_api, linked, clinics):
    assert section_hrefs(detail(brand_api)) == [wagtail_href(linked)]
    alias = copy_of(
        clinics["northeast"], linked.get_parent().get_children().get(slug="dry-needling")
    )
    data = brand_api.json(f"pages/{alias.pk}/", site="northeast.localhost")
    assert section_hrefs(data) == ["/treatments/shockwave-therapy/"]


def test_listing_bodies_resolve_for_the_site(northeast_api, downtown_api, linked):
    params = {"type": "treatments.TreatmentPage", "fields": "body", "slug": "dry-needling"}
    (northeast,) = northeast_api.json("pages/", **params)["items"]
    (downtown,) = downtown_api.json("pages/", **params)["items"]
    assert section_hrefs(northeast) == ["/treatments/shockwave-therapy/"]
    assert section_hrefs(downtown) == [linked.full_url]


def test_converted_and_private_copies(northeast_api, linked, clinics):
    local = copy_of(clinics["northeast"], linked)
    ConvertAliasPageAction(local).execute(skip_permission_checks=True)
    local.refresh_from_db()
    local.slug = "northeast-shockwave"
    local.save_revision().publish()
    assert section_hrefs(detail(northeast_api)) == ["/treatments/northeast-shockwave/"]

    PageViewRestriction.objects.create(
        page=local, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    data = detail(northeast_api)
    assert section_hrefs(data) == [linked.full_url]
    assert "northeast-shockwave" not in str(data)


def test_unpublished_target_is_what_wagtail_renders(northeast_api, downtown_api, linked):
    linked.unpublish()
    for api in (northeast_api, downtown_api):
        assert section_hrefs(detail(api)) == [wagtail_href(linked)]


def test_markdown_format_resolves_the_same_way(northeast_api, downtown_api, linked):
    northeast = detail(northeast_api, rich_text_format="markdown")
    downtown = detail(downtown_api, rich_text_format="markdown")
    section = [b for b in northeast["body"] if b["type"] == "section"][-1]["value"]["body"]
    assert "[shockwave therapy](/treatments/shockwave-therapy/)" in section
    section = [b for b in downtown["body"] if b["type"] == "section"][-1]["value"]["body"]
    assert f"[shockwave therapy]({linked.full_url})" in section


def test_cached_api_response_follows_the_clinic_copy(northeast_api, linked, clinics, settings):
    settings.RESPONSE_CACHE_ENABLED = True
    assert section_hrefs(detail(northeast_api)) == ["/treatments/shockwave-therapy/"]
    copy_of(clinics["northeast"], linked).unpublish()
    assert section_hrefs(detail(northeast_api)) == [linked.full_url]


def _queries(api, path, **params):
    api.json(path, **params)
    with CaptureQueriesContext(connection) as captured:
        api.json(path, **params)
    return len(captured)


def linked_treatments(clinic, library, count, blocks):
    """Local treatments whose every rich text links to library treatments (several targets)."""
    targets = [library[slug] for slug in ("shockwave-therapy", "massage-therapy")]
    pages = add_treatments(clinic, library["dry-needling"], count, blocks)
    for page in pages:
        body = []
        for i, block in enumerate(page.body.raw_data):
            if block["type"] == "section":
                target = targets[i % len(targets)]
                block = {
                    **block,
                    "value": {
                        **block["value"],
                        "body": f'<p><a linktype="page" id="{target.pk}">Also</a></p>',
                    },
                }
            body.append(block)
        page.body = body
        page.save_revision().publish()
    return pages


def test_link_resolution_is_one_query_whatever_the_number_of_links(
    northeast_api, library, clinics, settings
):
    settings.RESPONSE_CACHE_ENABLED = False
    small = linked_treatments(clinics["northeast"], library, 1, blocks=10)[0]
    large = linked_treatments(clinics["northeast"], library, 1, blocks=80)[0]
    plain = TreatmentPage.objects.descendant_of(clinics["northeast"]).get(slug="dry-needling")
    counts = [_queries(northeast_api, f"pages/{page.pk}/") for page in (small, large)]
    unlinked = _queries(northeast_api, f"pages/{plain.pk}/")
    print(f"linked detail: 10 blocks -> {counts[0]}, 80 blocks -> {counts[1]}; no links {unlinked}")
    assert counts[0] == counts[1] <= unlinked + 1
    assert "/treatments/shockwave-therapy/" in str(northeast_api.json(f"pages/{large.pk}/"))

    # The newest first: every page listed has links.
    params = {"type": "treatments.TreatmentPage", "fields": "body", "order": "-id"}
    linked_treatments(clinics["northeast"], library, 6, blocks=12)
    listing = [_queries(northeast_api, "pages/", limit=n, **params) for n in (2, 6)]
    print(f"linked listing: limit 2 -> {listing[0]}, limit 6 -> {listing[1]}")
    assert listing[0] == listing[1]
