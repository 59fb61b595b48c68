"""Admin registration: the library's tags (views in cms/seo/tag_admin.py) and offerings."""

from django.contrib.auth.models import Permission
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.seo.tag_admin import MergeTagsView, TagDeleteView, TagEditView, TagIndexView

from .offering_actions import OFFER_ACTION, WITHDRAW_ACTION
from .offering_bulk import OfferBulkAction, WithdrawBulkAction
from .offering_guard import refuse_copy_deletion
from .offering_report import OfferingsReportView
from .offering_rights import may_manage_any_offerings
from .offering_views import ACTIONS, change_offering
from .rich_text_links import prime_links, register_features
from .tags import TreatmentTag
from .variations import ClinicVariation


class ClinicVariationViewSet(SnippetViewSet):
    """Wagtail's snippet views for variations: drafts, revisions, history, locking, compare.

    Its model permissions are granted to no group yet: only superusers reach it until the
    clinic-scoped rights (a manager edits only their clinic's copies' variations) land.
    """

    model = ClinicVariation
    icon = "doc-full-inverse"
    menu_label = "Clinic variations"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["page", "live"]
    ordering = ["page__path"]

    def get_queryset(self, request):
        return ClinicVariation.objects.select_related("page")


register_snippet(ClinicVariationViewSet)


class TreatmentTagViewSet(SnippetViewSet):
    model = TreatmentTag
    icon = "tag"
    menu_label = "Tags"
    menu_order = 300
    add_to_admin_menu = True
    list_display = [
        "name",
        "slug",
        "description",
        Column("usage_count", label="Pages (all sites)", sort_key="usage_count"),
    ]
    search_fields = ["name", "slug", "description"]
    ordering = ["name"]
    index_view_class = TagIndexView
    edit_view_class = TagEditView
    delete_view_class = TagDeleteView
    delete_template_name = "seo/admin/confirm_tag_delete.html"

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("merge/", MergeTagsView.as_view(), name="merge")]


register_snippet(TreatmentTagViewSet)


@hooks.register("register_admin_urls")
def register_offering_urls():
    return [
        path(
            f"offerings/<int:page_id>/<int:clinic_id>/{action}/",
            change_offering,
            {"action": action},
            name=f"treatments_offering_{action}",
        )
        for action in ACTIONS
    ]


@hooks.register("register_admin_urls")
def register_offerings_report_urls():
    return [
        path(
            "reports/clinic-offerings/",
            OfferingsReportView.as_view(),
            name="treatments_offerings_report",
        ),
        path(
            "reports/clinic-offerings/results/",
            OfferingsReportView.as_view(results_only=True),
            name="treatments_offerings_report_results",
        ),
    ]


class OfferingsReportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_manage_any_offerings(request.user)


@hooks.register("register_reports_menu_item")
def register_offerings_report_menu_item():
    return OfferingsReportMenuItem(
        "Clinic offerings",
        reverse("treatments_offerings_report"),
        name="clinic-offerings",
        icon_name="site",
        order=660,
    )


@hooks.register("register_log_actions")
def register_offering_log_actions(actions):
    class OfferingFormatter(LogFormatter):
        verb = ""

        def format_message(self, log_entry):
            clinic = log_entry.data.get("clinic", {}).get("title", "a clinic")
            return f"{self.verb} {clinic} ({log_entry.data.get('copy', {}).get('path', '')})"

    @actions.register_action(OFFER_ACTION)
    class OfferFormatter(OfferingFormatter):
        label = "Offer at a clinic"
        verb = "Offered at"

    @actions.register_action(WITHDRAW_ACTION)
    class WithdrawFormatter(OfferingFormatter):
        label = "Withdraw from a clinic"
        verb = "Withdrawn from"


@hooks.register("register_permissions")
def register_offer_permission():
    return Permission.objects.filter(
        content_type__app_label="treatments", codename="offer_treatment"
    )


hooks.register("register_bulk_action", OfferBulkAction)
hooks.register("register_bulk_action", WithdrawBulkAction)


@hooks.register("before_delete_page")
def withdraw_rather_than_delete(request, page):
    return refuse_copy_deletion(request, [page])


@hooks.register("before_bulk_action")
def withdraw_rather_than_bulk_delete(request, action_type, objects, action_class_instance):
    if action_type == "delete":
        return refuse_copy_deletion(request, objects)
    return None


@hooks.register("insert_editor_js")
def cta_fields_js():
    """Shows the CTA block's Page and Web address fields for their action only."""
    return format_html('<script src="{}"></script>', static("treatments/cta-fields.js"))


# Rich text page links resolved for the site serving them (treatments/rich_text_links.py),
# After Wagtail's own page link handlers are registered (order 0), so these replace them.
@hooks.register("register_rich_text_features", order=10)
def register_clinic_page_links(features):
    register_features(features)


@hooks.register("before_serve_page")
def prime_served_page_links(page, request, serve_args, serve_kwargs):
    """Note the served page's link targets: all its links then resolve in one query."""
    prime_links(request, [page])
