"""A page's library original: the one rule, for instances (Python) and querysets (SQL).

A treatment is authored once in the brand library; clinics carry copies of it.
A page speaks for its library original: a clinic's alias for the page it aliases
(`alias_of`), a local page converted from an alias for the page it was converted
from (`library_page`, which TreatmentPage.save keeps equal to `alias_of` on an
alias), any other page for itself. The functions below are the two forms of
that one rule, side by side so that they change together: `original_id` reads
an instance without a query, `original_id_expression` is the same rule as SQL
for annotating a Page queryset, `copies_of_filter` selects the pages whose
original is another page among some ids, and `copy_filter` every page whose
original is another page (a clinic's copy).

`original_id` reads `library_page_id` only where the instance has it (a
TreatmentPage); on a base Page instance of a converted copy it answers the
page's own id, as every caller passes specific pages.
"""

from django.db.models import Q
from django.db.models.functions import Coalesce

# Relation from Page to the TreatmentPage row's library original.
LIBRARY_PAGE = "treatmentpage__library_page_id"


def original_id(page):
    """The id of the library page `page` speaks for (itself when it is the original)."""
    return getattr(page, "library_page_id", None) or page.alias_of_id or page.pk


def original_id_expression():
    """`original_id` as SQL, to annotate a Page queryset with: `.annotate(original=...)`."""
    return Coalesce(LIBRARY_PAGE, "alias_of_id", "pk")


def copies_of_filter(original_ids):
    """Q: the pages that are aliases of, or were converted from, one of `original_ids`
    (ids or a subquery); the originals themselves are not among them."""
    return Q(alias_of_id__in=original_ids) | Q(**{f"{LIBRARY_PAGE}__in": original_ids})


def copy_filter(library_page=LIBRARY_PAGE):
    """Q: the pages speaking for another page, aliases and converted copies (`original_id`
    is not their own id). On a TreatmentPage queryset pass `library_page="library_page_id"`."""
    return Q(alias_of_id__isnull=False) | Q(**{f"{library_page}__isnull": False})
