"""A cached page depends on what its StreamField's choosers point at, found by block type:
a chooser named `poster` counts, a number named `image` does not."""

import pytest
from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from cms.delivery.stream_references import stream_references
from treatments.tags import TreatmentTag

pytestmark = pytest.mark.django_db


class SlideBlock(blocks.StructBlock):
    poster = ImageChooserBlock()
    image = blocks.IntegerBlock()  # a number with a chooser's name: not a reference
    caption = blocks.RichTextBlock()


class ShowcaseStream(blocks.StreamBlock):
    slides = blocks.ListBlock(SlideBlock())
    related = blocks.PageChooserBlock()
    topic = SnippetChooserBlock(TreatmentTag)
    page = blocks.CharBlock()  # a string named like a page chooser


def test_choosers_are_found_by_type_at_any_depth():
    raw = [
        {
            "type": "slides",
            "id": "a",
            "value": [
                {
                    "type": "item",
                    "id": "b",
                    "value": {
                        "poster": 7,
                        "image": 99,
                        "caption": '<p>See <a linktype="page" id="12">this</a>.</p>',
                    },
                },
                {"poster": 8, "image": 98, "caption": ""},  # an old-style list item
            ],
        },
        {"type": "related", "id": "c", "value": 5},
        {"type": "topic", "id": "d", "value": 3},
        {"type": "page", "id": "e", "value": "41"},
        {"type": "retired_block", "id": "f", "value": {"image": 1}},  # no longer defined
    ]
    found = stream_references(StreamValue(ShowcaseStream(), raw, is_lazy=True))
    assert found.images == {7, 8}
    assert found.pages == {5, 12}
    assert found.tags == {3}


def test_the_demo_treatment_references_its_images_tags_and_links(library):
    """On a real treatment body: its image block's image, the conditions' tags, the CTA's page."""
    from treatments.models import TreatmentPage

    page = library["dry-needling"]
    page.body.append(("image", {"image": page.hero_image, "alt_text": "A session.", "caption": ""}))
    page.save()
    page = TreatmentPage.objects.get(pk=page.pk)
    found = stream_references(page.body)
    shown_tags = {
        item["tag"].pk
        for block in page.body
        if block.block_type == "conditions"
        for item in block.value["items"]
        if item["tag"]
    }
    assert found.images == {page.hero_image_id}
    assert shown_tags and found.tags == shown_tags
