"""Routing that resolves a child of a known type in one query instead of two.

Wagtail's Page.route fetches a child as a base Page and then its `.specific`
object: two queries per URL segment. Parents whose children are (almost)
always of one type look that type up directly and fall back to Wagtail's
routing for anything else.
"""

from django.apps import apps

# Request attribute where ClinicPage.route leaves itself for treatments.clinic_context.
ROUTED_CLINIC_ATTR = "_routed_clinic"


class SpecificChildRoutingMixin:
    child_route_model = None  # "app_label.ModelName" of the usual child type
    child_route_select_related = ()

    def route(self, request, path_components):
        if path_components and self.child_route_model:
            model = apps.get_model(self.child_route_model)
            subpage = (
                model.objects.child_of(self)
                .select_related(*self.child_route_select_related)
                .filter(slug=path_components[0])
                .first()
            )
            if subpage is not None:
                subpage._cached_parent_obj = self
                return subpage.route(request, path_components[1:])
        return super().route(request, path_components)
