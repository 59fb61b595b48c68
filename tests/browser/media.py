"""Media for the browser: the test storage (InMemoryStorage) answers the page's /media/ requests.

Outside DEBUG nothing in Django serves /media/ (nginx does in production,
docs/deploy.md), so a browser test routes those requests to the storage the
live server wrote them to: a 404 means the file was never stored.
"""

import mimetypes

from django.core.files.storage import default_storage


def serve_media(route):
    name = route.request.url.split("/media/", 1)[1].split("?", 1)[0]
    if not default_storage.exists(name):
        route.fulfill(status=404)
        return
    with default_storage.open(name) as file:
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        route.fulfill(status=200, body=file.read(), content_type=content_type)


def route_media(page):
    page.route("**/media/**", serve_media)
    return page
