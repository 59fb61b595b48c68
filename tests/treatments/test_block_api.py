"""Blocks give the same clinic resolution in JSON as in HTML."""

from django.test import RequestFactory
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from treatments.models import TreatmentPage


def _representation(page, host):
    request = RequestFactory().get("/", HTTP_HOST=host)
    body = page.body
    return {
        b["type"]: b["value"]
        for b in body.stream_block.get_api_representation(body, {"request": request, "page": page})
    }


def test_clinic_site_resolves_cta_and_quote_to_that_clinic(library, clinics):
    alias = TreatmentPage.objects.descendant_of(clinics["downtown"]).get(slug="dry-needling")
    data = _representation(alias, "downtown.localhost")
    assert data["cta"]["links"] == [
        {
            "label": "Book your consultation",
            "href": clinics["downtown"].booking_url,
            "clinic": {
                "id": clinics["downtown"].pk,
                "name": clinics["downtown"].title,
                "url": "http://downtown.localhost/",
                "phone": "+14035550178",
                "booking_url": clinics["downtown"].booking_url,
            },
        }
    ]
    assert (
        data["quote"]["attribution_line"]
        == f"Our physiotherapy team at {clinics['downtown'].title}"
    )


def test_brand_site_resolves_to_every_offering_clinic(library, clinics):
    data = _representation(library["dry-needling"], "localhost")
    assert [link["clinic"]["id"] for link in data["cta"]["links"]] == [
        clinics["downtown"].pk,
        clinics["northeast"].pk,
    ]
    assert [c["name"] for c in data["quote"]["clinics"]] == [
        clinics["downtown"].title,
        clinics["northeast"].title,
    ]


def test_typed_values_in_json(library):
    data = _representation(library["dry-needling"], "localhost")
    assert [e["incidence_percent"] for e in data["safety"]["side_effects"]] == [16.0, 7.7, 5.9]
    assert data["conditions"]["items"][4]["tag"]["slug"] == "tension-headache"
    assert data["faq"]["items"][0]["answer"].startswith("<p>")


def test_image_block_html_and_json(client, library, clinics):
    image = get_image_model().objects.create(title="Room", file=get_test_image_file())
    page = library["massage-therapy"]
    page.body.append(
        (
            "image",
            {
                "image": image,
                "alt_text": "A treatment room with a massage table",
                "caption": "Our Downtown room",
            },
        )
    )
    page.save_revision().publish()
    html = client.get(
        "/treatments/massage-therapy/", HTTP_HOST="downtown.localhost"
    ).content.decode()
    assert '<figure class="block-image">' in html
    assert 'alt="A treatment room with a massage table"' in html
    assert "<figcaption>Our Downtown room</figcaption>" in html
    data = _representation(page, "localhost")
    assert data["image"]["image"]["alt"] == "A treatment room with a massage table"
    assert set(data["image"]["image"]["renditions"]) == {
        "thumbnail",
        "small",
        "medium",
        "large",
        "social",
    }
