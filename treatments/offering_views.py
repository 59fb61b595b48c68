"""Admin views: offer or withdraw one library treatment at one clinic (POST only).

The library page's "Clinics" panel and the offerings report post here. A user
who may not act at the clinic gets a 403 whatever they post; a page that is not
a library treatment, or a clinic that does not exist, is a 404; a request the
current state refuses (already offered, nothing to withdraw) comes back as an
error message on the page it was sent from.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django.views.defaults import permission_denied
from wagtail.admin import messages

from home.models import ClinicPage

from .offering_actions import OfferingError, library_treatments, offer, withdraw
from .offering_rights import may_manage_offerings

ACTIONS = {
    "offer": (offer, "{treatment} is now offered at {clinic}."),
    "withdraw": (withdraw, "{treatment} is withdrawn from {clinic}; its address redirects."),
}


@require_POST
def change_offering(request, page_id, clinic_id, action):
    if action not in ACTIONS:
        raise Http404
    clinic = get_object_or_404(ClinicPage, pk=clinic_id)
    if not may_manage_offerings(request.user, clinic):
        # A real 403, not the admin's redirect to the dashboard: this is a POST endpoint.
        return permission_denied(request, PermissionDenied(f"No offering rights at {clinic}."))
    original = get_object_or_404(library_treatments(), pk=page_id)
    run, success = ACTIONS[action]
    try:
        run(original, clinic, request.user)
    except OfferingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success.format(treatment=original.title, clinic=clinic.title))
    return redirect(_next_url(request) or reverse("wagtailadmin_pages:edit", args=[original.pk]))


def _next_url(request):
    """Where to go back to: `next` in the query string (the panel posts the whole edit form,
    whose own `next` field is about the editor, not about this action)."""
    next_url = request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        return next_url
    return ""
