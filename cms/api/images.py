"""images/: Wagtail's ImagesAPIViewSet without restricted collections, plus renditions."""

from django.db.models import prefetch_related_objects
from wagtail.images.api.v2.serializers import ImageDownloadUrlField, ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet

from cms.visibility import in_public_collections

from . import filters
from .base import ScopedEndpointMixin
from .prefetch import renditions_prefetch
from .serializers import PrefetchedTagsMixin, image_renditions


class RenditionsField(ImageDownloadUrlField):
    """The documented rendition sizes of an image (treatments/renditions.py)."""

    def to_representation(self, image):
        return image_renditions(image, self.context["request"])


class ClinicImageSerializer(PrefetchedTagsMixin, ImageSerializer):
    renditions = RenditionsField(read_only=True)


class ClinicImagesAPIViewSet(ScopedEndpointMixin, ImagesAPIViewSet):
    base_serializer_class = ClinicImageSerializer
    # ?site= as on every endpoint (ScopedEndpointMixin resolves it).
    known_query_parameters = ImagesAPIViewSet.known_query_parameters | {"site"}
    filter_backends = filters.MEDIA_FILTERS
    meta_fields = [*ImagesAPIViewSet.meta_fields, "renditions"]

    def get_queryset(self):
        # Restricted collections (and their children) are hidden from everyone.
        return in_public_collections(self.model.objects.all())

    def prefetch(self, objects, serializer_class):
        super().prefetch(objects, serializer_class)
        if objects and "renditions" in serializer_class.Meta.fields:
            prefetch_related_objects(objects, renditions_prefetch())
