"""Admin panel on a library treatment: every clinic's offering of it, with offer and withdraw."""

from wagtail.admin.panels import Panel


class OfferingsPanel(Panel):
    """Each clinic's state (offered, local copy, not live, not offered) and the action allowed.

    Four queries at most, whatever the number of clinics: the clinics, their
    copies of the page, the conversions of local copies, and the clinics the
    user manages (treatments/offering_rights.py).
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "treatments/admin/offerings_panel.html"

        def get_context_data(self, parent_context=None):
            from home.models import ClinicPage

            from .offering_display import cell
            from .offering_rights import clinics_user_may_manage
            from .offerings import CLINIC_PATH_LENGTH, offering_grid

            context = super().get_context_data(parent_context)
            page = self.instance
            context["is_alias"] = bool(page.pk and page.alias_of_id)
            context["is_clinic_copy"] = bool(page.pk and page.library_page_id)
            context["cells"] = []
            if not page.pk or context["is_alias"] or context["is_clinic_copy"]:
                return context
            clinics = list(ClinicPage.objects.order_by("title"))
            if page.path[:CLINIC_PATH_LENGTH] in {clinic.path for clinic in clinics}:
                context["is_clinic_page"] = True  # a clinic's own page, not from the library
                return context
            grid = offering_grid([page.pk], clinics)
            allowed = {clinic.pk for clinic in clinics_user_may_manage(self.request.user, clinics)}
            next_url = self.request.get_full_path()
            context["cells"] = [
                cell(grid[page.pk, clinic.pk], page.title, clinic.pk in allowed, next_url)
                for clinic in clinics
            ]
            return context
