"""The SEO audit as a Wagtail report, with CSV and XLSX downloads."""

from django.core.exceptions import PermissionDenied
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from .audit import run_audit

AUDIT_PERMISSION = "seo.view_seo_audit"


class SeoAuditView(ReportView):
    page_title = "SEO audit"
    header_icon = "search"
    index_url_name = "seo_audit"
    index_results_url_name = "seo_audit_results"
    paginate_by = 100
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

    def get_filename(self):
        return "seo-audit"
