"""Frequently asked questions as native disclosure widgets."""

from wagtail import blocks

from .content import RICH_TEXT_FEATURES, heading_block


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=200)
    answer = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = "Question"


class FAQBlock(blocks.StructBlock):
    heading = heading_block(default="Frequently asked questions")
    items = blocks.ListBlock(QuestionBlock(), min_num=1, max_num=30, label="Questions")

    class Meta:
        icon = "help"
        label = "FAQ"
        template = "treatments/blocks/faq.html"
        description = "Questions and answers; at least one."
        preview_value = {
            "heading": "Questions",
            "items": [{"question": "Does it hurt?", "answer": "<p>Mostly a brief ache.</p>"}],
        }
