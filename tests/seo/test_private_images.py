"""An image from a private collection cannot be placed on a public page: its rendition
URLs would be in public HTML and JSON while the image itself is private."""

import pytest
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction

from cms.seo.panels import PRIVATE_IMAGE_MESSAGE
from tests.editorial.helpers import edit_treatment, treatment_body
from treatments.models import TreatmentPage


@pytest.fixture
def images(db):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Patients").add_child(name="Before and after")
    CollectionViewRestriction.objects.create(
        collection=private.get_parent(), restriction_type="login"
    )
    Image = get_image_model()
    return {
        "public": Image.objects.create(title="Clinic", file=get_test_image_file()),
        "private": Image.objects.create(
            title="Patient", file=get_test_image_file(), collection=private
        ),
    }


@pytest.mark.parametrize("field", ["og_image", "hero_image"])
def test_a_private_image_is_a_form_error(admin_client, library, images, field):
    page = library["dry-needling"]
    response = edit_treatment(admin_client, page, action=None, **{field: str(images["private"].pk)})
    assert response.status_code == 200
    assert PRIVATE_IMAGE_MESSAGE.split(",")[0] in response.content.decode()
    draft = TreatmentPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert getattr(draft, f"{field}_id") != images["private"].pk


@pytest.mark.parametrize("field", ["og_image", "hero_image"])
def test_a_public_image_is_accepted(admin_client, library, images, field):
    page = library["dry-needling"]
    response = edit_treatment(admin_client, page, action=None, **{field: str(images["public"].pk)})
    assert response.status_code == 302, response.content.decode()[:2000]
    draft = TreatmentPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert getattr(draft, f"{field}_id") == images["public"].pk


def _image_block(image):
    return ("image", {"image": str(image.pk), "alt_text": "A treatment room", "caption": ""})


def test_a_private_image_in_the_body_is_a_form_error(admin_client, library, images):
    page = library["dry-needling"]
    body = [*treatment_body(), _image_block(images["private"])]
    response = edit_treatment(admin_client, page, action=None, body=body)
    assert response.status_code == 200
    assert PRIVATE_IMAGE_MESSAGE.split(",")[0] in response.content.decode()
    public = [*treatment_body(), _image_block(images["public"])]
    response = edit_treatment(admin_client, page, action=None, body=public)
    assert response.status_code == 302, response.content.decode()[:2000]


def _move(client, image, collection):
    from django.urls import reverse

    return client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {
            "title": image.title,
            "collection": str(collection.pk),
            "tags": "",
            "description": image.description,
            "focal_point_x": "",
            "focal_point_y": "",
            "focal_point_width": "",
            "focal_point_height": "",
        },
    )


def test_an_image_public_pages_show_cannot_move_into_a_private_collection(
    admin_client, library, images
):
    hero = library["dry-needling"].hero_image
    private = images["private"].collection
    response = _move(admin_client, hero, private)
    assert response.status_code == 200
    html = response.content.decode()
    assert "This collection is private, and public pages show this image (Dry needling" in html
    assert type(hero).objects.get(pk=hero.pk).collection_id == hero.collection_id

    # Another public collection is fine, and so is a private one for an image no page shows.
    elsewhere = Collection.get_first_root_node().add_child(name="Clinic photos")
    assert _move(admin_client, hero, elsewhere).status_code == 302
    assert type(hero).objects.get(pk=hero.pk).collection_id == elsewhere.pk
    assert _move(admin_client, images["public"], private).status_code == 302
    assert type(hero).objects.get(pk=images["public"].pk).collection_id == private.pk


def test_an_image_only_a_private_page_shows_may_move(admin_client, library, images):
    from wagtail.models import PageViewRestriction

    page = library["vestibular-rehabilitation"]
    hero = page.hero_image
    for shown_on in TreatmentPage.objects.filter(hero_image=hero):
        PageViewRestriction.objects.create(page=shown_on, restriction_type="login")
    assert _move(admin_client, hero, images["private"].collection).status_code == 302


def test_the_bulk_move_follows_the_same_rule(admin_client, library, images):
    from django.urls import reverse

    hero = library["dry-needling"].hero_image
    private = images["private"].collection
    url = reverse("wagtail_bulk_action", args=("wagtailimages", "image", "add_to_collection"))
    query = f"?id={hero.pk}&id={images['public'].pk}&next=/admin/images/"
    response = admin_client.post(url + query, {"collection": str(private.pk)}, follow=True)
    assert "Nothing moved: Before and after is private" in response.content.decode()
    Image = type(hero)
    assert Image.objects.get(pk=hero.pk).collection_id == hero.collection_id
    assert Image.objects.get(pk=images["public"].pk).collection_id != private.pk

    query = f"?id={images['public'].pk}&next=/admin/images/"
    admin_client.post(url + query, {"collection": str(private.pk)})
    assert Image.objects.get(pk=images["public"].pk).collection_id == private.pk
