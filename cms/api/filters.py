"""Wagtail's v2 filters, bounded: every bad value is a 400 naming the parameter."""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2 import filters as wagtail_filters
from wagtail.models import Locale

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
SearchFilter = wagtail_filters.SearchFilter
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
            if name in _TREE_PARAMETERS:
                continue
            try:
                field = queryset.model._meta.get_field(name)
            except FieldDoesNotExist:
                field = None  # not a model field: nothing to check
            if isinstance(field, (models.AutoField, models.ForeignKey, models.ForeignObjectRel)):
                parse_id(value, name)  # reverse relations too (images' ?renditions=)
        return queryset


class LocaleFilter(BaseFilterBackend):
    """`?locale=` with an unknown language code is a 400, not a 404."""

    def filter_queryset(self, request, queryset, view):
        code = request.GET.get("locale")
        if code is None:
            return queryset
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            raise BadRequestError(f"unknown locale: {code[:50]!r}")
        child_of = getattr(queryset, "_filtered_by_child_of", None)
        queryset = queryset.filter(locale=locale)
        if child_of:
            queryset._filtered_by_child_of = child_of
        return queryset
