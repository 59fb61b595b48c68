"""Template context: the Site serving this request and, on a clinic site, its clinic."""

from wagtail.models import Site


def current_site(request):
    site = Site.find_for_request(request)
    return {"current_site": site}
