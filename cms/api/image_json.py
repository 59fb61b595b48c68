"""An image as the API's ImageField: the block library's image JSON plus Wagtail's meta."""

from wagtail.api.v2.utils import get_object_detail_url
from wagtail.images.models import SourceImageIOError

from treatments.renditions import RENDITIONS, image_api_representation, request_root_url


def image_field_representation(image, request, router):
    """An image as the API's ImageField: the block library's image JSON plus Wagtail's meta."""
    try:
        data = image_api_representation(image, root_url=request_root_url(request))
    except SourceImageIOError:
        data = {
            "id": image.pk,
            "title": image.title,
            "renditions": dict.fromkeys(RENDITIONS),
            "srcset": "",
        }
    meta = {
        "type": f"{type(image)._meta.app_label}.{type(image).__name__}",
        "detail_url": get_object_detail_url(router, request, type(image), image.pk),
    }
    return {"id": data.pop("id"), "meta": meta, **data}
