"""GET /api/v2/preview/?token=...: an editor's frozen draft, for the front end that shows it.

The token, the snapshot and the panel that frames the front end are
cms/delivery/preview.py; the contract is docs/preview.md.
"""

from django.http import Http404
from django.utils import timezone
from rest_framework.exceptions import MethodNotAllowed
from rest_framework.fields import Field
from rest_framework.response import Response

from cms.delivery.preview import (
    PreviewTokenError,
    expires_at,
    place_on_site,
    site_parameter,
    snapshot_for_token,
)
from home.serving import django_request, serve_as

from .errors import BadRequestError
from .pages import ClinicPagesAPIViewSet
from .serializers import PageSerializer


class PreviewMetaField(Field):
    """meta.preview: which site the draft is previewed on, its path there, when the token ends."""

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, page):
        view = self.context["view"]
        parts = page.get_url_parts(django_request(self.context["request"]))
        return {
            "site": site_parameter(view.site),
            "html_path": parts[2] if parts else None,
            "expires_at": timezone.localtime(expires_at(view.snapshot)).isoformat(),
        }


class PreviewPageSerializer(PageSerializer):
    preview = PreviewMetaField()


class PreviewAPIViewSet(ClinicPagesAPIViewSet):
    """GET /api/v2/preview/?token=...: the frozen draft, for the site it was previewed for."""

    name = "preview"
    base_serializer_class = PreviewPageSerializer
    meta_fields = [*ClinicPagesAPIViewSet.meta_fields, "preview"]
    known_query_parameters = ClinicPagesAPIViewSet.known_query_parameters.union(["token"])

    @classmethod
    def get_urlpatterns(cls):
        from django.urls import path

        return [path("", cls.as_view({"get": "preview_view"}), name="listing")]

    def initial(self, request, *args, **kwargs):
        if getattr(self, request.method.lower(), None) is None:
            # A write is refused for its method (405) before the token is looked at.
            raise MethodNotAllowed(request.method)
        token = request.GET.get("token")
        if not token:
            raise BadRequestError("token is required")
        try:
            self.snapshot = snapshot_for_token(token)
        except PreviewTokenError as error:
            self.preview_error = str(error)
        else:
            self.preview_error = None
        super().initial(request, *args, **kwargs)
        if not self.preview_error:
            # The preview is for the clinic it was opened for, whatever the Host.
            self.site = serve_as(request, self.snapshot.site, api=True)

    def preview_view(self, request):
        if self.preview_error:
            return Response({"message": self.preview_error}, status=401)
        page = self.snapshot.as_page()
        if page is None:
            raise Http404
        place_on_site(page, self.site, django_request(request))
        serializer_class = self.get_serializer_class_for(type(page))
        self.prefetch([page], serializer_class)
        data = serializer_class(page, context=self.get_serializer_context()).data
        response = Response(data)
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
        return response
