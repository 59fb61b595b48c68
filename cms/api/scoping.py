"""One site per request, and only what an anonymous visitor of that site may see.

The API is a public, cacheable surface: view restrictions (password, login,
groups) always hide a page or collection and everything under it, whoever
asks. Privacy is expressed in SQL (EXISTS subqueries) so every filter, search
and lookup starts from the same scoped queryset at no extra query.
"""

from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Substr
from django.utils import timezone
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    Site,
)

from .errors import BadRequestError

_SITE_ATTR = "_wagtail_site"


def _site_from_parameter(value):
    hostname, _, port = value.partition(":")
    query = Site.objects.select_related("root_page").filter(hostname=hostname.lower())
    if port:
        if not port.isdigit() or not 0 < int(port) < 65536:
            raise BadRequestError(f"site port must be a number from 1 to 65535, got {port!r}")
        query = query.filter(port=int(port))
    sites = list(query[:2])
    if not sites:
        raise BadRequestError(f"unknown site: {value[:200]!r}")
    if len(sites) > 1:
        raise BadRequestError(f"several sites use {value!r}; add the port, e.g. {value}:80")
    return sites[0]


def resolve_site(request):
    """The Site this request is for: `?site=HOST[:PORT]`, else the Host header.

    The answer is stored where Wagtail looks for it (`request._wagtail_site`),
    so page URLs and the clinic resolver agree with the API about the site.
    """
    cached = getattr(request, "_api_site", None)
    if cached is not None:
        return cached
    value = request.GET.get("site")
    if value:
        site = _site_from_parameter(value)
    else:
        site = Site.find_for_request(request)
        if site is None:
            raise BadRequestError("no site is configured for this host")
    # A DRF Request wraps the Django one; Wagtail may be handed either.
    for target in (request, getattr(request, "_request", request)):
        setattr(target, _SITE_ATTR, site)
        target._api_site = site
    return site


def _under_restriction(restriction_model, node_field, outer_path):
    """EXISTS: a view restriction sits on the outer node or one of its ancestors."""
    steplen = Page.steplen if node_field == "page" else Collection.steplen
    ancestor_path = Substr(OuterRef(outer_path), 1, F(f"{node_field}__depth") * steplen)
    return Exists(restriction_model.objects.filter(**{f"{node_field}__path": ancestor_path}))


def public_pages(site, model=Page):
    """Live, unexpired, unrestricted pages of `site` (the site root included).

    With `site=None`, such pages of every site (the brand's clinic directory).
    """
    now = timezone.now()
    queryset = (
        model._default_manager.live()
        .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
        .exclude(_under_restriction(PageViewRestriction, "page", "path"))
    )
    if site is not None:
        queryset = queryset.descendant_of(site.root_page, inclusive=True)
    return queryset


def public_collections():
    """Collections with no view restriction on them or on any ancestor."""
    return Collection.objects.exclude(
        _under_restriction(CollectionViewRestriction, "collection", "path")
    )


def in_public_collections(queryset):
    """Images or documents outside restricted collections; safe to search further."""
    visible = queryset.filter(collection__in=public_collections()).values("pk")
    return queryset.model.objects.filter(pk__in=visible).order_by("id")
