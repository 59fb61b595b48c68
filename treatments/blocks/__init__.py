"""The treatment body's block library. One module per block family."""

from wagtail import blocks

from .citation import CitationBlock
from .clinic_aware import CTABlock, QuoteBlock
from .comparison import ComparisonBlock
from .content import BenefitsBlock, ConditionsBlock, ImageBlock, SectionBlock, StepsBlock
from .evidence import EvidenceBlock, SafetyBlock
from .faq import FAQBlock

__all__ = [
    "BenefitsBlock",
    "CTABlock",
    "CitationBlock",
    "ComparisonBlock",
    "ConditionsBlock",
    "EvidenceBlock",
    "FAQBlock",
    "ImageBlock",
    "QuoteBlock",
    "SafetyBlock",
    "SectionBlock",
    "StepsBlock",
    "TreatmentBodyBlock",
]


class TreatmentBodyBlock(blocks.StreamBlock):
    section = SectionBlock()
    benefits = BenefitsBlock()
    conditions = ConditionsBlock()
    steps = StepsBlock()
    safety = SafetyBlock()
    evidence = EvidenceBlock()
    comparison = ComparisonBlock()
    faq = FAQBlock()
    quote = QuoteBlock()
    cta = CTABlock(label="Call to action")
    image = ImageBlock()

    class Meta:
        block_counts = {"faq": {"max_num": 1}}
