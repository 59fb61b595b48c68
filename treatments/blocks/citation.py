"""A citation of a published source; shared by the evidence and safety blocks."""

import datetime
import re

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from cms.jsonschema import nullable

# Crossref's pattern for modern DOIs: a registrant code, then letters, digits and
# - . _ ; ( ) / : only. No quotes, angle brackets, ampersands or spaces, so a DOI
# can never carry markup into an href, an attribute or JSON-LD.
DOI_RE = re.compile(r"^10\.\d{4,9}/[-._;()/:A-Za-z0-9]+$")


class CitationValue(blocks.StructValue):
    @property
    def is_empty(self):
        return not any(self.get(name) for name in ("source", "journal", "year", "url", "doi"))

    @property
    def href(self):
        """Where a reader can check the source: the URL, else the DOI resolver."""
        if self.get("url"):
            return self["url"]
        if self.get("doi"):
            return f"https://doi.org/{self['doi']}"
        return ""


class CitationBlock(blocks.StructBlock):
    """Source, journal, year and a link (URL or DOI). Optional as a whole unless `required`."""

    source = blocks.CharBlock(
        required=False, max_length=300, help_text="Title of the study or its authors."
    )
    journal = blocks.CharBlock(required=False, max_length=200)
    year = blocks.IntegerBlock(required=False, min_value=1900)
    url = blocks.URLBlock(required=False, label="URL")
    doi = blocks.CharBlock(
        required=False, max_length=200, label="DOI", help_text="For example 10.2519/jospt.2019.8697"
    )

    def __init__(self, *args, required=False, **kwargs):
        self._citation_required = required
        super().__init__(*args, **kwargs)

    class Meta:
        icon = "doc-full"
        value_class = CitationValue
        form_classname = "citation-block"
        label = "Citation"

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if value.is_empty:
            if self._citation_required:
                errors["source"] = ValidationError("Name the source this claim rests on.")
        else:
            if not value.get("source") and not value.get("journal"):
                errors["source"] = ValidationError(
                    "Give the study's title or authors, or its journal."
                )
            year = value.get("year")
            if year and year > datetime.date.today().year:
                errors["year"] = ValidationError("The year cannot be in the future.")
            doi = (value.get("doi") or "").strip()
            if doi and not DOI_RE.fullmatch(doi):
                errors["doi"] = ValidationError(
                    "A DOI looks like 10.1234/abc-123 (no https://doi.org/)."
                )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    def get_api_representation(self, value, context=None):
        if value is None or value.is_empty:
            return None
        data = super().get_api_representation(value, context)
        data["href"] = value.href or None
        return data

    def api_schema(self, schemas):
        """Every child plus `href`; null when left empty, unless the block requires one."""
        href = {"type": "string", "description": "The URL, else https://doi.org/<doi>."}
        schema = schemas.component("Citation", lambda: schemas.struct(self, href=nullable(href)))
        return schema if self._citation_required else nullable(schema)
