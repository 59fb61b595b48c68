"""A clinic's public facts: the one definition every shape of a clinic is built from.

Each fact is a value read from a ClinicPage, as JSON, and its JSON Schema. The
four shapes a clinic takes are subsets of these facts, on purpose:

- clinic/ (cms/api/clinic.py) serves every fact, through ClinicPage.api_fields
  (`id`, `slug` and `url` are Wagtail's there: `id`, `meta.slug`, `meta.html_url`);
- ClinicSummary, a clinic in clinic-aware blocks: SUMMARY (who to book with or call);
- ClinicMeta, `meta.clinic` of page responses: IDENTITY, plus its clinic/ URL;
- the JSON-LD MedicalClinic node (cms/seo/jsonld.py): the facts under schema.org's names.

A new fact is its model field and one entry in FACTS: clinic/ serves it and the
OpenAPI document describes it. Name it in SUMMARY, IDENTITY or the JSON-LD node
too when it belongs there. Imports nothing of the project but cms/jsonschema.py,
so home/models.py can build its api_fields from it.
"""

from collections.abc import Callable
from operator import attrgetter
from typing import NamedTuple

from django.db import models
from rest_framework.fields import Field
from wagtail.api import APIField

from cms.jsonschema import INTEGER, NUMBER, STRING, URL, nullable, ref


class Province(models.TextChoices):
    AB = "AB", "Alberta"
    BC = "BC", "British Columbia"
    MB = "MB", "Manitoba"
    NB = "NB", "New Brunswick"
    NL = "NL", "Newfoundland and Labrador"
    NS = "NS", "Nova Scotia"
    NT = "NT", "Northwest Territories"
    NU = "NU", "Nunavut"
    ON = "ON", "Ontario"
    PE = "PE", "Prince Edward Island"
    QC = "QC", "Quebec"
    SK = "SK", "Saskatchewan"
    YT = "YT", "Yukon"


class Fact(NamedTuple):
    read: Callable  # ClinicPage -> its JSON value
    schema: dict


def opening_hours(clinic):
    """The week in day order: [{day, day_name, opens, closes, closed}]; times as HH:MM."""
    return [
        {
            "day": row.day,
            "day_name": row.get_day_display(),
            "opens": f"{row.opens:%H:%M}" if row.opens else None,
            "closes": f"{row.closes:%H:%M}" if row.closes else None,
            "closed": row.closed,
        }
        for row in clinic.opening_hours
    ]


def _text(name):
    return Fact(attrgetter(name), STRING)


def _degrees(name):
    return Fact(lambda clinic: float(getattr(clinic, name)), NUMBER)


FACTS = {
    "id": Fact(attrgetter("pk"), INTEGER),
    "name": Fact(attrgetter("title"), STRING),
    "slug": _text("slug"),
    "url": Fact(attrgetter("full_url"), nullable(URL)),  # the clinic site's home
    "street_address": _text("street_address"),
    "city": _text("city"),
    "province": Fact(attrgetter("province"), {"type": "string", "enum": Province.values}),
    "postal_code": _text("postal_code"),
    "country": _text("country"),
    "latitude": _degrees("latitude"),
    "longitude": _degrees("longitude"),
    "phone": Fact(lambda clinic: str(clinic.phone), STRING),  # E.164
    "email": _text("email"),
    "booking_url": _text("booking_url"),
    "opening_hours": Fact(opening_hours, {"type": "array", "items": ref("OpeningHours")}),
}
# clinic/ serves these through Wagtail's own fields (id, meta.slug, meta.html_url).
SERVED_BY_WAGTAIL = ("id", "slug", "url")
SUMMARY = ("id", "name", "url", "phone", "booking_url")
IDENTITY = ("id", "name", "slug")


def clinic_facts(clinic, names):
    """{name: value} for the facts `names`, in that order (only those are read)."""
    return {name: FACTS[name].read(clinic) for name in names}


def facts_schema(names, **overrides):
    """The properties of the facts `names` (the shape's schema lists exactly those)."""
    return {name: overrides.get(name, FACTS[name].schema) for name in names}


class ClinicFactField(Field):
    """One fact as clinic/ serves it; api_schema() gives the OpenAPI document its schema."""

    def __init__(self, name, **kwargs):
        self.fact = FACTS[name]
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, clinic):
        return self.fact.read(clinic)

    def api_schema(self, schemas=None):
        return self.fact.schema


def api_fields():
    """ClinicPage's API fields: every fact Wagtail does not serve itself."""
    return [
        APIField(name, serializer=ClinicFactField(name))
        for name in FACTS
        if name not in SERVED_BY_WAGTAIL
    ]
