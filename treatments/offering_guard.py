"""Deleting a clinic's copy of a library treatment is refused: withdrawing is how a clinic stops.

A clinic's managers hold "change" and "publish" on their clinic's tree, which in
Wagtail lets them delete its leaf pages; deleting an alias would leave a 404
and no record of the offering ending. Wagtail's "before_delete_page" and
"before_bulk_action" hooks send everyone but superusers to the withdraw action
instead (treatments/offering_actions.py: a 301 and a log entry). Who holds which
page permission stays cms/editorial/roles.py's business.
"""

from django.shortcuts import redirect
from wagtail.admin import messages

from .models import TreatmentPage
from .originals import copy_filter

MESSAGE = (
    "{title} is a clinic's copy of a library treatment: withdraw it from the library page's "
    "Clinics panel or Reports → Clinic offerings instead, which leaves a redirect for visitors."
)


def clinic_copies(page_ids):
    """The pages among `page_ids` that are clinic copies (aliases or converted local pages)."""
    copies = copy_filter(library_page="library_page_id")
    return TreatmentPage.objects.filter(copies, pk__in=page_ids, depth__gt=2)


def refuse_copy_deletion(request, pages):
    """A redirect with the reason when `pages` holds a clinic copy and the user is no superuser."""
    if request.user.is_superuser:
        return None
    copy = clinic_copies([page.pk for page in pages]).order_by("path").first()
    if copy is None:
        return None
    messages.error(request, MESSAGE.format(title=copy.title))
    return redirect("wagtailadmin_pages:edit", copy.pk)
