"""pages/: Wagtail's PagesAPIViewSet, scoped to the request's site and private by default."""

import re

from django.db.models import prefetch_related_objects
from django.http import Http404
from wagtail.api import APIField
from wagtail.api.v2.utils import page_models_from_string, parse_fields_parameter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page

from cms.ops.excerpt import excerpt
from cms.visibility import public_pages

from . import filters, review
from .base import ScopedEndpointMixin
from .errors import BadRequestError, parse_id
from .prefetch import image_fields, prefetch_streams, prime_clinic_contexts
from .serializers import PageSerializer

# Slugs are ASCII (WAGTAIL_ALLOW_UNICODE_SLUGS = False): "/a-b/c_d/" and the like.
HTML_PATH = re.compile(r"^/?([A-Za-z0-9_-]+/)*[A-Za-z0-9_-]*$")
MAX_HTML_PATH = 1000


class ClinicPagesAPIViewSet(ScopedEndpointMixin, PagesAPIViewSet):
    base_serializer_class = PageSerializer
    filter_backends = [
        filters.IdParametersFilter,
        filters.FieldsFilter,
        filters.ChildOfFilter,
        filters.AncestorOfFilter,
        filters.DescendantOfFilter,
        filters.OrderingFilter,
        filters.TranslationOfFilter,
        filters.LocaleFilter,
        filters.SearchFilter,  # last: search results cannot be filtered further
    ]
    meta_fields = [*PagesAPIViewSet.meta_fields, "clinic", "jsonld"]
    detail_only_fields = [*PagesAPIViewSet.detail_only_fields, "jsonld"]
    visible_alias_targets = frozenset()

    @classmethod
    def get_body_fields(cls, model):
        """A page type's `pages_api_fields` when it has them, else its api_fields.

        ClinicPage's api_fields are clinic/'s (its facts); here a clinic is a page
        like the others, its facts one link away at meta.clinic.detail_url."""
        fields = getattr(model, "pages_api_fields", None)
        if fields is None:
            return super().get_body_fields(model)
        return [f if isinstance(f, APIField) else APIField(f) for f in [*cls.body_fields, *fields]]

    @classmethod
    def get_detail_default_fields(cls, model):
        """Wagtail drops `meta.locale` from details when i18n is off; front ends rely on it."""
        fields = super().get_detail_default_fields(model)
        return fields if "locale" in fields else [*fields, "locale"]

    def get_root_page(self):
        return self.site.root_page

    def get_base_queryset(self):
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = public_pages(self.site)
        return self._base_queryset

    def get_queryset(self):
        type_names = self.request.GET.get("type")
        try:
            models = page_models_from_string(type_names) if type_names else ()
        except (LookupError, ValueError) as error:
            raise BadRequestError(f"type doesn't exist: {excerpt(type_names)!r}") from error
        visible = self.get_base_queryset().values("pk")
        if len(models) == 1:
            # One type: filter on its own fields too, as Wagtail does.
            return models[0].objects.filter(pk__in=visible).order_by("path")
        queryset = Page.objects.filter(pk__in=visible).order_by("path")
        return queryset.type(*models) if models else queryset

    def get_object(self):
        if not hasattr(self, "_cached_object"):
            queryset = self.filter_queryset(self.get_queryset())
            base = queryset.filter(pk=self.kwargs["pk"]).first()
            if base is None:
                raise Http404("page not found on this site")
            model = base.specific_class or Page
            serializer_class = self.get_serializer_class_for(model)
            fields = serializer_class.Meta.fields
            related = [*image_fields(model, fields), *(["locale"] if "locale" in fields else [])]
            related += getattr(model, "api_detail_select_related", ())  # a page type's own
            page = model.objects.select_related(*related).get(pk=base.pk)
            self.prefetch([page], serializer_class)
            self._cached_object = page
        return self._cached_object

    def get_serializer_class_for(self, model):
        fields_config = self._fields_config()
        router = self.request.wagtailapi_router
        return self._get_serializer_class(router, model, fields_config, show_details=True)

    def _fields_config(self):
        if "fields" not in self.request.GET:
            return []
        try:
            return parse_fields_parameter(self.request.GET["fields"])
        except ValueError as error:
            raise BadRequestError(f"fields error: {error}") from error

    def prefetch(self, objects, serializer_class):
        super().prefetch(objects, serializer_class)
        fields = serializer_class.Meta.fields
        streams = [*fields, review.READS_FIELD] if review.REVIEW_FIELDS & set(fields) else fields
        prefetch_streams(objects, streams)
        if "locale" in fields:
            prefetch_related_objects(objects, "locale")  # one query, not one per page
        prime_clinic_contexts(self.request, self.site, objects)
        for page_type in {type(page) for page in objects}:
            if hasattr(page_type, "prefetch_for_api"):  # a page type's own batch (one query)
                pages = [page for page in objects if type(page) is page_type]
                page_type.prefetch_for_api(self.request, pages, fields)
        aliases = [page for page in objects if page.alias_of_id]
        if aliases and ({"alias_of", "seo"} & set(fields)):
            # One query for every alias target (the SEO canonical reads it too); only
            # targets inside this site can be visible, so only those are checked.
            prefetch_related_objects(aliases, "alias_of")
            root_path = self.site.root_page.path
            in_site = {p.alias_of_id for p in aliases if p.alias_of.path.startswith(root_path)}
            if in_site:
                visible = self.get_base_queryset().filter(pk__in=in_site)
                self.visible_alias_targets = frozenset(visible.values_list("pk", flat=True))

    def find_object(self, queryset, request):
        if "html_path" in request.GET:
            html_path = request.GET["html_path"]
            if len(html_path) > MAX_HTML_PATH or not HTML_PATH.match(html_path):
                raise BadRequestError(
                    "html_path must be a URL path of slugs, such as /treatments/dry-needling/"
                )
            components = [part for part in html_path.split("/") if part]
            try:
                page, _, _ = self.site.root_page.specific.route(request, components)
            except Http404:
                return None
            return queryset.filter(pk=page.pk).first()
        if "id" in request.GET:
            return queryset.filter(pk=parse_id(request.GET["id"])).first()
        raise BadRequestError("find needs html_path (or id)")
