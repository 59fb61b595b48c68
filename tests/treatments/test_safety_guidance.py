"""Guidance in a Safety block is optional: a new block starts with no guidance items, and a
Safety block saved without any is valid."""

from django.urls import reverse
from wagtail.blocks.stream_block import StreamBlockAdapter
from wagtail.test.utils.form_data import nested_form_data, streamfield

from treatments.blocks import SafetyBlock
from treatments.models import TreatmentPage

from ..admin_forms import citation, list_block


def test_a_new_safety_block_has_no_guidance_items():
    assert list(SafetyBlock().get_default()["guidance"]) == []


def test_the_admin_adds_a_safety_block_with_an_empty_guidance_list():
    # The state the page editor gives a Safety block an editor inserts into the body.
    body = TreatmentPage._meta.get_field("body").stream_block
    default_states = StreamBlockAdapter().js_args(body)[2]
    assert default_states["safety"]["guidance"] == []
    # The required lists keep their one blank item to fill in.
    assert len(default_states["safety"]["side_effects"]) == 1


def test_a_safety_block_posted_without_guidance_is_saved(admin_client, library):
    index = library["dry-needling"].get_parent()
    url = reverse("wagtailadmin_pages:add", args=("treatments", "treatmentpage", index.pk))
    safety = {
        "heading": "Is cupping safe?",
        "intro": "Marks fade within a week.",
        "side_effects_heading": "Common side effects",
        "side_effects_text": "",
        "side_effects": list_block([{"name": "Round marks", "incidence": "16"}]),
        "side_effects_source": citation(journal="Pain Medicine"),
        "serious_risks_heading": "Serious risks",
        "serious_risks": "Burns only with fire cupping.",
        "serious_risks_source": citation(),
        "guidance": list_block([]),
    }
    data = nested_form_data(
        {
            "title": "Cupping",
            "slug": "cupping",
            "summary": "Suction cups lift the skin.",
            "body": streamfield([("safety", safety)]),
            "tags": "",
            "action-publish": "publish",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, (
        response.context["form"].errors if response.context else response
    )
    page = TreatmentPage.objects.get(slug="cupping")
    assert page.live
    [block] = page.body
    assert block.block_type == "safety"
    assert list(block.value["guidance"]) == []
    assert page.url and admin_client.get(page.url).status_code == 200
