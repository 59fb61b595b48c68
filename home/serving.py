"""Which site a request is served as: read in one place, chosen in one place.

Usually that is the Host's site (Wagtail's `Site.find_for_request`). Two
callers choose another: the API's `?site=HOST` (cms/api/scoping.py) and a
preview for one clinic (treatments/models.py, cms/delivery/preview.py). They
call `serve_as` once; everything that renders (templates, blocks, serializers,
rich text links, renditions, SEO tags) asks `served_site`, so a response never
mixes two sites.
"""

from dataclasses import dataclass

from wagtail.models import Site

from cms.request import django_request

_ATTR = "_serving"


@dataclass(frozen=True)
class Serving:
    site: Site | None
    api: bool = False  # an API v2 response (rich text in its `markdown` format resolves links)


def serve_as(request, site, *, api=False):
    """Answer this request as `site`. For the API, Wagtail's own site cache
    (`request._wagtail_site`, documented by `Site.find_for_request`) is set too,
    so page URLs computed by Wagtail are relative to the same site."""
    inner = django_request(request)
    setattr(inner, _ATTR, Serving(site, api=api))
    if api:
        # On both: Wagtail caches on whichever object it was handed first.
        for target in {id(request): request, id(inner): inner}.values():
            target._wagtail_site = site
    return site


def serving(request):
    """What `serve_as` chose for this request, else the Host's site."""
    if request is None:
        return Serving(None)
    request = django_request(request)
    chosen = getattr(request, _ATTR, None)
    return chosen if chosen is not None else Serving(Site.find_for_request(request))


def served_site(request):
    """The Site this request is answered as (None without a request)."""
    return serving(request).site
