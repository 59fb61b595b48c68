"""Blocks a clinic adds to its copy of a treatment (clinic variations): price and coverage.

Not in the library body (TreatmentBodyBlock): a fee or an insurer list is one
clinic's fact, so it lives only in a clinic's variation (treatments/variations.py).
"""

from decimal import Decimal

from wagtail import blocks

from cms.jsonschema import BOOLEAN, STRING, nullable, obj

CURRENCY = "CAD"


class PriceCoverageBlock(blocks.StructBlock):
    fee = blocks.DecimalBlock(
        min_value=Decimal("0"),
        max_digits=8,
        decimal_places=2,
        help_text=f"The fee of one session, in {CURRENCY}.",
        label=f"Fee ({CURRENCY})",
    )
    duration_minutes = blocks.IntegerBlock(
        min_value=1, max_value=600, required=False, label="Duration (minutes)"
    )
    direct_billing = blocks.BooleanBlock(
        required=False, help_text="The clinic bills the insurer directly."
    )
    insurers = blocks.ListBlock(
        blocks.CharBlock(max_length=80, label="Insurer"),
        default=[],
        label="Accepted insurers",
        max_num=30,
    )
    note = blocks.TextBlock(required=False, max_length=400)

    class Meta:
        icon = "tag"
        label = "Price and coverage"
        template = "treatments/blocks/price_coverage.html"
        description = "A clinic's fee, session length, direct billing and accepted insurers."

    def get_api_representation(self, value, context=None):
        return {
            "fee": float(value["fee"]) if value["fee"] is not None else None,
            "currency": CURRENCY,
            "duration_minutes": value["duration_minutes"],
            "direct_billing": bool(value["direct_billing"]),
            "insurers": [name for name in value["insurers"] if name],
            "note": value["note"],
        }

    def api_schema(self, schemas):
        return schemas.named(
            self,
            lambda: obj(
                {
                    "fee": nullable({"type": "number", "minimum": 0}),
                    "currency": {"type": "string", "const": CURRENCY},
                    "duration_minutes": nullable({"type": "integer", "minimum": 1}),
                    "direct_billing": BOOLEAN,
                    "insurers": {"type": "array", "items": STRING},
                    "note": STRING,
                },
                description=str(self.meta.description),
            ),
        )
