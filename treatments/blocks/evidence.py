"""Blocks that carry clinical claims and their sources: safety and evidence."""

from decimal import Decimal

from wagtail import blocks

from cms.jsonschema import obj

from .citation import CitationBlock
from .content import heading_block


class SideEffectBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=80)
    incidence = blocks.DecimalBlock(
        min_value=Decimal("0"),
        max_value=Decimal("100"),
        max_digits=5,
        decimal_places=2,
        help_text="Incidence in percent, between 0 and 100.",
        label="Incidence (%)",
    )

    class Meta:
        icon = "warning"
        label = "Side effect"

    def get_api_representation(self, value, context=None):
        return {"name": value["name"], "incidence_percent": float(value["incidence"])}

    def api_schema(self, schemas):
        return schemas.named(
            self,
            lambda: obj(
                {
                    "name": schemas.schema(self.child_blocks["name"]),
                    "incidence_percent": {"type": "number", "minimum": 0, "maximum": 100},
                }
            ),
        )


class GuidanceBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=100)
    text = blocks.TextBlock(max_length=600)

    class Meta:
        icon = "help"
        label = "Guidance"


class SafetyBlock(blocks.StructBlock):
    heading = heading_block()
    intro = blocks.TextBlock(max_length=600)
    side_effects_heading = blocks.CharBlock(max_length=120, default="Common side effects")
    side_effects_text = blocks.TextBlock(required=False, max_length=600)
    side_effects = blocks.ListBlock(SideEffectBlock(), min_num=1, max_num=12)
    side_effects_source = CitationBlock(required=True, label="Source of the incidence figures")
    serious_risks_heading = blocks.CharBlock(max_length=120, default="Serious risks")
    serious_risks = blocks.TextBlock(max_length=800)
    serious_risks_source = CitationBlock(label="Source on serious risks")
    guidance = blocks.ListBlock(GuidanceBlock(), min_num=0, max_num=6, default=[])

    class Meta:
        icon = "warning"
        template = "treatments/blocks/safety.html"
        description = "Side effects with incidence figures and sources, serious risks and guidance."
        preview_value = {
            "heading": "Is it safe?",
            "intro": "Most reactions are mild and short-lived.",
            "side_effects": [{"name": "Bruising", "incidence": "7.7"}],
            "serious_risks": "Serious complications are rare.",
        }


class EvidenceBlock(blocks.StructBlock):
    claim = blocks.CharBlock(max_length=200, help_text="The claim, in one line.")
    summary = blocks.TextBlock(max_length=800, help_text="What the study found, in plain words.")
    citation = CitationBlock(required=True)

    class Meta:
        icon = "doc-full-inverse"
        template = "treatments/blocks/evidence.html"
        description = "A claim with the study that supports it."
        preview_value = {
            "claim": "Relief after one session",
            "summary": "Patients reported less shoulder pain straight after treatment.",
            "citation": {"journal": "JOSPT", "year": 2019},
        }
