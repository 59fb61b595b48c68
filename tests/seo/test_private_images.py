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
