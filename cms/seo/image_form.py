"""An image shown on public pages cannot move into a private collection.

A page's form refuses an image from a private collection (cms/seo/panels.py);
this is the other way round: the image's own form refuses to move an image
that public pages show into a collection with a view restriction, naming
those pages, since its rendition URLs would stay in their HTML and JSON while
the image API hides it. Where an image is shown comes from Wagtail's reference
index (the pages' published rows), one query for the references and one for
the public pages among them.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from wagtail.images.forms import BaseImageForm
from wagtail.models import Page, ReferenceIndex

from cms.visibility import public_collections, public_pages

SHOWN_PAGES = 5


def public_pages_showing(image):
    """Titles of the live public pages whose published content shows `image`."""
    references = ReferenceIndex.get_references_to(image).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    ids = {int(pk) for pk in references.values_list("object_id", flat=True)}
    if not ids:
        return []
    return list(
        public_pages(None).filter(pk__in=ids).order_by("title").values_list("title", flat=True)
    )


class ImageForm(BaseImageForm):
    def clean_collection(self):
        collection = self.cleaned_data.get("collection")
        moving = self.instance.pk and collection and collection.pk != self.instance.collection_id
        if moving and not public_collections().filter(pk=collection.pk).exists():
            titles = public_pages_showing(self.instance)
            if titles:
                shown = ", ".join(titles[:SHOWN_PAGES])
                more = len(titles) - SHOWN_PAGES
                raise ValidationError(
                    "This collection is private, and public pages show this image "
                    f"({shown}{f' and {more} more' if more > 0 else ''}): replace it on them "
                    "first, or choose a public collection.",
                    code="image_in_use_on_public_pages",
                )
        return collection


def refuse_bulk_move_of_shown_images(request, action_type, objects, action):
    """before_bulk_action: "Add to collection" follows the form's rule for each image."""
    from django.contrib import messages
    from django.shortcuts import redirect
    from wagtail.images import get_image_model

    if action_type != "add_to_collection" or action.model is not get_image_model():
        return None
    collection = action.cleaned_form.cleaned_data.get("collection")
    if collection is None or public_collections().filter(pk=collection.pk).exists():
        return None
    shown = {image.title: public_pages_showing(image) for image in objects}
    shown = {title: pages for title, pages in shown.items() if pages}
    if not shown:
        return None
    messages.error(
        request,
        f"Nothing moved: {collection.name} is private, and public pages show "
        + "; ".join(f"{title} ({', '.join(pages[:SHOWN_PAGES])})" for title, pages in shown.items())
        + ". Replace those images on their pages first, or choose a public collection.",
    )
    return redirect(action.next_url)
