"""How the admin shows one clinic's offering of one treatment: words, links, the action allowed.

The library page's panel and the offerings report both show `Cell`s built from
treatments/offerings.py's `offering_grid`, so they say the same thing; building
them runs no query (URLs come from the URL resolver, not the database).
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.http import urlencode

from .offerings import State

LABELS = {
    State.OFFERED: "Offered",
    State.LOCAL: "Local copy",
    State.NOT_LIVE: "Not live",
    State.NOT_OFFERED: "Not offered",
}
DETAILS = {
    State.OFFERED: "Publishing this page updates it.",
    State.LOCAL: "Converted to a local page: this page's updates no longer reach it.",
    State.NOT_OFFERED: "",
}


@dataclass(frozen=True)
class Action:
    name: str  # "offer" or "withdraw"
    label: str
    url: str


@dataclass(frozen=True)
class Cell:
    offering: object
    label: str
    detail: str
    copy_edit_url: str = ""
    compare_url: str = ""  # a local copy changed since its conversion: what changed
    action: Action | None = None

    @property
    def state(self):
        return self.offering.state

    @property
    def export_value(self):
        """The cell in a spreadsheet: the state, and why or what changed."""
        extra = self.offering.reason or ("changed since converted" if self.compare_url else "")
        return f"{self.label} ({extra})" if extra else self.label


def offering_action_url(action, original_id, clinic_id, next_url=""):
    url = reverse(f"treatments_offering_{action}", args=[original_id, clinic_id])
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def _action(offering, title, next_url):
    copy = offering.copy
    if offering.state is State.NOT_OFFERED:
        name, label = "offer", f"Offer {title} at {offering.clinic.title}"
    elif copy is not None and (copy.alias_of_id or copy.live):
        name, label = "withdraw", f"Withdraw {title} from {offering.clinic.title}"
    else:
        return None  # an unpublished local copy: nothing left to take off the site
    return Action(
        name, label, offering_action_url(name, offering.original_id, offering.clinic.pk, next_url)
    )


def cell(offering, title, may_act, next_url=""):
    """The `Cell` for `offering` (of the treatment titled `title`); `may_act`: show its action."""
    copy = offering.copy
    detail = DETAILS.get(offering.state, "")
    if offering.state is State.NOT_LIVE:
        detail = offering.reason.capitalize() + "."
    compare_url = ""
    if offering.changed_since_conversion:
        compare_url = reverse(
            "wagtailadmin_pages:revisions_compare",
            args=[copy.pk, offering.conversion_revision_id, "live"],
        )
        detail = "Converted to a local page and changed since."
    return Cell(
        offering,
        LABELS[offering.state],
        detail,
        copy_edit_url=reverse("wagtailadmin_pages:edit", args=[copy.pk]) if copy else "",
        compare_url=compare_url,
        action=_action(offering, title, next_url) if may_act else None,
    )
