"""Which media is public by path, and how documents are handed to nginx.

Images and their renditions are public files: their URLs appear in pages and
the API, and a CDN may cache them. Documents are not: a document in a private
collection must only leave through Wagtail's serve view
(`wagtail.documents.views.serve`), which applies the collection's view
restriction first. So no URL map (the dev server here, nginx in
docs/deploy.md) serves `MEDIA_ROOT/documents/`; the serve view streams the
file, or in production hands it to nginx with `X-Accel-Redirect` to an
`internal` location a client cannot request itself.
"""

from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.conf.urls.static import static
from django.http import HttpResponse

# Folders of MEDIA_ROOT anyone may fetch by path (Wagtail's image upload_to and renditions).
PUBLIC_MEDIA_FOLDERS = ("images", "original_images")


def public_media_urls():
    """URL patterns serving the public media folders (dev server only), never documents."""
    patterns = []
    for folder in PUBLIC_MEDIA_FOLDERS:
        patterns += static(
            f"{settings.MEDIA_URL}{folder}/", document_root=Path(settings.MEDIA_ROOT) / folder
        )
    return patterns


def sendfile(request, filename, mimetype=None, **kwargs):
    """SENDFILE_BACKEND for Wagtail's serve view: nginx sends the file from SENDFILE_URL.

    Wagtail adds Content-Type, Content-Disposition and Content-Length around it.
    """
    relative = Path(filename).resolve().relative_to(Path(settings.MEDIA_ROOT).resolve())
    response = HttpResponse(content_type=mimetype)
    response["X-Accel-Redirect"] = quote(f"{settings.SENDFILE_URL}{relative.as_posix()}")
    return response
