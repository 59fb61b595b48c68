"""The v2 router: one endpoint per module, registered in the order Wagtail resolves models.

`pages` comes before `clinic` so a ClinicPage inside a pages listing links to
pages/ID/; the clinic endpoint builds its own detail URLs.
"""

from wagtail.api.v2.router import WagtailAPIRouter

from .clinic import ClinicAPIViewSet
from .documents import ClinicDocumentsAPIViewSet
from .images import ClinicImagesAPIViewSet
from .pages import ClinicPagesAPIViewSet
from .preview import PreviewAPIViewSet
from .tags import TagsAPIViewSet

api_router = WagtailAPIRouter("api_v2")
api_router.register_endpoint("pages", ClinicPagesAPIViewSet)
api_router.register_endpoint("images", ClinicImagesAPIViewSet)
api_router.register_endpoint("documents", ClinicDocumentsAPIViewSet)
api_router.register_endpoint("clinic", ClinicAPIViewSet)
api_router.register_endpoint("tags", TagsAPIViewSet)
api_router.register_endpoint("preview", PreviewAPIViewSet)
