"""The Django request behind whatever a view was handed.

Django REST framework wraps the Django request in its own `Request`, which reads
unknown attributes from the wrapped one but writes them on itself. Whatever
keeps per-request state (the site served, the cache's dependency keys, resolved
rich text links) keeps it on the Django request through this, so a DRF view and
the templates and Wagtail code it calls see the same state.
"""


def django_request(request):
    """The Django request behind a DRF one; any other request as it is."""
    return getattr(request, "_request", request)
