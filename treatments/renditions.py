"""The image sizes the HTML and the API serve, fetched in bulk so images cost no extra queries.

URLs in the API are absolute on the site the response is for (its `Site.root_url`),
like `detail_url` and `html_url`; a `MEDIA_URL` that is already absolute (a CDN)
is kept as it is.
"""

import copy

from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

from home.serving import served_site

# name -> Wagtail filter spec. Documented in docs/api.md; change both together.
RENDITIONS = {
    "thumbnail": "fill-400x300|format-webp",
    "small": "max-400x400|format-webp",
    "medium": "max-800x800|format-webp",
    "large": "max-1600x1600|format-webp",
    "social": "fill-1200x630|format-jpeg",
}
# One aspect ratio, growing widths: the `srcset` of the API and of the HTML's
# `{% srcset_image ... max-{400x400,800x800,1600x1600} format-webp %}`.
SRCSET = ("small", "medium", "large")


def absolute_url(url, root_url):
    """`url` on the site at `root_url` when it is a path; an absolute URL is kept."""
    if root_url and url.startswith("/") and not url.startswith("//"):
        return root_url.rstrip("/") + url
    return url


def srcset(renditions):
    """`url 400w, url 800w, ...` from {name: {url, width}} (one entry per width)."""
    entries, widths = [], set()
    for name in SRCSET:
        rendition = renditions.get(name)
        if rendition and rendition["width"] not in widths:
            widths.add(rendition["width"])
            entries.append(f"{rendition['url']} {rendition['width']}w")
    return ", ".join(entries)


def images_with_renditions():
    """Image queryset that prefetches every rendition the site serves."""
    return get_image_model().objects.prefetch_renditions(*RENDITIONS.values())


def image_api_representation(image, alt=None, root_url=""):
    """{id, title, alt, width, height, renditions: {name: {url, width, height}}, srcset} or None."""
    if image is None:
        return None
    found = image.get_renditions(*RENDITIONS.values())
    renditions = {
        name: {
            "url": absolute_url(found[spec].url, root_url),
            "width": found[spec].width,
            "height": found[spec].height,
        }
        for name, spec in RENDITIONS.items()
    }
    return {
        "id": image.pk,
        "title": image.title,
        "alt": alt if alt is not None else image.default_alt_text,
        "width": image.width,
        "height": image.height,
        "renditions": renditions,
        "srcset": srcset(renditions),
    }


def request_root_url(request):
    """The root URL of the site a request is served for ("" without one)."""
    if request is None:
        return ""
    site = served_site(request)
    return site.root_url if site else ""


class RenditionImageChooserBlock(ImageChooserBlock):
    """An image chooser whose bulk load prefetches the served renditions (one query, not one per image)."""

    def bulk_to_python(self, values):
        values = list(values)
        objects = images_with_renditions().in_bulk([v for v in values if v is not None])
        seen, result = set(), []
        for pk in values:
            obj = objects.get(pk)
            if obj is not None and pk in seen:
                obj = copy.copy(obj)
            result.append(obj)
            seen.add(pk)
        return result
