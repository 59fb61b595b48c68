"""documents/: Wagtail's DocumentsAPIViewSet without restricted collections."""

from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.documents.api.v2.views import DocumentsAPIViewSet

from cms.visibility import in_public_collections

from . import filters
from .base import ScopedEndpointMixin
from .serializers import PrefetchedTagsMixin


class ClinicDocumentSerializer(PrefetchedTagsMixin, DocumentSerializer):
    pass


class ClinicDocumentsAPIViewSet(ScopedEndpointMixin, DocumentsAPIViewSet):
    base_serializer_class = ClinicDocumentSerializer
    # ?site= as on every endpoint (ScopedEndpointMixin resolves it).
    known_query_parameters = DocumentsAPIViewSet.known_query_parameters | {"site"}
    filter_backends = filters.MEDIA_FILTERS

    def get_queryset(self):
        # Restricted collections (and their children) are hidden from everyone.
        return in_public_collections(self.model.objects.all())
