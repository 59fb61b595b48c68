"""Treatment cards (title, summary, hero thumbnail) for every listing: homes, indexes, tag pages.

One query for the pages and one for their images with the thumbnail rendition,
however many cards. A served page's listing also records what it shows (the
hero images, and when the first listed page expires) for the response cache.
"""

from django.db.models import Prefetch

from cms.delivery.dependencies import depend_on, valid_until
from cms.delivery.keys import image_keys

from .renditions import images_with_renditions

CARD_RENDITION = "fill-400x300|format-webp"  # RENDITIONS["thumbnail"]


def treatment_cards(queryset, request=None, limit=None):
    """The pages of `queryset` by title, hero images prefetched with their renditions.

    Pass `request` only from a served Wagtail page: recording dependencies is
    what makes a response cacheable, so views that are never cached must not.
    """
    queryset = (
        queryset.defer_streamfields()
        .prefetch_related(Prefetch("hero_image", queryset=images_with_renditions()))
        .order_by("title")
    )
    pages = list(queryset[:limit] if limit else queryset)
    if request is not None:
        depend_on(request, *image_keys(p.hero_image_id for p in pages if p.hero_image_id))
        valid_until(request, *(page.expire_at for page in pages))
    return pages
