"""Blocks that speak of "this clinic": resolved per request through treatments.clinic_context.

On a clinic's site they name that clinic and use its booking link and phone;
on the brand site they list every clinic that offers the treatment. HTML and
API call the same StructValue methods, so the two never drift apart.
"""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from cms.jsonschema import STRING, nullable, obj, ref
from home.clinic_facts import SUMMARY, clinic_facts
from treatments.clinic_context import clinic_context

from .content import heading_block


def context_from(parent_context):
    """The ClinicContext for a block: from the page's template context, or the API's."""
    parent_context = parent_context or {}
    if parent_context.get("clinic_context") is not None:
        return parent_context["clinic_context"]
    request = parent_context.get("request")
    page = parent_context.get("page")
    if request is None:
        return None
    return clinic_context(request, page)


def clinic_summary(clinic):
    """A clinic as these blocks serve it: its SUMMARY facts (home/clinic_facts.py)."""
    return clinic_facts(clinic, SUMMARY)


class QuoteValue(blocks.StructValue):
    def clinics(self, ctx):
        if not self.get("attribute_to_clinic") or ctx is None:
            return ()
        return ctx.clinics

    def attribution_line(self, ctx):
        """'Patients at Bowview Northeast', or at every offering clinic on the brand site."""
        attribution = self.get("attribution") or ""
        clinics = self.clinics(ctx)
        if not clinics:
            return attribution
        names = [clinic.title for clinic in clinics]
        where = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        return f"{attribution} at {where}" if attribution else where


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(max_length=800)
    attribution = blocks.CharBlock(
        required=False, max_length=120, help_text="Who says it, for example: Patients."
    )
    attribute_to_clinic = blocks.BooleanBlock(
        required=False,
        default=True,
        help_text="Add the clinic serving the page (or, on the brand site, the clinics offering it).",
    )

    class Meta:
        icon = "openquote"
        template = "treatments/blocks/quote.html"
        description = "A quotation; its attribution can name the clinic that serves the page."
        value_class = QuoteValue
        preview_value = {"text": "I had no idea how tense I was.", "attribution": "A patient"}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        ctx = context_from(parent_context)
        context["attribution_line"] = value.attribution_line(ctx)
        context["quote_clinics"] = value.clinics(ctx)
        return context

    def get_api_representation(self, value, context=None):
        ctx = context_from(context)
        return {
            "text": value["text"],
            "attribution": value["attribution"],
            "attribute_to_clinic": value["attribute_to_clinic"],
            "attribution_line": value.attribution_line(ctx),
            "clinics": [clinic_summary(clinic) for clinic in value.clinics(ctx)],
        }

    def api_schema(self, schemas):
        return schemas.named(self, lambda: self._api_schema(schemas))

    def _api_schema(self, schemas):
        children = {name: schemas.schema(child) for name, child in self.child_blocks.items()}
        return obj(
            {
                **children,
                "attribution_line": {
                    "type": "string",
                    "description": "The attribution with the clinic(s) resolved for the requesting site.",
                },
                "clinics": {"type": "array", "items": ref("ClinicSummary")},
            }
        )


class CTAAction:
    BOOK = "book"
    CALL = "call"
    PAGE = "page"
    URL = "url"
    CHOICES = [
        (BOOK, "Book at this clinic"),
        (CALL, "Call this clinic"),
        (PAGE, "Go to a page"),
        (URL, "Go to a web address"),
    ]


class CTAValue(blocks.StructValue):
    def links(self, ctx):
        """[{label, href, clinic}] for the action: one per clinic for clinic actions."""
        action, label = self.get("action"), self.get("button_label")
        if action == CTAAction.PAGE:
            page = self.get("page")
            if page is None or not page.live:
                return []
            site = ctx.site if ctx else None
            href = page.get_url(current_site=site) if site else page.url
            return [{"label": label, "href": href, "clinic": None}]
        if action == CTAAction.URL:
            return [{"label": label, "href": self.get("url"), "clinic": None}]
        links = []
        for clinic in ctx.clinics if ctx else ():
            href = clinic.booking_url if action == CTAAction.BOOK else f"tel:{clinic.phone}"
            text = label if ctx.clinic else f"{label}: {clinic.title}"
            links.append({"label": text, "href": href, "clinic": clinic})
        return links


class CTABlock(blocks.StructBlock):
    heading = heading_block()
    text = blocks.TextBlock(required=False, max_length=400)
    action = blocks.ChoiceBlock(choices=CTAAction.CHOICES, default=CTAAction.BOOK)
    page = blocks.PageChooserBlock(required=False, help_text="Only for “Go to a page”.")
    url = blocks.URLBlock(
        required=False, label="Web address", help_text="Only for “Go to a web address”."
    )
    button_label = blocks.CharBlock(max_length=60, default="Book your consultation")

    class Meta:
        icon = "link"
        # static/treatments/cta-fields.js shows Page and Web address for their action only.
        form_classname = "cta-block"
        template = "treatments/blocks/cta.html"
        description = "A call to action: book or call the clinic serving the page, or go to a page or address."
        value_class = CTAValue
        preview_value = {"heading": "Ready to start?", "action": "book", "button_label": "Book now"}

    def clean(self, value):
        value = super().clean(value)
        action, errors = value.get("action"), {}
        if action == CTAAction.PAGE and not value.get("page"):
            errors["page"] = ValidationError("Choose the page this button leads to.")
        if action == CTAAction.URL and not value.get("url"):
            errors["url"] = ValidationError("Enter the web address this button leads to.")
        if (
            action == CTAAction.URL
            and value.get("url")
            and not value["url"].startswith(("http://", "https://"))
        ):
            errors["url"] = ValidationError(
                "Enter a web address starting with http:// or https://."
            )
        if action != CTAAction.PAGE and value.get("page"):
            errors["page"] = ValidationError("Clear the page: this action does not use it.")
        if action != CTAAction.URL and value.get("url"):
            errors["url"] = ValidationError("Clear the web address: this action does not use it.")
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        ctx = context_from(parent_context)
        context["links"] = value.links(ctx)
        context["is_brand"] = ctx.is_brand if ctx else True
        return context

    def get_api_representation(self, value, context=None):
        ctx = context_from(context)
        return {
            "heading": value["heading"],
            "text": value["text"],
            "action": value["action"],
            "button_label": value["button_label"],
            "links": [
                {
                    "label": link["label"],
                    "href": link["href"],
                    "clinic": clinic_summary(link["clinic"]) if link["clinic"] else None,
                }
                for link in value.links(ctx)
            ],
        }

    def api_schema(self, schemas):
        return schemas.named(self, lambda: self._api_schema(schemas))

    def _api_schema(self, schemas):
        shown = ("heading", "text", "action", "button_label")  # page and url become `links`
        link = obj(
            {
                "label": STRING,
                "href": nullable(STRING),
                "clinic": nullable(ref("ClinicSummary")),
            }
        )
        return obj(
            {
                **{name: schemas.schema(self.child_blocks[name]) for name in shown},
                "links": {
                    "type": "array",
                    "items": link,
                    "description": "One per clinic for book/call on the brand site; none for an unpublished page.",
                },
            }
        )
