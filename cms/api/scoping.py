"""One site per request: the Host header, or `?site=HOST[:PORT]`.

What an anonymous visitor of that site may see is cms.visibility's rule, the
same for the API as for every other public surface.
"""

from wagtail.models import Site

from cms.ops.excerpt import excerpt
from home.serving import serve_as, served_site

from .errors import BadRequestError


def _site_from_parameter(value):
    hostname, _, port = value.partition(":")
    query = Site.objects.select_related("root_page").filter(hostname=hostname.lower())
    if port:
        if not port.isdigit() or not 0 < int(port) < 65536:
            raise BadRequestError(
                f"site port must be a number from 1 to 65535, got {excerpt(port)!r}"
            )
        query = query.filter(port=int(port))
    sites = list(query[:2])
    if not sites:
        raise BadRequestError(f"unknown site: {excerpt(value)!r}")
    if len(sites) > 1:
        raise BadRequestError(
            f"several sites use {excerpt(value)!r}; add the port, e.g. {excerpt(value)}:80"
        )
    return sites[0]


def resolve_site(request):
    """The Site this request is for: `?site=HOST[:PORT]`, else the Host header.

    Recorded with `home.serving.serve_as`, so page URLs, the clinic context and
    everything the response renders agree with the API about the site.
    """
    value = request.GET.get("site")
    if value:
        site = _site_from_parameter(value)
    else:
        site = served_site(request)  # the Host's: nothing chose another yet
        if site is None:
            raise BadRequestError("no site is configured for this host")
    return serve_as(request, site, api=True)
