"""Prose blocks of a treatment page: sections, benefits, conditions, steps, images."""

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from cms.jsonschema import nullable, obj, ref
from treatments.renditions import (
    RenditionImageChooserBlock,
    image_api_representation,
    request_root_url,
)

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3"]

ICON_CHOICES = [
    ("pain-relief", "Pain relief"),
    ("recovery", "Recovery"),
    ("flexibility", "Flexibility"),
    ("stress", "Stress"),
    ("prevention", "Prevention"),
    ("posture", "Posture"),
    ("movement", "Movement"),
    ("sleep", "Sleep"),
]


def heading_block(**kwargs):
    return blocks.CharBlock(max_length=120, help_text="Shown as a level-2 heading.", **kwargs)


class SectionBlock(blocks.StructBlock):
    heading = heading_block()
    body = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "doc-full"
        template = "treatments/blocks/section.html"
        description = "A heading followed by formatted text."
        preview_value = {
            "heading": "How the treatment works",
            "body": "<p>Fine filament needles release tight bands of muscle.</p>",
        }


class BenefitBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=80)
    description = blocks.TextBlock(max_length=400)
    icon = blocks.ChoiceBlock(choices=ICON_CHOICES, required=False)

    class Meta:
        icon = "tick"
        label = "Benefit"


class BenefitsBlock(blocks.StructBlock):
    heading = heading_block()
    intro = blocks.TextBlock(required=False, max_length=400)
    items = blocks.ListBlock(BenefitBlock(), min_num=1, max_num=12, label="Benefits")

    class Meta:
        icon = "tick-inverse"
        template = "treatments/blocks/benefits.html"
        description = "What patients gain: one to twelve benefits, each a title and a sentence."
        preview_value = {
            "heading": "Why patients choose it",
            "items": [
                {"title": "Less pain", "description": "Tight spots relax.", "icon": "pain-relief"}
            ],
        }


class ConditionBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=80)
    description = blocks.TextBlock(max_length=400)
    tag = SnippetChooserBlock(
        "treatments.TreatmentTag",
        required=False,
        help_text="Optional: the tag whose landing page lists treatments for this condition.",
    )

    class Meta:
        icon = "user"
        label = "Condition or group"

    def get_api_representation(self, value, context=None):
        tag = value.get("tag")
        return {
            "name": value["name"],
            "description": value["description"],
            "tag": {"id": tag.pk, "name": tag.name, "slug": tag.slug} if tag else None,
        }

    def api_schema(self, schemas):
        return schemas.named(
            self,
            lambda: obj(
                {
                    "name": schemas.schema(self.child_blocks["name"]),
                    "description": schemas.schema(self.child_blocks["description"]),
                    "tag": nullable(ref("TagSummary")),
                }
            ),
        )


class ConditionsBlock(blocks.StructBlock):
    heading = heading_block()
    intro = blocks.TextBlock(required=False, max_length=400)
    items = blocks.ListBlock(ConditionBlock(), min_num=1, max_num=20, label="Conditions")

    class Meta:
        icon = "group"
        template = "treatments/blocks/conditions.html"
        description = "Who can benefit: conditions or groups of people, optionally linked to a tag."
        preview_value = {
            "heading": "Who it helps",
            "items": [{"name": "Desk workers", "description": "Stiff necks from long sitting."}],
        }


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=80)
    description = blocks.TextBlock(max_length=600)

    class Meta:
        icon = "arrow-right"
        label = "Step"


class StepsBlock(blocks.StructBlock):
    heading = heading_block()
    intro = blocks.TextBlock(required=False, max_length=400)
    items = blocks.ListBlock(StepBlock(), min_num=1, max_num=10, label="Steps")
    outro = blocks.TextBlock(required=False, max_length=400, help_text="Optional closing note.")

    class Meta:
        icon = "list-ol"
        template = "treatments/blocks/steps.html"
        description = "An ordered sequence, such as what happens in a session."
        preview_value = {
            "heading": "Your visit",
            "items": [{"title": "Assessment", "description": "We look at how you move."}],
        }


class ImageBlock(blocks.StructBlock):
    image = RenditionImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250,
        help_text="Describe what the image shows for people who cannot see it.",
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "treatments/blocks/image.html"
        description = "An image with its alt text and an optional caption."

    def get_api_representation(self, value, context=None):
        return {
            "image": image_api_representation(
                value["image"],
                alt=value["alt_text"],
                root_url=request_root_url((context or {}).get("request")),
            ),
            "alt_text": value["alt_text"],
            "caption": value["caption"],
        }

    def api_schema(self, schemas):
        return schemas.named(
            self,
            lambda: obj(
                {
                    "image": nullable(ref("Image")),
                    "alt_text": schemas.schema(self.child_blocks["alt_text"]),
                    "caption": schemas.schema(self.child_blocks["caption"]),
                }
            ),
        )
