"""Wagtail's v2 filters, bounded: every bad value is a 400 naming the parameter."""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2 import filters as wagtail_filters
from wagtail.models import Locale

from cms.ops.excerpt import excerpt
from cms.request import django_request

from .errors import BadRequestError, parse_id

__all__ = [
    "AncestorOfFilter",
    "BaseFilterBackend",
    "ChildOfFilter",
    "DescendantOfFilter",
    "FieldsFilter",
    "IdParametersFilter",
    "LocaleFilter",
    "OrderingFilter",
    "SearchFilter",
    "TranslationOfFilter",
]

# Stock filters that already answer bad input with a BadRequestError.
AncestorOfFilter = wagtail_filters.AncestorOfFilter
ChildOfFilter = wagtail_filters.ChildOfFilter
DescendantOfFilter = wagtail_filters.DescendantOfFilter
FieldsFilter = wagtail_filters.FieldsFilter
OrderingFilter = wagtail_filters.OrderingFilter
TranslationOfFilter = wagtail_filters.TranslationOfFilter

_TREE_PARAMETERS = ("child_of", "descendant_of", "ancestor_of", "translation_of")


class IdParametersFilter(BaseFilterBackend):
    """Checks integer-valued parameters first, so the database never sees a bad one."""

    def filter_queryset(self, request, queryset, view):
        for name in _TREE_PARAMETERS:
            value = request.GET.get(name)
            if value is not None and value != "root":
                parse_id(value, name)
        for name, value in request.GET.items():
            if name in _TREE_PARAMETERS or name == "locale":
                continue  # locale is a language code (LocaleFilter), not the foreign key
            try:
                field = queryset.model._meta.get_field(name)
            except FieldDoesNotExist:
                field = None  # not a model field: nothing to check
            if isinstance(field, (models.AutoField, models.ForeignKey, models.ForeignObjectRel)):
                parse_id(value, name)  # reverse relations too (images' ?renditions=)
        return queryset


class LocaleFilter(BaseFilterBackend):
    """`?locale=CODE` as in stock Wagtail (a language code such as `en`); unknown: a 400, not a 404."""

    def filter_queryset(self, request, queryset, view):
        code = request.GET.get("locale")
        if code is None:
            return queryset
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            raise BadRequestError(f"unknown locale: {excerpt(code)!r}")
        child_of = getattr(queryset, "_filtered_by_child_of", None)
        queryset = queryset.filter(locale=locale)
        if child_of:
            queryset._filtered_by_child_of = child_of
        return queryset


MAX_SEARCH_LENGTH = 200
SEARCH_OPERATORS = ("and", "or")


class SearchFilter(wagtail_filters.SearchFilter):
    """Wagtail's search, given only the query's words, as the search page is.

    Quotes, operators and NUL bytes reach no backend (on SQLite a lone quote
    broke the FTS5 query: a 500); a query with no words finds nothing.
    """

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        from search.queries import search_terms

        raw = request.GET["search"]
        if "\x00" in raw:
            raise BadRequestError("search must not contain a NUL character")
        if len(raw) > MAX_SEARCH_LENGTH:
            raise BadRequestError(f"search is limited to {MAX_SEARCH_LENGTH} characters")
        operator = request.GET.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        terms = search_terms(raw)
        if not terms:
            return queryset.none()
        query = request.GET.copy()
        query["search"] = " ".join(terms)
        inner = django_request(request)
        original = inner.GET
        inner.GET = query
        try:
            return super().filter_queryset(request, queryset, view)
        finally:
            inner.GET = original


# What images/ and documents/ filter by: ids, fields, ordering and search (no tree).
MEDIA_FILTERS = [IdParametersFilter, FieldsFilter, OrderingFilter, SearchFilter]
