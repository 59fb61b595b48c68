"""Admin wiring: the SEO audit report and dashboard panel; "Publish SEO changes"."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .dashboard import seo_panels
from .image_form import refuse_bulk_move_of_shown_images
from .report import AUDIT_PERMISSION, SeoAuditView
from .seo_publish import LOG_ACTION
from .seo_publish_admin import PublishSeoMenuItem, publish_seo_from_editor

hooks.register("register_page_action_menu_item", lambda: PublishSeoMenuItem(order=25))
hooks.register("before_edit_page", publish_seo_from_editor)
hooks.register("before_bulk_action", refuse_bulk_move_of_shown_images)


@hooks.register("register_log_actions")
def register_seo_log_actions(actions):
    actions.register_action(LOG_ACTION, "Publish SEO changes", "SEO changes published")


@hooks.register("construct_homepage_panels")
def add_seo_panel(request, panels):
    panels.extend(seo_panels(request.user))


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


@hooks.register("insert_global_admin_css")
def tag_listing_css():
    return format_html('<link rel="stylesheet" href="{}">', static("seo/tag-admin.css"))
