"""Item schemas of the v2 endpoints, built from each viewset's own field lists.

A v2 item is its body fields plus `meta` (the viewset's meta fields), each
typed from the DRF serializer the viewset uses for it, else from the model
field. Every key is optional, because `?fields=` can remove any of them
(`fields=_` leaves `{}`), but no key outside the lists may appear.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from rest_framework import serializers as drf
from taggit.managers import TaggableManager
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model

from cms.api.review import ReviewDateField, ReviewStatusField, ReviewTextField
from cms.jsonschema import BOOLEAN, HTML, INTEGER, STRING, URL, nullable, obj, ref
from cms.seo.api import SeoField
from treatments.review import REVIEW_STATUSES

from .blocks import SchemaGenerationError

TAG_NAMES = {"type": "array", "items": STRING, "description": "Tag names, sorted."}

# APIField(serializer=...) overrides, by serializer class.
SERIALIZER_SCHEMAS = {
    drf.FloatField: {"type": "number"},
    drf.IntegerField: INTEGER,
    drf.CharField: STRING,
    SeoField: ref("Seo"),
    ReviewStatusField: {
        "type": "string",
        "enum": list(REVIEW_STATUSES),
        "description": "reviewed: the clinical content shown is the content Clinical review "
        "approved; not_reviewed: it is not (never reviewed, or changed since), and the "
        "review fields are empty.",
    },
    ReviewTextField: {"type": "string", "description": "Empty unless review_status is reviewed."},
    ReviewDateField: nullable(
        {
            "type": "string",
            "format": "date",
            "description": "Null unless review_status is reviewed.",
        }
    ),
}

# Fields the v2 serializers compute (wagtail.api.v2.serializers, cms.api.serializers).
COMPUTED_SCHEMAS = {
    "detail_url": URL,
    "html_url": nullable(URL),
    "alias_of": nullable(ref("PageSummary")),
    "parent": nullable(ref("PageSummary")),
    "locale": {"type": "string", "description": "The language code, e.g. en."},
    "clinic": nullable(ref("ClinicMeta")),
    "jsonld": nullable(ref("JsonLd")),
    "preview": ref("PreviewMeta"),
    "tags": TAG_NAMES,
    "download_url": STRING,
    "renditions": ref("Renditions"),
}


def scalar_schema(field, allow_null=True):
    """A schema for a concrete model field rendered by DRF's default field.

    `allow_null=False` for a query parameter: a query string never holds a JSON null,
    and validators such as openapi-core read only one type per parameter.
    """
    if isinstance(field, models.BooleanField):
        return BOOLEAN
    if isinstance(field, (models.AutoField, models.IntegerField)):
        schema = INTEGER
    elif isinstance(field, models.FloatField):
        schema = {"type": "number"}
    elif isinstance(field, models.DecimalField):
        schema = {"type": "string", "description": "A decimal, as DRF writes it."}
    elif isinstance(field, models.DateTimeField):
        schema = {"type": "string", "format": "date-time"}
    elif isinstance(field, models.DateField):
        schema = {"type": "string", "format": "date"}
    elif isinstance(field, (models.CharField, models.TextField)):
        schema = STRING
        if field.choices:
            schema = {"type": "string", "enum": [value for value, _ in field.flatchoices]}
    else:
        return None
    return nullable(schema) if field.null and allow_null else schema


def model_field_schema(model_field, blocks):
    if isinstance(model_field, StreamField):
        return blocks.schema(model_field.stream_block)
    if isinstance(model_field, RichTextField):
        return HTML
    if isinstance(model_field, TaggableManager):
        return TAG_NAMES
    if isinstance(model_field, models.ForeignKey):
        if issubclass(model_field.related_model, get_image_model()):
            return nullable(ref("ImageField"))
        return None
    return scalar_schema(model_field)


def field_schema(model, api_field, blocks):
    """The schema of one API field of `model`, or SchemaGenerationError."""
    name = api_field.name
    if hasattr(api_field.serializer, "api_schema"):
        schema = api_field.serializer.api_schema(blocks)  # a field that declares its own
    elif api_field.serializer is not None:
        schema = SERIALIZER_SCHEMAS.get(type(api_field.serializer))
    elif name in COMPUTED_SCHEMAS:
        schema = COMPUTED_SCHEMAS[name]
    elif name == "type":
        schema = {"type": "string", "const": model._meta.label}
    elif getattr(model, "api_field_schema", None) and model.api_field_schema(name, blocks):
        schema = model.api_field_schema(name, blocks)  # a model that declares its field's own
    else:
        try:
            schema = model_field_schema(model._meta.get_field(name), blocks)
        except FieldDoesNotExist:
            schema = None
    if schema is None:
        raise SchemaGenerationError(
            f"no schema for API field {model._meta.label}.{name}: add one in cms/openapi/fields.py"
        )
    return schema


def item_schema(viewset, model, blocks):
    """One item of `viewset` for `model`: typed body fields and a typed `meta`."""
    body = {f.name: field_schema(model, f, blocks) for f in viewset.get_body_fields(model)}
    meta = {f.name: field_schema(model, f, blocks) for f in viewset.get_meta_fields(model)}
    # Meta keys a model adds to some of its items only (`api_meta_schemas(blocks)`).
    if hasattr(model, "api_meta_schemas"):
        meta.update(model.api_meta_schemas(blocks))
    return obj(
        {**body, "meta": obj(meta, required=[])},
        required=[],
        description=f"A {model._meta.verbose_name} ({model._meta.label}); "
        "every key is optional because ?fields= chooses them.",
    )
