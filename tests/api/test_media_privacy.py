"""Images and documents in a restricted collection, or any collection under it, stay out."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction

from .conftest import ids


@pytest.fixture
def collections(db):
    root = Collection.get_first_root_node()
    public = root.add_child(name="Public")
    private = root.add_child(name="Private")
    return {"public": public, "private": private, "private_child": private.add_child(name="Inner")}


def media(collections):
    Image, Document = get_image_model(), get_document_model()
    made = {}
    for name, collection in collections.items():
        made[("images", name)] = Image.objects.create(
            title=f"Image {name}", file=get_test_image_file(), collection=collection
        )
        made[("documents", name)] = Document.objects.create(
            title=f"Document {name}",
            file=ContentFile(b"leaflet", name=f"{name}.txt"),
            collection=collection,
        )
    return made


@pytest.mark.parametrize("endpoint", ["images", "documents"])
@pytest.mark.parametrize("restriction_type", ["password", "login", "groups"])
def test_restricted_collections_are_hidden(northeast_api, collections, endpoint, restriction_type):
    made = media(collections)
    CollectionViewRestriction.objects.create(
        collection=collections["private"], restriction_type=restriction_type, password="pw"
    )
    listed = ids(northeast_api.json(f"{endpoint}/"))
    searched = [
        pk
        for word in ("public", "private", "private_child")
        for pk in ids(northeast_api.json(f"{endpoint}/", search=word))
    ]
    assert made[(endpoint, "public")].pk in listed
    assert made[(endpoint, "public")].pk in searched
    for name in ("private", "private_child"):
        obj = made[(endpoint, name)]
        assert obj.pk not in listed
        assert obj.pk not in searched
        assert obj.pk not in ids(northeast_api.json(f"{endpoint}/", title=obj.title))
        assert northeast_api.get(f"{endpoint}/{obj.pk}/").status_code == 404
        assert northeast_api.get(f"{endpoint}/find/", id=obj.pk).status_code == 404


def test_image_renditions_in_the_documented_sizes(northeast_api, collections):
    image = media(collections)[("images", "public")]
    detail = northeast_api.json(f"images/{image.pk}/", fields="renditions")
    renditions = detail["meta"]["renditions"]
    assert set(renditions) == {"thumbnail", "medium", "large", "social"}
    assert all({"url", "width", "height"} <= set(r) for r in renditions.values())
