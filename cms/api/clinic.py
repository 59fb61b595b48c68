"""clinic/: the facts of the clinic a request is for, with its opening hours.

The facts and their order are ClinicPage.api_fields, from home/clinic_facts.py.

On a clinic's site the listing holds that one clinic; on the brand site it
lists every published clinic (the directory). Same v2 shape either way.
"""

from django.db.models import prefetch_related_objects
from django.http import Http404
from django.shortcuts import redirect
from rest_framework.fields import Field
from wagtail.api.v2.serializers import BaseSerializer
from wagtail.api.v2.views import BaseAPIViewSet

from cms.visibility import public_pages
from home.models import ClinicPage

from . import filters
from .base import ScopedEndpointMixin
from .errors import BadRequestError, parse_id
from .serializers import PageHtmlUrlField, clinic_detail_url


class ClinicDetailUrlField(Field):
    """clinic/ID/, not pages/ID/ (the router would pick pages/ for any page model)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, clinic):
        return clinic_detail_url(self.context["request"], clinic.pk)


class ClinicSerializer(BaseSerializer):
    detail_url = ClinicDetailUrlField(read_only=True)
    html_url = PageHtmlUrlField(read_only=True)


class ClinicAPIViewSet(ScopedEndpointMixin, BaseAPIViewSet):
    model = ClinicPage
    name = "clinic"
    base_serializer_class = ClinicSerializer
    filter_backends = [filters.IdParametersFilter, filters.FieldsFilter, filters.OrderingFilter]
    known_query_parameters = (BaseAPIViewSet.known_query_parameters | {"site"}) - {
        "search",
        "search_operator",
    }
    find_query_parameters = frozenset(["id", "slug"])
    # The body fields are the model's api_fields: the clinic's facts (home/clinic_facts.py).
    meta_fields = ["type", "detail_url", "html_url", "slug"]
    nested_default_fields = ["id", "type", "detail_url", "name"]

    @classmethod
    def get_listing_default_fields(cls, model):
        """Every field but `seo`: the directory lists facts, the detail adds the head tags."""
        return [name for name in cls.get_available_fields(model) if name != "seo"]

    def get_queryset(self):
        clinics = public_pages(None, ClinicPage).order_by("title")
        if self.site.root_page.specific_class is ClinicPage:
            return clinics.filter(pk=self.site.root_page_id)
        return clinics

    def prefetch(self, objects, serializer_class):
        if objects and "opening_hours" in serializer_class.Meta.fields:
            prefetch_related_objects(objects, "hours")

    def get_object(self):
        if not hasattr(self, "_cached_object"):
            clinic = self.filter_queryset(self.get_queryset()).filter(pk=self.kwargs["pk"]).first()
            if clinic is None:
                raise Http404("clinic not found on this site")
            prefetch_related_objects([clinic], "hours")
            self._cached_object = clinic
        return self._cached_object

    def find_view(self, request):
        clinic = self.find_object(self.get_queryset(), request)
        if clinic is None:
            raise Http404("clinic not found on this site")
        query = request.GET.copy()
        for name in self.find_query_parameters:
            query.pop(name, None)
        return redirect(f"{clinic_detail_url(request, clinic.pk)}?{query.urlencode()}")

    def find_object(self, queryset, request):
        if "slug" in request.GET:
            return queryset.filter(slug=request.GET["slug"][:255]).first()
        if "id" in request.GET:
            return queryset.filter(pk=parse_id(request.GET["id"])).first()
        raise BadRequestError("find needs slug (or id)")
