"""Number formatting for treatment blocks."""

from decimal import Decimal, InvalidOperation

from django import template

register = template.Library()


@register.filter
def percent(value):
    """A percentage as written in English: "16%", "7.7%", "0.25%" (no padded zeros, no space)."""
    try:
        text = f"{Decimal(str(value)):f}"
    except (InvalidOperation, ValueError):
        return ""
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text}%"
