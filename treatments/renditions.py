"""The image sizes the HTML and the API serve, fetched in bulk so images cost no extra queries."""

import copy

from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

# name -> Wagtail filter spec. Documented in docs/api.md; change both together.
RENDITIONS = {
    "thumbnail": "fill-400x300|format-webp",
    "medium": "max-800x800|format-webp",
    "large": "max-1600x1600|format-webp",
    "social": "fill-1200x630|format-jpeg",
}
HTML_RENDITION = "max-800x800|format-webp"


def images_with_renditions():
    """Image queryset that prefetches every rendition the site serves."""
    return get_image_model().objects.prefetch_renditions(*RENDITIONS.values())


def image_api_representation(image, alt=None):
    """{id, title, alt, width, height, renditions: {name: {url, width, height}}} or None."""
    if image is None:
        return None
    renditions = image.get_renditions(*RENDITIONS.values())
    return {
        "id": image.pk,
        "title": image.title,
        "alt": alt if alt is not None else image.default_alt_text,
        "width": image.width,
        "height": image.height,
        "renditions": {
            name: {
                "url": renditions[spec].url,
                "width": renditions[spec].width,
                "height": renditions[spec].height,
            }
            for name, spec in RENDITIONS.items()
        },
    }


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
