"""Admin wiring: the SEO audit report in the Reports menu."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .report import AUDIT_PERMISSION, SeoAuditView


@hooks.register("register_admin_urls")
def register_audit_urls():
    return [
        path("reports/seo-audit/", SeoAuditView.as_view(), name="seo_audit"),
        path(
            "reports/seo-audit/results/",
            SeoAuditView.as_view(results_only=True),
            name="seo_audit_results",
        ),
    ]


class AuditMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(AUDIT_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_audit_menu_item():
    return AuditMenuItem("SEO audit", reverse("seo_audit"), icon_name="search", order=900)
