"""The "Clinic offerings" report: library treatments by clinics, each cell a state and an action.

A Wagtail ReportView (filters, pagination, CSV and XLSX export). Rows are the
library's treatments, columns the clinics the user may act at: every clinic
for editors, their own for a clinic's managers (treatments/offering_rights.py).
Each cell is treatments/offerings.py's `offering_grid` answer shown by
treatments/offering_display.py, the same words and buttons as the library
page's panel. Filters: the clinics shown, and a state (rows with that state in
at least one shown clinic).

Queries do not grow with clinics or treatments: the clinics, the user's
clinics (managers), the rows and their count, then one grid (three queries)
for every row shown, whatever the filters.
"""

import datetime

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView

from home.models import ClinicPage

from .models import TreatmentPage
from .offering_actions import library_treatments
from .offering_display import cell
from .offering_rights import clinics_user_may_manage, may_manage_any_offerings
from .offerings import State, offering_grid

STATE_CHOICES = [
    (State.OFFERED.value, "Offered"),
    (State.LOCAL.value, "Local copy"),
    (State.NOT_LIVE.value, "Not live"),
    (State.NOT_OFFERED.value, "Not offered"),
]


def _clinics_for(request):
    """The clinic filter's choices: the clinics the user may act at (a queryset)."""
    clinics = ClinicPage.objects.order_by("title")
    allowed = clinics_user_may_manage(request.user, clinics)
    return clinics.filter(pk__in=[clinic.pk for clinic in allowed])


class OfferingsFilterSet(WagtailFilterSet):
    """Both filters choose what the view computes, so neither touches the queryset here."""

    clinic = django_filters.ModelMultipleChoiceFilter(
        label="Clinics",
        queryset=_clinics_for,
        widget=forms.CheckboxSelectMultiple,
        method="keep",
    )
    state = django_filters.ChoiceFilter(
        label="State", choices=STATE_CHOICES, empty_label="Any", method="keep"
    )
    title = django_filters.CharFilter(label="Treatment", lookup_expr="icontains")

    class Meta:
        model = TreatmentPage
        fields = ["title"]

    def keep(self, queryset, name, value):
        return queryset


class OfferingsReportView(ReportView):
    page_title = "Clinic offerings"
    header_icon = "site"
    template_name = "wagtailadmin/reports/base_report.html"
    results_template_name = "treatments/admin/offerings_report_results.html"
    index_url_name = "treatments_offerings_report"
    index_results_url_name = "treatments_offerings_report_results"
    filterset_class = OfferingsFilterSet
    model = TreatmentPage
    paginate_by = 50
    list_export = ["title"]
    export_headings = {"title": "Treatment"}

    def dispatch(self, request, *args, **kwargs):
        if not may_manage_any_offerings(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @property
    def permission_policy(self):
        return None  # offering rights are treatments/offering_rights.py's, checked in dispatch

    def get_filename(self):
        return f"clinic-offerings-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        return library_treatments().order_by("title", "pk")

    def _filter_value(self, name):
        form = self.filters.form if self.filters is not None else None
        if form is None or not form.is_valid():
            return None
        return form.cleaned_data.get(name)

    def clinics(self):
        """The columns: the clinics the user may act at, narrowed by the clinic filter."""
        if not hasattr(self, "_clinics"):
            allowed = clinics_user_may_manage(
                self.request.user, ClinicPage.objects.order_by("title")
            )
            chosen = {clinic.pk for clinic in self._filter_value("clinic") or ()}
            self._clinics = [c for c in allowed if not chosen or c.pk in chosen]
        return self._clinics

    def get_filtered_queryset(self):
        queryset = super().get_filtered_queryset()
        state = self._filter_value("state")
        if state:
            grid = offering_grid(list(queryset.values_list("pk", flat=True)), self.clinics())
            matching = {original for (original, _), o in grid.items() if o.state == state}
            queryset = queryset.filter(pk__in=matching)
        return queryset

    def decorate_paginated_queryset(self, object_list):
        rows = list(object_list)
        clinics = self.clinics()
        grid = offering_grid([row.pk for row in rows], clinics) if rows and clinics else {}
        next_url = self.request.get_full_path().replace("/results/", "/", 1)
        for row in rows:
            row.cells = [
                cell(grid[row.pk, clinic.pk], row.title, True, next_url) for clinic in clinics
            ]
        return rows

    @property
    def export_columns(self):
        return ["title", *(f"clinic_{clinic.pk}" for clinic in self.clinics())]

    def get(self, request, *args, **kwargs):
        if self.is_export:
            self.list_export = self.export_columns
            self.export_headings = {
                "title": "Treatment",
                **{f"clinic_{clinic.pk}": clinic.title for clinic in self.clinics()},
            }
        return super().get(request, *args, **kwargs)

    def to_row_dict(self, item):
        values = {"title": item.title}
        for clinic, one in zip(self.clinics(), item.cells, strict=True):
            values[f"clinic_{clinic.pk}"] = one.export_value
        return values

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "clinics": self.clinics()}
