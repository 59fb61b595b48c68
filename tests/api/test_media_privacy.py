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
    assert set(renditions) == {"thumbnail", "small", "medium", "large", "social"}
    assert all({"url", "width", "height"} <= set(r) for r in renditions.values())


@pytest.fixture
def disk_media(settings, tmp_path):
    """Media on local disk, as on one machine (the test settings keep it in memory)."""
    from django.core.files.storage import storages

    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    yield tmp_path
    storages._storages.clear()


@pytest.fixture
def dev_urls(settings):
    """cms/urls.py as the dev server loads it (DEBUG on)."""
    import importlib

    from django.urls import clear_url_caches

    import cms.urls

    settings.DEBUG = True
    importlib.reload(cms.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(cms.urls)
    clear_url_caches()


def _restricted_media(collections):
    made = media(collections)
    CollectionViewRestriction.objects.create(
        collection=collections["private"], restriction_type="login"
    )
    return made


def test_dev_server_serves_images_by_path_but_never_documents(
    client, clinics, collections, disk_media, dev_urls
):
    made = _restricted_media(collections)
    image = made[("images", "private")]
    assert client.get(image.file.url).status_code == 200  # images are public files
    for name in ("public", "private", "private_child"):
        document = made[("documents", name)]
        assert document.file.url.startswith("/media/documents/")
        assert (disk_media / document.file.name).exists()
        assert client.get(document.file.url).status_code == 404
    # Through the serve view: the public one is served, the private one asks for a login.
    public, private = made[("documents", "public")], made[("documents", "private")]
    served = client.get(public.url)
    assert served.status_code == 200 and b"".join(served.streaming_content) == b"leaflet"
    assert client.get(private.url).status_code == 302


def test_production_hands_checked_documents_to_nginx(
    client, clinics, collections, disk_media, settings
):
    from wagtail.utils.sendfile import _get_sendfile

    settings.SENDFILE_BACKEND = "cms.ops.media"
    settings.SENDFILE_URL = "/protected-media/"
    _get_sendfile.clear()
    try:
        made = _restricted_media(collections)
        public, private = made[("documents", "public")], made[("documents", "private")]
        served = client.get(public.url)
        assert served.status_code == 200
        assert served["X-Accel-Redirect"] == f"/protected-media/{public.file.name}"
        assert served.content == b""  # nginx sends the bytes from its internal location
        assert served["Content-Type"].startswith("text/plain")
        refused = client.get(private.url)
        assert refused.status_code == 302 and "X-Accel-Redirect" not in refused
    finally:
        _get_sendfile.clear()
