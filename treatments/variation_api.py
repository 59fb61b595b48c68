"""The API fields of a treatment that a clinic's variation can change (docs/api.md).

On the variation's clinic, with the variation live, `summary` and `hero_image`
are the merged ones, every block of `body` carries `"source": "library" |
"clinic"`, and `meta.variation` lists the parts that come from the clinic.
Everywhere else (the brand site, other clinics, pages without a variation)
the fields are exactly the library's and carry no `source` key and no
`meta.variation`. What is merged is decided once: treatments/variation_serving.py.
"""

from rest_framework.fields import Field

from cms.jsonschema import STRING, nullable, obj, ref

from .variation_merge import CLINIC, LIBRARY
from .variation_serving import live_variation, served_content
from .variations import ServedBodyBlock

SOURCE_SCHEMA = {
    "type": "string",
    "enum": [LIBRARY, CLINIC],
    "description": "Where the block comes from: the library page, or the clinic's variation. "
    "Present only when the clinic's variation applies to the page.",
}
CLINIC_PARTS = ("summary", "hero_image", "seo_title", "search_description", "body")
VARIATION_META_SCHEMA = obj(
    {"clinic_parts": {"type": "array", "items": {"type": "string", "enum": list(CLINIC_PARTS)}}},
    description="Present when the site's clinic serves its variation of the page: "
    "which parts come from the clinic (the rest is the library's).",
)


def _served(field, page):
    # The DRF request, as the other fields pass it: the site's clinic is resolved once per request.
    return served_content(field.context["request"], page)


def variation_meta(request, page):
    """{"variation": {...}} when the clinic's variation applies, else {}."""
    if live_variation(request, page) is None:
        return {}  # without merging: a listing need not read the body
    parts = served_content(request, page).clinic_parts
    return {"variation": {"clinic_parts": list(parts)}} if parts else {}


class _PageField(Field):
    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)


def served_stream(request, page, field_name):
    """(StreamValue, sources) of the body on the variation's clinic, else None (the library's,
    with no source keys): what cms/api/serializers.py StreamBodyField serves."""
    if field_name != "body" or live_variation(request, page) is None:
        return None
    content = served_content(request, page)
    return (content.body, content.sources) if content.clinic_parts else None


def body_schema(schemas):
    """The body's schema: the library's blocks and a clinic's local ones, each with `source`."""
    return schemas.stream(ServedBodyBlock(), source=SOURCE_SCHEMA)


class ServedSummaryField(_PageField):
    def to_representation(self, page):
        return _served(self, page).summary

    def api_schema(self, schemas):
        return STRING


class ServedHeroImageField(_PageField):
    def get_attribute(self, instance):
        return _served(self, instance).hero_image

    def to_representation(self, image):
        # Not at the top: it loads Wagtail's API, which needs the models loaded (this
        # module is imported by treatments/models.py).
        from cms.api.image_json import image_field_representation

        return image_field_representation(image, self.context["request"], self.context["router"])

    def api_schema(self, schemas):
        return nullable(ref("ImageField"))
