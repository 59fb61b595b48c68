"""Editors add every block type in the admin; bad values come back as form errors, nothing saved."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from treatments.models import TreatmentIndexPage, TreatmentPage

from ..admin_forms import citation, list_block


def every_block(incidence="7.7", cta_action="book", cta_url=""):
    return [
        ("section", {"heading": "What it is", "body": rich_text("<p>Body</p>")}),
        (
            "benefits",
            {
                "heading": "Benefits",
                "intro": "",
                "items": list_block([{"title": "Less pain", "description": "Yes", "icon": ""}]),
            },
        ),
        (
            "conditions",
            {
                "heading": "Who",
                "intro": "",
                "items": list_block([{"name": "Athletes", "description": "Yes", "tag": ""}]),
            },
        ),
        (
            "steps",
            {
                "heading": "Steps",
                "intro": "",
                "items": list_block([{"title": "Assess", "description": "First"}]),
                "outro": "",
            },
        ),
        (
            "safety",
            {
                "heading": "Safe?",
                "intro": "Mostly.",
                "side_effects_heading": "Side effects",
                "side_effects_text": "",
                "side_effects": list_block([{"name": "Bruising", "incidence": incidence}]),
                "side_effects_source": citation(journal="Pain Medicine"),
                "serious_risks_heading": "Serious risks",
                "serious_risks": "Rare.",
                "serious_risks_source": citation(),
                "guidance": list_block([]),
            },
        ),
        (
            "evidence",
            {"claim": "Works", "summary": "A study", "citation": citation(journal="JOSPT")},
        ),
        (
            "comparison",
            {
                "heading": "Vs",
                "intro": "",
                "left_label": "A",
                "right_label": "B",
                "rows": list_block([{"aspect": "Aim", "left": "1", "right": "2"}]),
            },
        ),
        (
            "faq",
            {
                "heading": "FAQ",
                "items": list_block([{"question": "Q?", "answer": rich_text("<p>A</p>")}]),
            },
        ),
        ("quote", {"text": "Great", "attribution": "A patient", "attribute_to_clinic": "on"}),
        (
            "cta",
            {
                "heading": "Book",
                "text": "",
                "action": cta_action,
                "page": "",
                "url": cta_url,
                "button_label": "Book",
            },
        ),
    ]


def _post_new_treatment(admin_client, library, **kwargs):
    index = TreatmentIndexPage.objects.get(pk=library["dry-needling"].get_parent().pk)
    url = reverse("wagtailadmin_pages:add", args=("treatments", "treatmentpage", index.pk))
    data = nested_form_data(
        {
            "title": "Cupping",
            "slug": "cupping",
            "summary": "Suction cups lift tissue.",
            "body": streamfield(every_block(**kwargs)),
            "tags": "",
            "action-publish": "publish",
        }
    )
    return admin_client.post(url, data)


def test_editor_can_publish_a_page_with_every_block_type(admin_client, library):
    response = _post_new_treatment(admin_client, library)
    assert response.status_code == 302, (
        response.context["form"].errors if response.context else response
    )
    page = TreatmentPage.objects.get(slug="cupping")
    assert page.live
    assert {b.block_type for b in page.body} == {
        "section",
        "benefits",
        "conditions",
        "steps",
        "safety",
        "evidence",
        "comparison",
        "faq",
        "quote",
        "cta",
    }


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"incidence": "140"}, "less than or equal to 100"),
        ({"cta_action": "url", "cta_url": ""}, "Enter the web address"),
    ],
)
def test_bad_block_value_is_a_form_error_and_nothing_is_saved(
    admin_client, library, kwargs, message
):
    count = TreatmentPage.objects.count()
    response = _post_new_treatment(admin_client, library, **kwargs)
    assert response.status_code == 200
    assert "The page could not be created due to validation errors" in response.content.decode()
    errors = response.context["form"].errors["body"].as_data()[0]
    assert message in str(errors.as_json_data())
    assert TreatmentPage.objects.count() == count


def test_editor_can_add_every_block_type_from_the_admin_chooser(admin_client, library):
    index = library["dry-needling"].get_parent()
    html = admin_client.get(
        reverse("wagtailadmin_pages:add", args=("treatments", "treatmentpage", index.pk))
    ).content.decode()
    for name in (
        "section",
        "benefits",
        "conditions",
        "steps",
        "safety",
        "evidence",
        "comparison",
        "faq",
        "quote",
        "cta",
        "image",
    ):
        assert f"StructBlock&quot;, &quot;_args&quot;: [&quot;{name}&quot;" in html, name


@pytest.mark.parametrize("mode", ["brand", "northeast", "downtown", "south"])
def test_preview_per_clinic_resolves_the_call_to_action(library, clinics, mode):
    page = library["dry-needling"]
    assert mode in dict(page.preview_modes)
    html = page.make_preview_request(preview_mode=mode).content.decode()
    if mode == "brand":
        assert clinics["northeast"].booking_url in html and clinics["downtown"].booking_url in html
    else:
        assert clinics[mode].booking_url in html
        others = [c for s, c in clinics.items() if s != mode]
        assert all(c.booking_url not in html for c in others)


def test_block_picker_labels_and_the_cta_field_script(admin_client, library):
    """ "FAQ" in the picker; the CTA block carries the class its field script (which shows
    Page and Web address for their action only) looks for, and the editor loads it."""
    from treatments.blocks import TreatmentBodyBlock

    children = TreatmentBodyBlock().child_blocks
    assert children["faq"].label == "FAQ" and children["cta"].label == "Call to action"
    assert children["cta"].meta.form_classname == "cta-block"
    page = library["dry-needling"]
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "treatments/cta-fields.js" in html
    assert "cta-block" in html and "&quot;FAQ&quot;" in html
