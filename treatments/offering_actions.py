"""Offering a library treatment at a clinic and withdrawing it, with Wagtail's own actions.

Offering creates a Wagtail alias of the library page in the clinic's treatments
index (created and published first when the clinic has none), so every publish
of the library page updates the clinic. Withdrawing deletes the clinic's alias,
or unpublishes a local copy converted from one (its own revisions are kept),
and leaves a permanent redirect (wagtail.contrib.redirects) from the copy's URL
to the clinic's treatments index: visitors and search engines get a 301, not a
404. Each change is a log entry on the library page (`OFFER_ACTION`,
`WITHDRAW_ACTION`), in its history with who and when.

The response cache and the CDN follow from cms/delivery's signal handlers: a
live alias created, a page deleted or unpublished bumps the page, its index,
the clinic's site and the original's offering keys (cms/delivery/invalidation.py),
and every bump purges the CDN URLs that showed them (cms/delivery/purge.py).

Who may do this is treatments/offering_rights.py's question; these functions
act for a user already allowed.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.db.models.functions import Substr
from wagtail.actions.create_alias import CreatePageAliasAction
from wagtail.actions.delete_page import DeletePageAction
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.contrib.redirects.models import Redirect
from wagtail.log_actions import log
from wagtail.models import Page

from home.models import ClinicPage

from .models import TreatmentIndexPage, TreatmentPage
from .offerings import CLINIC_PATH_LENGTH, copies_of
from .originals import copy_filter

OFFER_ACTION = "clinic_cms.offer"
WITHDRAW_ACTION = "clinic_cms.withdraw"
INDEX_SLUG = "treatments"


class OfferingError(Exception):
    """A request that cannot be carried out as asked; the message says why, for the editor."""


def library_treatments():
    """Library originals: treatment pages outside every clinic tree, neither aliases nor copies."""
    in_clinic = Exists(
        ClinicPage.objects.filter(path=Substr(OuterRef("path"), 1, CLINIC_PATH_LENGTH))
    )
    copies = copy_filter(library_page="library_page_id")
    return TreatmentPage.objects.filter(depth__gt=2).exclude(copies).exclude(in_clinic)


def treatments_index(clinic):
    """The clinic's treatments index (the first, in tree order), or None."""
    return TreatmentIndexPage.objects.child_of(clinic).order_by("path").first()


def ensure_treatments_index(clinic, user):
    """The clinic's treatments index, created and published when the clinic has none."""
    index = treatments_index(clinic)
    if index is not None:
        return index
    if Page.objects.child_of(clinic).filter(slug=INDEX_SLUG).exists():
        raise OfferingError(
            f"{clinic.title} has a page at /{INDEX_SLUG}/ that is not a treatments index."
        )
    index = clinic.add_child(
        instance=TreatmentIndexPage(
            title="Treatments",
            slug=INDEX_SLUG,
            intro=f"<p>Treatments offered at {clinic.title}.</p>",
            owner=user,
        )
    )
    revision = index.save_revision(user=user, log_action=True)
    # The user may offer here (treatments/offering_rights.py) without page rights on the clinic.
    PublishPageRevisionAction(revision, user=user).execute(skip_permission_checks=True)
    return TreatmentIndexPage.objects.get(pk=index.pk)


def _site_path(page, clinic):
    """`page`'s path on the clinic's site (the clinic is the site's root page)."""
    return page.url_path[len(clinic.url_path) - 1 :]


def _copies_at(original, clinic):
    """The clinic's copies of `original` (aliases, local copies), specific."""
    in_clinic = copies_of([original.pk]).filter(path__startswith=clinic.path)
    return list(TreatmentPage.objects.filter(pk__in=in_clinic.values("pk")).order_by("path"))


def _log_data(clinic, copy):
    return {
        "clinic": {"id": clinic.pk, "title": clinic.title},
        "copy": {"id": copy.pk, "title": copy.title, "path": _site_path(copy, clinic)},
    }


@transaction.atomic
def offer(original, clinic, user):
    """Put an alias of the library page `original` in the clinic's treatments index; return it."""
    existing = _copies_at(original, clinic)
    if existing:
        kind = "an alias" if existing[0].alias_of_id else "a local copy"
        raise OfferingError(
            f"{clinic.title} already has {kind} of {original.title!r}: "
            "withdraw it or edit that page instead."
        )
    index = ensure_treatments_index(clinic, user)
    if Page.objects.child_of(index).filter(slug=original.slug).exists():
        raise OfferingError(
            f"{clinic.title}'s treatments index already has a page at "
            f"{original.slug!r} that is not a copy of {original.title!r}."
        )
    action = CreatePageAliasAction(original, parent=index, user=user)
    try:
        alias = action.execute(skip_permission_checks=True)
    except ValidationError as error:  # e.g. a slug taken meanwhile
        raise OfferingError("; ".join(error.messages)) from error
    # A redirect a withdrawal left would only serve the URL once the page is gone again.
    Redirect.objects.filter(
        site=clinic.get_site(), old_path=Redirect.normalise_path(_site_path(alias, clinic))
    ).delete()
    log(instance=original, action=OFFER_ACTION, user=user, data=_log_data(clinic, alias))
    return alias


@transaction.atomic
def withdraw(original, clinic, user):
    """Take the clinic's copies of `original` off its site, each leaving a 301; return them."""
    copies = _copies_at(original, clinic)
    if not copies:
        raise OfferingError(f"{clinic.title} does not offer {original.title!r}.")
    site = clinic.get_site()
    for copy in copies:
        index = copy.get_parent()
        old_path = _site_path(copy, clinic)
        data = _log_data(clinic, copy)  # before a deletion clears the copy's id
        if copy.alias_of_id:
            DeletePageAction(copy, user=user).execute(skip_permission_checks=True)
        elif copy.live:
            # A local copy holds the clinic's own revisions: unpublish, never delete.
            UnpublishPageAction(copy, user=user).execute(skip_permission_checks=True)
        Redirect.objects.update_or_create(
            site=site,
            old_path=Redirect.normalise_path(old_path),
            defaults={"redirect_page": index, "redirect_link": "", "is_permanent": True},
        )
        log(instance=original, action=WITHDRAW_ACTION, user=user, data=data)
    return copies
