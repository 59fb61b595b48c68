"""Admin panel showing editors which clinics carry a library treatment."""

from wagtail.admin.panels import Panel


class ClinicsCarryingPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "treatments/admin/clinics_carrying_panel.html"

        def get_context_data(self, parent_context=None):
            from home.resolver import clinics_offering

            context = super().get_context_data(parent_context)
            page = self.instance
            context["is_alias"] = bool(page.pk and page.alias_of_id)
            context["is_clinic_copy"] = bool(page.pk and page.library_page_id)
            context["clinics"] = clinics_offering(page) if page.pk else ()
            return context
