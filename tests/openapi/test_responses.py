"""Real API responses validate against the document, and the document rejects what the API never sends."""

import copy

from wagtail.images import get_image_model

from tests.admin_forms import citation

from .conftest import errors_for

PAGES, PAGE = "/api/v2/pages/", "/api/v2/pages/{id}/"
HOSTS = ("localhost", "northeast.localhost", "downtown.localhost")


def get_valid(client, document, path, url, host, status=200, **params):
    response = client.get(url, params, HTTP_HOST=host)
    assert response.status_code == status, (url, params, response.content[:300])
    data = response.json()
    assert errors_for(document, path, status, data) == [], (host, url, params)
    return data


def test_dry_needling_detail_validates_on_the_brand_and_every_clinic(client, document, library):
    dry_needling = library["dry-needling"]
    for host in HOSTS:
        listing = get_valid(
            client,
            document,
            PAGES,
            PAGES,
            host,
            type="treatments.TreatmentPage",
            slug="dry-needling",
        )
        (item,) = listing["items"]
        data = get_valid(client, document, PAGE, f"{PAGES}{item['id']}/", host)
        assert {block["type"] for block in data["body"]} >= {"section", "safety", "cta", "quote"}
    data = get_valid(client, document, PAGE, f"{PAGES}{dry_needling.pk}/", "localhost")
    assert len(data["body"]) == len(dry_needling.body)


def test_listings_with_every_field_validate(client, document, library):
    for host in HOSTS:
        get_valid(client, document, PAGES, PAGES, host, fields="*", limit=50)
        get_valid(client, document, PAGES, PAGES, host, type="treatments.TreatmentPage", fields="*")
        get_valid(client, document, PAGES, PAGES, host, fields="_,title", limit=3)
        for name in ("images", "documents", "clinic", "tags"):
            path = f"/api/v2/{name}/"
            data = get_valid(client, document, path, path, host, fields="*")
            for item in data["items"][:3]:
                get_valid(client, document, f"{path}{{id}}/", f"{path}{item['id']}/", host)


def test_errors_validate(client, document, library):
    get_valid(client, document, PAGES, PAGES, "localhost", status=400, site="nowhere.localhost")
    get_valid(client, document, PAGES, PAGES, "localhost", status=400, limit="1000")
    get_valid(client, document, PAGE, f"{PAGES}abc/", "localhost", status=400)
    other_clinic = library["shockwave-therapy"].pk  # only south carries it; the original is brand
    get_valid(client, document, PAGE, f"{PAGES}{other_clinic}/", "downtown.localhost", status=404)


def test_every_block_kind_and_variant_validates(client, document, library):
    """A page using the image block, a page CTA, a URL CTA and a full citation."""
    page = library["massage-therapy"]
    image = get_image_model().objects.first()
    target = library["dry-needling"]
    stream = list(page.body.raw_data)
    stream.append({"type": "image", "value": {"image": image.pk, "alt_text": "A", "caption": ""}})
    for action, extra in (("page", {"page": target.pk}), ("url", {"url": "https://example.com"})):
        value = {"heading": "Go", "text": "", "action": action, "button_label": "Go", **extra}
        stream.append({"type": "cta", "value": value})
    cited = citation(source="Trial", journal="JOSPT", year=2019, doi="10.2519/jospt.2019.8697")
    stream.append({"type": "evidence", "value": {"claim": "C", "summary": "S", "citation": cited}})
    page.body = stream
    page.save_revision().publish()
    data = get_valid(client, document, PAGE, f"{PAGES}{page.pk}/", "localhost")
    blocks = {block["type"]: block["value"] for block in data["body"]}
    assert blocks["image"]["image"]["renditions"]["medium"]["url"]
    assert blocks["evidence"]["citation"]["href"] == "https://doi.org/10.2519/jospt.2019.8697"
    links = [b["value"]["links"] for b in data["body"] if b["type"] == "cta"]
    assert ["https://example.com"] in [[link["href"] for link in group] for group in links]


def test_the_schema_rejects_what_the_api_never_sends(client, document, library):
    response = client.get(f"{PAGES}{library['dry-needling'].pk}/")
    good = response.json()
    assert errors_for(document, PAGE, 200, good) == []

    def broken(change):
        data = copy.deepcopy(good)
        change(data)
        return errors_for(document, PAGE, 200, data)

    def block(data, block_type):
        return next(b["value"] for b in data["body"] if b["type"] == block_type)

    assert broken(lambda d: block(d, "safety")["side_effects"][0].update(incidence_percent="16"))
    assert broken(lambda d: block(d, "safety")["side_effects"][0].update(incidence_percent=120))
    assert broken(lambda d: block(d, "cta").pop("links"))
    assert broken(lambda d: block(d, "cta").update(action="fax"))
    assert broken(lambda d: block(d, "quote").update(colour="red"))
    assert broken(lambda d: block(d, "section").update(body=None))
    assert broken(lambda d: d["body"][0].update(type="carousel"))
    assert broken(lambda d: d["body"].append({"type": "faq", "value": {"heading": "Q"}, "id": "x"}))
    assert broken(lambda d: d["meta"].update(type="home.ClinicPage"))
    assert broken(lambda d: d["hero_image"]["renditions"].pop("social"))
    assert broken(lambda d: d.update(reviewed_on=20260926))


def test_every_listing_takes_the_site_parameter(client, document, library):
    """docs/api.md: any request may name its site with ?site= (images and documents too)."""
    for name in ("pages", "images", "documents", "clinic", "tags"):
        path = f"/api/v2/{name}/"
        assert "site" in {p["name"] for p in document["paths"][path]["get"]["parameters"]}
        data = get_valid(client, document, path, path, "localhost", site="northeast.localhost")
        for item in data["items"]:
            assert item["meta"]["detail_url"].startswith("http://northeast.localhost/")


def test_a_value_the_database_rejects_is_a_400_not_a_500(client, document, library):
    """PostgreSQL refuses a time zone offset beyond +/-15:59 (found by schemathesis)."""
    response = client.get(PAGES, {"first_published_at": "2026-02-05T11:58:09+20:00"})
    assert response.status_code in (200, 400)  # SQLite compares it as text: no match
    assert errors_for(document, PAGES, response.status_code, response.json()) == []
