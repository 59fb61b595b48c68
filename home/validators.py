"""Validators for clinic facts; each raises a message an editor can act on."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

POSTAL_CODE_RE = re.compile(
    r"^([ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z])\s?(\d[ABCEGHJ-NPRSTV-Z]\d)$"
)


def normalize_postal_code(value):
    """Return a Canadian postal code as 'A1A 1A1', or raise ValidationError."""
    match = POSTAL_CODE_RE.match((value or "").strip().upper())
    if not match:
        raise ValidationError(
            "Enter a Canadian postal code in the form A1A 1A1 (letters D, F, I, O, Q, U "
            "are never used, W and Z never come first).",
            code="invalid_postal_code",
        )
    return f"{match.group(1)} {match.group(2)}"


def validate_postal_code(value):
    normalize_postal_code(value)


validate_http_url = URLValidator(
    schemes=["http", "https"], message="Enter a web address starting with http:// or https://."
)
