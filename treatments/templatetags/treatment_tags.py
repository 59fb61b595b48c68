"""Template tags of treatment pages and of the site roots that list them."""

from decimal import Decimal, InvalidOperation

from django import template

from cms.visibility import public_pages

from ..cards import treatment_cards
from ..models import TreatmentPage

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


@register.simple_tag(takes_context=True)
def treatments_under(context, page, limit=None):
    """The public treatment cards under `page` (the brand home: the library; a clinic's
    home: what it offers), by title; `limit` shows the first few only."""
    treatments = public_pages(None, TreatmentPage).descendant_of(page)
    return treatment_cards(treatments, context.get("request"), limit=limit)
