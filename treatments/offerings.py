"""Which clinics offer a library treatment: the one rule every surface asks.

A clinic offers a library treatment when a visitor can open its copy there: a
copy (a Wagtail alias of the treatment, or a local page converted from one,
`library_page`) that is public by `cms/visibility.py` (live, unexpired, under
no view restriction, its original's included) and sits under a live, unexpired
treatments index of a live, unexpired clinic (a restriction on the index or the
clinic covers the copy, so the visibility rule already says so).

`offerings_for` answers for any number of treatments in two queries (it does
not grow with clinics or treatments), with the first moment the answer ends by
itself (an expiry date), so a cached response naming the clinics expires with it.
The brand's "Offered at", its clinic-aware blocks (call to action, quote), the
API and JSON-LD use them through `treatments.clinic_context.clinic_context`; the admin
(library panel, overview report) uses `offering_grid`, which also says why a
clinic's copy is not offered (unpublished, expired, restricted, or its index or
clinic not live) and whether a local copy changed since it was converted.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.db.models import Exists, OuterRef, Subquery
from django.db.models.functions import Substr
from django.utils import timezone
from wagtail.models import Page, PageLogEntry

from cms.visibility import is_expired, under_page_restriction, unexpired
from home.models import ClinicPage

from .originals import copies_of_filter, original_id, original_id_expression

CLINIC_PATH_LENGTH = Page.steplen * 2  # clinics sit at depth 2, under the tree root


def copies_of(original_ids):
    """Pages in clinic trees that are aliases of, or were converted from, the originals."""
    return Page.objects.filter(copies_of_filter(original_ids), depth__gt=2).annotate(
        original=original_id_expression()
    )


def _parent_path():
    return Substr(OuterRef("path"), 1, (OuterRef("depth") - 1) * Page.steplen)


def _parent_is_public(now):
    """EXISTS: the outer page's parent (its treatments index) is live and unexpired."""
    return Exists(Page.objects.filter(path=_parent_path(), live=True).filter(unexpired(now)))


def _clinic_is_public(now):
    """EXISTS: the outer page sits in the tree of a live, unexpired clinic."""
    clinic_path = Substr(OuterRef("path"), 1, CLINIC_PATH_LENGTH)
    return Exists(ClinicPage.objects.filter(path=clinic_path, live=True).filter(unexpired(now)))


def public_copies(original_ids, now=None):
    """The copies a visitor can open, each under a public treatments index and clinic."""
    now = now or timezone.now()
    return (
        copies_of(original_ids)
        .filter(live=True)
        .filter(unexpired(now))
        .exclude(under_page_restriction())
        .filter(_parent_is_public(now), _clinic_is_public(now))
    )


@dataclass(frozen=True)
class Offerings:
    """The clinics offering each of some library treatments, and until when that holds."""

    clinics_by_original: dict
    valid_until: object = None  # the first future expiry of a copy, index or clinic counted

    def clinics(self, page):
        """The clinics offering `page`'s original, by title."""
        if page is None or page.pk is None:  # an unsaved page (a new page's preview)
            return ()
        return self.clinics_by_original.get(original_id(page), ())


def offerings_for(pages, now=None):
    """Which clinics offer each of `pages` (by their originals): two queries, whatever the sizes."""
    originals = {original_id(page) for page in pages if page is not None and page.pk}
    if not originals:
        return Offerings({})
    now = now or timezone.now()
    index_expiry = Page.objects.filter(path=_parent_path()).values("expire_at")[:1]
    copies = public_copies(originals, now).annotate(index_expire_at=Subquery(index_expiry))
    offered, moments = {}, []
    for path, original, expire_at, index_expire_at in copies.values_list(
        "path", "original", "expire_at", "index_expire_at"
    ):
        offered.setdefault(path[:CLINIC_PATH_LENGTH], set()).add(original)
        moments += [expire_at, index_expire_at]
    result = {original: [] for original in originals}
    if offered:
        for clinic in ClinicPage.objects.filter(path__in=list(offered)).order_by("title"):
            moments.append(clinic.expire_at)
            for original in offered[clinic.path]:
                result[original].append(clinic)
    return Offerings(
        {original: tuple(clinics) for original, clinics in result.items()},
        valid_until=min((moment for moment in moments if moment is not None), default=None),
    )


def clinics_offering(page):
    """The clinics offering `page`'s original, by title (see offerings_for)."""
    return offerings_for([page]).clinics(page)


class State(StrEnum):
    OFFERED = "offered"  # a public alias: the library's publishing updates it
    LOCAL = "local"  # a public local page converted from an alias: updated on its own
    NOT_LIVE = "not_live"  # a copy no visitor can open (see Offering.reason)
    NOT_OFFERED = "not_offered"


@dataclass(frozen=True)
class Offering:
    """One clinic's relation to one library treatment, as editors need to see it."""

    clinic: ClinicPage
    original_id: int
    state: State
    copy: Page | None = None
    reason: str = ""  # why a copy is not live
    conversion_revision_id: int | None = None  # for local copies: the revision converting it

    @property
    def is_public(self):
        return self.state in (State.OFFERED, State.LOCAL)

    @property
    def changed_since_conversion(self):
        """A local copy whose live content is no longer the revision it was converted with."""
        if self.state is not State.LOCAL or self.conversion_revision_id is None:
            return False
        return self.copy.live_revision_id != self.conversion_revision_id


def _reason(row, clinic, now):
    if not clinic.live or is_expired(clinic, now):
        return "clinic not live"
    if not row.index_public:
        return "treatments index not live"
    if not row.live:
        return "unpublished"
    if is_expired(row, now):
        return "expired"
    if row.restricted:
        return "restricted"
    return ""


def _best(rows):
    """A clinic's copy to report when it has several: a public one, then an alias."""
    return min(rows, key=lambda row: (bool(row.why_not), row.alias_of_id is None, row.path))


def offering_grid(original_ids, clinics=None):
    """{(original id, clinic id): Offering} for every pair: three queries at most.

    `clinics` (a list of ClinicPage) defaults to every clinic, by title.
    """
    now = timezone.now()
    clinics = list(clinics) if clinics is not None else list(ClinicPage.objects.order_by("title"))
    by_path = {clinic.path: clinic for clinic in clinics}
    rows = (
        copies_of(list(original_ids))
        .annotate(restricted=under_page_restriction(), index_public=_parent_is_public(now))
        .only(
            "pk",
            "path",
            "depth",
            "title",
            "live",
            "expire_at",
            "alias_of_id",
            "url_path",
            "live_revision",
            "latest_revision",
        )
    )
    found = {}
    for row in rows:
        clinic = by_path.get(row.path[:CLINIC_PATH_LENGTH])
        if clinic is None:
            continue
        row.why_not = _reason(row, clinic, now)
        found.setdefault((row.original, clinic.pk), []).append(row)
    local_ids = [copy.pk for copy in map(_best, found.values()) if copy.alias_of_id is None]
    conversions = _conversion_revisions(local_ids)
    grid = {}
    for original in original_ids:
        for clinic in clinics:
            candidates = found.get((original, clinic.pk))
            if not candidates:
                grid[original, clinic.pk] = Offering(clinic, original, State.NOT_OFFERED)
                continue
            copy = _best(candidates)
            if copy.why_not:
                state = State.NOT_LIVE
            else:
                state = State.OFFERED if copy.alias_of_id else State.LOCAL
            grid[original, clinic.pk] = Offering(
                clinic,
                original,
                state,
                copy=copy,
                reason=copy.why_not,
                conversion_revision_id=conversions.get(copy.pk),
            )
    return grid


def _conversion_revisions(page_ids):
    """{page id: the revision Wagtail's "convert alias" created}: one query, if any."""
    if not page_ids:
        return {}
    entries = PageLogEntry.objects.filter(
        page_id__in=page_ids, action="wagtail.convert_alias"
    ).order_by("timestamp")
    return dict(entries.values_list("page_id", "revision_id"))


def originals_under(page):
    """Ids of the library originals whose offering a change to `page`'s subtree can change.

    Unpublishing, expiring or restricting a clinic or its treatments index changes
    whether each copy under it is offered; restricting an original hides its aliases.
    One query.
    """
    treatments = Page.objects.descendant_of(page, inclusive=True).filter(
        treatmentpage__isnull=False
    )
    originals = treatments.annotate(original=original_id_expression())
    return set(originals.values_list("original", flat=True))
