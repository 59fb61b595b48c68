"""tags/: the tags used on the requesting site's published treatments, with usage counts.

A tag appears only when at least one page the site shows carries it, and its
count is the number of such pages on that site (aliases count per clinic).
"""

from django.db.models import Count
from django.http import Http404
from rest_framework import serializers
from wagtail.api import APIField
from wagtail.api.v2.serializers import BaseSerializer
from wagtail.api.v2.views import BaseAPIViewSet

from cms.ops.excerpt import excerpt
from cms.visibility import public_pages
from treatments.models import TreatmentPage
from treatments.tags import TreatmentTag

from . import filters
from .base import ScopedEndpointMixin
from .errors import BadRequestError, parse_id

ORDERINGS = {"name", "slug", "usage_count"}


class TagOrderingFilter(filters.BaseFilterBackend):
    """?order=name|slug|usage_count, each reversible with a leading minus."""

    def filter_queryset(self, request, queryset, view):
        order = request.GET.get("order")
        if not order:
            return queryset
        keys = order.split(",")
        unknown = [key for key in keys if key.lstrip("-") not in ORDERINGS]
        if unknown:
            allowed = ", ".join(sorted(ORDERINGS))
            raise BadRequestError(f"cannot order by {excerpt(unknown[0])!r} (use {allowed})")
        return queryset.order_by(*keys, "name")


class TagsAPIViewSet(ScopedEndpointMixin, BaseAPIViewSet):
    model = TreatmentTag
    name = "tags"
    base_serializer_class = BaseSerializer
    filter_backends = [filters.IdParametersFilter, filters.FieldsFilter, TagOrderingFilter]
    known_query_parameters = (BaseAPIViewSet.known_query_parameters | {"site"}) - {
        "search",
        "search_operator",
    }
    find_query_parameters = frozenset(["id", "slug"])
    body_fields = [
        "id",
        "name",
        "slug",
        "description",
        APIField("usage_count", serializer=serializers.IntegerField(read_only=True)),
    ]
    listing_default_fields = [
        "id",
        "type",
        "detail_url",
        "name",
        "slug",
        "description",
        "usage_count",
    ]

    def get_queryset(self):
        visible = public_pages(self.site, TreatmentPage).values("pk")
        return (
            TreatmentTag.objects.filter(tagged_items__content_object_id__in=visible)
            .annotate(usage_count=Count("tagged_items__content_object_id", distinct=True))
            .order_by("name")
        )

    def get_object(self):
        tag = self.filter_queryset(self.get_queryset()).filter(pk=self.kwargs["pk"]).first()
        if tag is None:
            raise Http404("tag not used on this site")
        return tag

    def find_object(self, queryset, request):
        if "slug" in request.GET:
            return queryset.filter(slug=request.GET["slug"][:100]).first()
        if "id" in request.GET:
            return queryset.filter(pk=parse_id(request.GET["id"])).first()
        raise BadRequestError("find needs slug (or id)")
