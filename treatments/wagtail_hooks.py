"""Admin registration for the treatment library's tags."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .tags import TreatmentTag


class TreatmentTagViewSet(SnippetViewSet):
    model = TreatmentTag
    icon = "tag"
    menu_label = "Tags"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]


register_snippet(TreatmentTagViewSet)
