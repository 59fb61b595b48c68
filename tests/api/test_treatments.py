"""Treatment pages through the API as a clinic front end reads them."""

import pytest

from .conftest import Api, ids, path_of

TREATMENT = "treatments.TreatmentPage"


@pytest.fixture
def dry_needling(northeast_api, library):
    """The northeast clinic's alias of dry needling, fetched through find."""
    response = northeast_api.get("pages/find/", html_path="/treatments/dry-needling/")
    assert response.status_code == 302
    return northeast_api.json(path_of(response["Location"]))


def blocks_of(detail, block_type):
    return [block["value"] for block in detail["body"] if block["type"] == block_type]


def test_listing_of_a_clinics_treatments_with_full_bodies(northeast_api, library, clinics):
    data = northeast_api.json("pages/", type=TREATMENT, fields="*")
    titles = sorted(item["title"] for item in data["items"])
    assert titles == [
        "Dry needling",
        "Massage therapy",
        "Shockwave therapy",
        "Vestibular rehabilitation",
    ]
    for item in data["items"]:
        assert item["meta"]["html_url"].startswith("http://northeast.localhost/treatments/")
        assert item["body"] and all({"type", "value", "id"} <= set(block) for block in item["body"])
        assert item["summary"] and item["tags"]
        assert item["meta"]["clinic"]["slug"] == "northeast"


def test_listing_is_per_clinic(downtown_api, library):
    data = downtown_api.json("pages/", type=TREATMENT)
    assert sorted(item["meta"]["slug"] for item in data["items"]) == [
        "dry-needling",
        "massage-therapy",
    ]


def test_detail_carries_every_treatment_field(dry_needling, clinics):
    assert dry_needling["meta"]["type"] == TREATMENT
    assert dry_needling["meta"]["seo_title"]
    assert dry_needling["meta"]["search_description"]
    assert dry_needling["summary"]
    assert dry_needling["reviewer_name"] and dry_needling["reviewer_credentials"]
    assert dry_needling["reviewed_on"] < dry_needling["next_review_due"]
    assert (
        dry_needling["tags"] == sorted(dry_needling["tags"]) and "back pain" in dry_needling["tags"]
    )
    assert dry_needling["meta"]["clinic"] == {
        "id": clinics["northeast"].pk,
        "name": clinics["northeast"].title,
        "slug": "northeast",
        "detail_url": f"http://northeast.localhost/api/v2/clinic/{clinics['northeast'].pk}/",
    }


def test_hero_image_as_renditions(dry_needling):
    hero = dry_needling["hero_image"]
    assert hero["meta"]["type"] == "wagtailimages.Image"
    assert hero["alt"]
    assert set(hero["renditions"]) == {"thumbnail", "small", "medium", "large", "social"}
    thumbnail = hero["renditions"]["thumbnail"]
    assert (thumbnail["width"], thumbnail["height"]) == (400, 300)
    for rendition in hero["renditions"].values():
        assert rendition["url"].startswith("http://northeast.localhost/media/images/")


def test_hero_srcset_is_the_one_the_html_serves(client, dry_needling):
    from bs4 import BeautifulSoup

    hero = dry_needling["hero_image"]
    large = hero["renditions"]["large"]
    small, medium = hero["renditions"]["small"], hero["renditions"]["medium"]
    assert hero["srcset"] == (
        f"{small['url']} {small['width']}w, {medium['url']} {medium['width']}w, "
        f"{large['url']} {large['width']}w"
    )
    html = client.get("/treatments/dry-needling/", HTTP_HOST="northeast.localhost")
    img = BeautifulSoup(html.content, "html.parser").select_one(".hero img")
    assert img["srcset"] == hero["srcset"].replace("http://northeast.localhost", "")
    assert img["sizes"] == "(min-width: 62rem) 60rem, 100vw"


def test_body_is_typed_block_json_with_ready_html(dry_needling):
    types = {block["type"] for block in dry_needling["body"]}
    assert {"section", "benefits", "conditions", "steps", "safety", "faq", "cta"} <= types
    section = blocks_of(dry_needling, "section")[0]
    assert section["body"].startswith("<p>") and "linktype" not in section["body"]


def test_clinic_aware_blocks_resolve_for_the_requesting_clinic(dry_needling, clinics):
    northeast = clinics["northeast"]
    booking = [cta for cta in blocks_of(dry_needling, "cta") if cta["action"] == "book"]
    assert booking
    for cta in booking:
        assert [link["href"] for link in cta["links"]] == [northeast.booking_url]
        assert cta["links"][0]["clinic"]["id"] == northeast.pk
    quotes = blocks_of(dry_needling, "quote")
    assert all(northeast.title in q["attribution_line"] for q in quotes if q["attribute_to_clinic"])


def test_brand_site_resolves_blocks_to_the_offering_clinics(brand_api, library, clinics):
    detail = brand_api.json(f"pages/{library['dry-needling'].pk}/")
    assert detail["meta"]["clinic"] is None
    offering = {clinics["northeast"].booking_url, clinics["downtown"].booking_url}
    booking = [cta for cta in blocks_of(detail, "cta") if cta["action"] == "book"]
    assert booking and all({link["href"] for link in cta["links"]} == offering for cta in booking)


def test_site_parameter_resolves_blocks_like_the_host(client, library, clinics):
    via_host = Api(client, "downtown.localhost")
    via_param = Api(client, "localhost")
    find = via_host.get("pages/find/", html_path="/treatments/dry-needling/")
    path = path_of(find["Location"]).rstrip("?")
    assert via_param.json(path, site="downtown.localhost")["body"] == via_host.json(path)["body"]


def test_treatments_filter_by_tag(northeast_api, library):
    data = northeast_api.json("pages/", type=TREATMENT, tags="back pain")
    assert data["items"] and all(
        "back pain" in northeast_api.json(path_of(i["meta"]["detail_url"]))["tags"]
        for i in data["items"]
    )


def test_search_finds_a_clinics_treatment(northeast_api, library):
    assert "Dry needling" in [
        i["title"] for i in northeast_api.json("pages/", search="needling")["items"]
    ]


def test_tags_endpoint_counts_usage_on_the_site(northeast_api, downtown_api, library):
    def counts(api):
        return {i["slug"]: i["usage_count"] for i in api.json("tags/", limit=50)["items"]}

    northeast, downtown = counts(northeast_api), counts(downtown_api)
    assert northeast["back-pain"] >= downtown.get("back-pain", 0)
    assert set(downtown) <= set(northeast)  # downtown offers a subset of northeast's treatments
    tagged = northeast_api.json("pages/", type=TREATMENT, tags="back pain")
    assert northeast["back-pain"] == tagged["meta"]["total_count"]
    found = northeast_api.get("tags/find/", slug="back-pain")
    assert northeast_api.json(path_of(found["Location"]))["description"] is not None


def test_clinic_endpoint_gives_the_facts_and_hours(northeast_api, clinics):
    clinic = clinics["northeast"]
    data = northeast_api.json("clinic/")
    assert ids(data) == [clinic.pk]
    facts = data["items"][0]
    assert facts["name"] == clinic.title
    assert facts["phone"] == str(clinic.phone) and facts["phone"].startswith("+1")
    assert facts["latitude"] == float(clinic.latitude)
    assert facts["booking_url"] == clinic.booking_url
    assert [row["day"] for row in facts["opening_hours"]] == sorted(
        row["day"] for row in facts["opening_hours"]
    )
    assert all(row["closed"] or row["opens"] < row["closes"] for row in facts["opening_hours"])
