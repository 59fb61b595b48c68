"""The SEO audit as a Wagtail report: filters by site and issue type, CSV and XLSX downloads
(of the filtered rows)."""

import django_filters
from django.core.exceptions import PermissionDenied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Site

from .audit import CHECKS, NO_SITE, run_audit

AUDIT_PERMISSION = "seo.view_seo_audit"


def _site_choices():
    names = sorted({site.site_name for site in Site.objects.all() if site.site_name})
    return [*((name, name) for name in names), (NO_SITE, "No site (images, tags)")]


class AuditFilterSet(WagtailFilterSet):
    """Findings are a list, not a queryset: the view applies these (`filter_findings`)."""

    site = django_filters.ChoiceFilter(
        label="Site", choices=_site_choices, empty_label="All sites", method="keep"
    )
    issue = django_filters.ChoiceFilter(
        label="Issue type",
        choices=[(check, check) for check in CHECKS],
        empty_label="All issues",
        method="keep",
    )

    class Meta:
        model = Site  # django-filter wants a model; no filter reads it
        fields = []

    def keep(self, findings, name, value):
        return findings


def filter_findings(findings, site="", issue=""):
    if site:
        wanted = "" if site == NO_SITE else site
        findings = [finding for finding in findings if finding.site == wanted]
    if issue:
        findings = [finding for finding in findings if finding.check == issue]
    return findings


class SeoAuditView(ReportView):
    page_title = "SEO audit"
    header_icon = "search"
    index_url_name = "seo_audit"
    index_results_url_name = "seo_audit_results"
    paginate_by = 100
    filterset_class = AuditFilterSet
    columns = [
        Column("check", label="Check"),
        Column("site", label="Site"),
        TitleColumn(
            "subject", label="Page, image or tag", get_url=lambda finding: finding.edit_url
        ),
        Column("detail", label="Detail"),
    ]
    list_export = ["check", "site", "subject", "detail", "edit_url"]
    export_headings = {
        "check": "Check",
        "site": "Site",
        "subject": "Page, image or tag",
        "detail": "Detail",
        "edit_url": "Edit URL",
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(AUDIT_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return run_audit()

    def filter_queryset(self, findings):
        if self.filters is None or not self.filters.is_valid():
            return findings
        data = self.filters.form.cleaned_data
        return filter_findings(findings, data.get("site") or "", data.get("issue") or "")

    def get_filename(self):
        return "seo-audit"
