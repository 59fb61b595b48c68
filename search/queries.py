"""The scoped search every public surface runs: one site's live, public pages.

The HTML search page and `/api/v2/pages/?search=` answer from the same
queryset (cms.visibility.public_pages) handed to the same backend call, so a
front end and a patient see the same results. Only the user's words reach the
backend: quotes, operators and control characters are dropped first, because
the database backends pass terms into FTS5 / tsquery syntax and some
characters (a lone `"`, NUL) make them raise instead of matching nothing.
"""

import logging
import re

from django.conf import settings
from django.db import DatabaseError, transaction
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import normalise_query_string

from cms.visibility import public_pages

logger = logging.getLogger(__name__)

# Longest query the search page accepts (longer input is a 400 with a message).
MAX_QUERY_LENGTH = getattr(settings, "SEARCH_MAX_QUERY_LENGTH", 200)
# Most words passed to the backend; the rest of a very wordy query is ignored.
MAX_TERMS = 12

_WORD = re.compile(r"\w+", re.UNICODE)


def search_terms(raw):
    """The words of a query, in order: letters, digits and underscores only."""
    return _WORD.findall(raw or "")[:MAX_TERMS]


def site_pages(site):
    """Every page a visitor of `site` may find, as the API's pages/ endpoint builds it."""
    visible = public_pages(site).values("pk")
    return Page.objects.filter(pk__in=visible).order_by("path")


def search_site(site, terms, operator=None):
    """Search results (relevance order) for `terms` among `site`'s public pages.

    Returns a lazy SearchResults: slicing runs one query, `.count()` another.
    """
    return get_search_backend().search(" ".join(terms), site_pages(site), operator=operator)


def promoted_pages(site, terms):
    """Pages SEO staff pinned for this query that belong to `site`, in their order.

    External-link promotions belong to no site, so no site shows them.
    """
    query_string = normalise_query_string(" ".join(terms))
    if not query_string:
        return []
    promotions = SearchPromotion.objects.filter(
        query__query_string=query_string,
        page__in=public_pages(site).values("pk"),
    ).order_by("sort_order", "pk")
    return list(promotions)


def record_hit(terms):
    """Count the query for the admin's popular search terms report.

    The count is a nicety; the results are not. A database that refuses writes
    (read-only replica or failover, a full disk) loses the hit, logged, and the
    savepoint keeps the request's transaction usable for the rest of the page.
    """
    if not terms:
        return
    try:
        with transaction.atomic():
            Query.get(" ".join(terms)).add_hit()
    except DatabaseError as exc:
        logger.warning("search hit not recorded: %s", type(exc).__name__)
