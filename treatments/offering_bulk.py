"""Bulk actions on the page listing: offer or withdraw many library treatments at one clinic.

Registered with Wagtail's "register_bulk_action" hook for pages, so they sit in
the listing's bulk actions bar next to Publish and Move. The confirmation form
asks for the clinic, listing only the clinics the user may act at
(treatments/offering_rights.py); a crafted clinic outside that list is a form
error. Pages that are not library treatments are listed as out of reach and
left alone; a treatment already offered (or not offered, for a withdrawal) is
skipped and counted in the message. Each change is the single-clinic action of
treatments/offering_actions.py, so it logs and redirects the same way.
"""

from django import forms
from wagtail.admin.views.pages.bulk_actions.page_bulk_action import PageBulkAction

from home.models import ClinicPage

from .offering_actions import OfferingError, library_treatments, offer, withdraw
from .offering_rights import clinics_user_may_manage, may_manage_any_offerings


class ClinicForm(forms.Form):
    clinic = forms.ModelChoiceField(
        queryset=ClinicPage.objects.none(),
        empty_label=None,
        label="Clinic",
        help_text="The clinic whose site gains or loses the selected treatments.",
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        clinics = clinics_user_may_manage(user, ClinicPage.objects.order_by("title"))
        self.fields["clinic"].queryset = ClinicPage.objects.filter(
            pk__in=[clinic.pk for clinic in clinics]
        ).order_by("title")


class OfferingBulkAction(PageBulkAction):
    form_class = ClinicForm
    template_name = "treatments/admin/bulk_offering.html"
    run = None  # offer or withdraw
    verb = ""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_queryset(self, model, object_ids):
        # Every selected page, so the confirmation lists the ones out of reach too.
        pages = list(model.objects.filter(pk__in=object_ids).order_by("path"))
        self._actionable = set()
        if may_manage_any_offerings(self.request.user):
            library = library_treatments().filter(pk__in=[page.pk for page in pages])
            self._actionable = set(library.values_list("pk", flat=True))
        return pages

    def check_perm(self, page):
        return page.pk in self._actionable

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "verb": self.verb}

    def get_execution_context(self):
        return {
            **super().get_execution_context(),
            "clinic": self.cleaned_form.cleaned_data["clinic"],
        }

    @classmethod
    def execute_action(cls, objects, user=None, clinic=None, **kwargs):
        done = skipped = 0
        for page in objects:
            try:
                cls.run(page.specific, clinic, user)
            except OfferingError:
                skipped += 1
            else:
                done += 1
        return done, skipped

    def get_success_message(self, num_parent_objects, num_child_objects):
        clinic = self.cleaned_form.cleaned_data["clinic"].title
        message = f"{num_parent_objects} treatment(s) {self.verb} {clinic}."
        if num_child_objects:
            message += f" {num_child_objects} left as they were ({self.skip_reason})."
        return message


class OfferBulkAction(OfferingBulkAction):
    display_name = "Offer at a clinic"
    action_type = "offer_at_clinic"
    aria_label = "Offer the selected treatments at a clinic"
    action_priority = 60
    run = staticmethod(offer)
    verb = "offered at"
    skip_reason = "already there"


class WithdrawBulkAction(OfferingBulkAction):
    display_name = "Withdraw from a clinic"
    action_type = "withdraw_from_clinic"
    aria_label = "Withdraw the selected treatments from a clinic"
    action_priority = 61
    run = staticmethod(withdraw)
    verb = "withdrawn from"
    skip_reason = "not offered there"
