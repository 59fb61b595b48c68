"""Admin registration for the treatment library's tags (views in cms/seo/tag_admin.py)."""

from django.urls import path
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.seo.tag_admin import MergeTagsView, TagDeleteView, TagEditView, TagIndexView

from .tags import TreatmentTag


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
