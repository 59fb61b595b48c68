"""Page serialisation: Wagtail's v2 shape plus typed, clinic-aware, prefetch-friendly fields.

Every field here reads only what the view prefetched (see prefetch.py), so a
listing costs the same number of queries for 5 pages as for 20.
"""

from django.urls import NoReverseMatch, reverse
from rest_framework.fields import Field
from taggit.managers import _TaggableManager
from wagtail import fields as wagtail_fields
from wagtail.api.v2 import serializers as wagtail_serializers
from wagtail.api.v2.utils import get_full_url
from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page

from cms.request import django_request
from cms.seo.jsonld import jsonld_for
from home.clinic_facts import IDENTITY, clinic_facts
from treatments.clinic_context import clinic_context
from treatments.renditions import RENDITIONS, image_api_representation, request_root_url

from .image_json import image_field_representation


class PageHtmlUrlField(wagtail_serializers.PageHtmlUrlField):
    """The page's URL on the site the request is for (root paths cached per request)."""

    def to_representation(self, page):
        try:
            return page.get_full_url(request=django_request(self.context["request"]))
        except NoReverseMatch:
            return None


class PageAliasOfField(wagtail_serializers.PageAliasOfField):
    """The page this one is an alias of, when the requesting site may show it; else null."""

    def get_attribute(self, instance):
        visible = self.context["view"].visible_alias_targets
        return instance.alias_of if instance.alias_of_id in visible else None


class PageParentField(wagtail_serializers.PageParentField):
    """The parent when the requesting site shows it: one query, not two."""

    def get_attribute(self, instance):
        parent_path = instance.path[: -instance.steplen]
        return self.context["base_queryset"].filter(path=parent_path).first()


def clinic_detail_url(request, pk):
    """clinic/ID/ on the requesting site (the router would answer pages/ID/)."""
    return get_full_url(request, reverse("api_v2:clinic:detail", args=[pk]))


class ClinicMetaField(Field):
    """The clinic a response is for: the site's clinic, or null on the brand site.

    Its identity facts (home/clinic_facts.py IDENTITY) and where clinic/ has the rest."""

    def get_attribute(self, instance):
        # The site's clinic does not depend on the page: one resolution per request.
        request = self.context["request"]
        return clinic_context(request).clinic

    def to_representation(self, clinic):
        detail_url = clinic_detail_url(self.context["request"], clinic.pk)
        return {**clinic_facts(clinic, IDENTITY), "detail_url": detail_url}


class JsonLdMetaField(Field):
    """meta.jsonld: the page's schema.org graph, the very dict its HTML embeds, or null.

    Same builder (cms.seo.jsonld.jsonld_for) and same clinic context as the HTML;
    detail only, because the brand home's graph reads every clinic.
    """

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, page):
        request = django_request(self.context["request"])
        context = clinic_context(request, page)
        prime_ancestors(page)
        return jsonld_for(page, request, clinic=context.clinic, offering=context.offering)


def prime_ancestors(page):
    """The breadcrumb's parents (below the tree root) in one query instead of one per level.

    Fills treebeard's private `_cached_parent_obj`, which `get_parent()` returns (HTML
    routing fills it the same way); tests/seo/test_api_jsonld.py pins the query count.
    """
    steplen = page.steplen
    paths = [page.path[: steplen * depth] for depth in range(2, page.depth)]
    if len(paths) < 2:
        return  # none, or one parent: get_parent() costs the same single query
    ancestors = {p.path: p for p in Page.objects.filter(path__in=paths)}
    child = page
    for path in reversed(paths):
        parent = ancestors.get(path)
        if parent is None:
            return
        child._cached_parent_obj = parent
        child = parent


class TagsField(Field):
    """Tag names, sorted, from the prefetched tags (stock re-queries every page)."""

    def to_representation(self, manager):
        return sorted(tag.name for tag in manager.all())


class StreamBodyField(Field):
    """A StreamField as typed block JSON; blocks see the page to resolve "this clinic"."""

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def to_representation(self, page):
        value = getattr(page, self.field_name)
        context = {**self.context, "page": page}
        # A page type may serve another stream on this site, each block with a source
        # (`served_stream(request, field_name)`: a clinic's variation, treatments/variation_api.py).
        served = getattr(page, "served_stream", None)
        served = served(self.context["request"], self.field_name) if served else None
        if served is None:
            return value.stream_block.get_api_representation(value, context)
        stream, sources = served
        items = stream.stream_block.get_api_representation(stream, context)
        return [{**item, "source": source} for item, source in zip(items, sources, strict=True)]


def image_renditions(image, request):
    """{size name: {url, width, height}} for the documented sizes (treatments/renditions.py)."""
    try:
        return image_api_representation(image, root_url=request_root_url(request))["renditions"]
    except SourceImageIOError:
        return dict.fromkeys(RENDITIONS)


class ImageRenditionsField(Field):
    """An image foreign key as the block library's image JSON plus Wagtail's meta."""

    def __init__(self, **kwargs):
        kwargs.pop("serializer_class", None)
        kwargs.pop("queryset", None)
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, image):
        return image_field_representation(image, self.context["request"], self.context["router"])


class PrefetchedTagsMixin:
    """Serialise taggit managers from prefetched tags."""

    def build_property_field(self, field_name, model_class):
        if isinstance(getattr(model_class, field_name, None), _TaggableManager):
            return TagsField, {}
        return super().build_property_field(field_name, model_class)


class PageSerializer(PrefetchedTagsMixin, wagtail_serializers.PageSerializer):
    serializer_field_mapping = {
        **wagtail_serializers.PageSerializer.serializer_field_mapping,
        wagtail_fields.StreamField: StreamBodyField,
    }
    html_url = PageHtmlUrlField(read_only=True)
    alias_of = PageAliasOfField(read_only=True)
    parent = PageParentField(read_only=True)
    clinic = ClinicMetaField(read_only=True)
    jsonld = JsonLdMetaField()

    def to_representation(self, instance):
        data = super().to_representation(instance)
        # Meta keys a page adds to some responses only (a clinic's variation, when one applies).
        additions = getattr(instance, "api_meta_additions", None)
        if additions is not None and isinstance(data.get("meta"), dict):
            data["meta"].update(additions(self.context["request"]))
        return data

    def build_standard_field(self, field_name, model_field):
        if isinstance(model_field, wagtail_fields.StreamField):
            return StreamBodyField, {}
        return super().build_standard_field(field_name, model_field)

    def build_relational_field(self, field_name, relation_info):
        if issubclass(relation_info.related_model, get_image_model()):
            return ImageRenditionsField, {}
        if relation_info.to_many and field_name == "tags":
            return TagsField, {}
        return super().build_relational_field(field_name, relation_info)
