"""What every endpoint shares: the site resolved first, JSON errors, bounded paging."""

from django.urls import path

from cms.delivery.api_dependencies import RecordCacheDependenciesMixin

from .errors import JsonErrorsMixin, parse_id
from .pagination import CappedPagination
from .prefetch import prefetch_for_fields
from .renderers import FastJSONRenderer
from .scoping import resolve_site


class ScopedEndpointMixin(RecordCacheDependenciesMixin, JsonErrorsMixin):
    """Resolves the site before anything else; anonymous, whoever is logged in."""

    authentication_classes = []
    # JSON only: DRF's browsable HTML API is not a public surface of this project.
    renderer_classes = [FastJSONRenderer]
    pagination_class = CappedPagination

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.site = resolve_site(request)

    @classmethod
    def get_urlpatterns(cls):
        # Any id reaches the view, so "abc" gets a JSON 400 instead of an HTML 404.
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path("find/", cls.as_view({"get": "find_view"}), name="find"),
            path("<str:pk>/", cls.as_view({"get": "detail_view"}), name="detail"),
        ]

    def detail_view(self, request, pk):
        self.kwargs["pk"] = parse_id(pk)
        self.check_query_parameters(self.get_queryset())
        return super().detail_view(request, self.kwargs["pk"])

    def listing_view(self, request):
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        queryset = self.filter_queryset(queryset)
        serializer_class = self.get_serializer_class()  # a bad ?fields= fails before any query
        objects = self.paginate_queryset(queryset)
        self.prefetch(objects, serializer_class)
        serializer = serializer_class(objects, many=True, context=self.get_serializer_context())
        return self.get_paginated_response(serializer.data)

    def find_object(self, queryset, request):
        # Wagtail's default passes ?id= to the database unchecked ("false" was a 500).
        if "id" in request.GET:
            return queryset.filter(pk=parse_id(request.GET["id"])).first()
        return None

    def prefetch(self, objects, serializer_class):
        self.note_served(objects)  # for the response cache's dependencies
        # A detail leaves renditions to Wagtail's rendition cache: no query when warm.
        listing = self.action == "listing_view"
        meta = serializer_class.Meta
        prefetch_for_fields(objects, meta.model, meta.fields, renditions=listing)
