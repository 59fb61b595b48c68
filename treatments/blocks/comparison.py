"""Side-by-side comparison of two approaches, rendered as an accessible table."""

from wagtail import blocks

from .content import heading_block


class ComparisonRowBlock(blocks.StructBlock):
    aspect = blocks.CharBlock(max_length=80)
    left = blocks.TextBlock(max_length=400)
    right = blocks.TextBlock(max_length=400)

    class Meta:
        icon = "table"
        label = "Row"


class ComparisonBlock(blocks.StructBlock):
    heading = heading_block()
    intro = blocks.TextBlock(required=False, max_length=600)
    left_label = blocks.CharBlock(max_length=60, help_text="Name of the first column.")
    right_label = blocks.CharBlock(max_length=60, help_text="Name of the second column.")
    rows = blocks.ListBlock(ComparisonRowBlock(), min_num=1, max_num=20)

    class Meta:
        icon = "table"
        template = "treatments/blocks/comparison.html"
        description = "Two named columns compared aspect by aspect."
        preview_value = {
            "heading": "Compared",
            "left_label": "Dry needling",
            "right_label": "Acupuncture",
            "rows": [{"aspect": "Aim", "left": "Muscle", "right": "Energy flow"}],
        }
