"""Headless preview: an editor's draft, shown in a clinic's front end through a signed, expiring token.

Same contract as wagtail-headless-preview (whose tokens never expire, and whose
preview replaces Wagtail's own): the editor picks "<clinic> front end" in the
preview panel; the CMS freezes the content in a PreviewSnapshot and sends the
editor to the front end's preview URL with `content_type` and `token`; the front
end calls `GET /api/v2/preview/?token=...` and gets the page in the same JSON as
`/api/v2/pages/<id>/`, resolved for that clinic. An invalid or expired token is
a 401 and nothing else on any public surface changes.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.http import Http404
from django.shortcuts import render
from django.utils.http import urlencode
from rest_framework.exceptions import MethodNotAllowed
from rest_framework.response import Response

from cms.api.errors import BadRequestError
from cms.api.pages import ClinicPagesAPIViewSet

from .models import PreviewSnapshot

SALT = "cms.delivery.preview"
FRONTEND_MODE_PREFIX = "frontend:"


class PreviewTokenError(Exception):
    pass


def make_token(snapshot):
    return signing.TimestampSigner(salt=SALT).sign(str(snapshot.pk))


def snapshot_for_token(token):
    try:
        pk = signing.TimestampSigner(salt=SALT).unsign(
            token, max_age=settings.PREVIEW_TOKEN_MAX_AGE
        )
    except signing.SignatureExpired as error:
        raise PreviewTokenError(
            "preview token expired; open the preview again from the editor"
        ) from error
    except signing.BadSignature as error:
        raise PreviewTokenError("invalid preview token") from error
    snapshot = PreviewSnapshot.objects.select_related("site", "content_type").filter(pk=pk).first()
    if snapshot is None:
        raise PreviewTokenError("preview token expired; open the preview again from the editor")
    return snapshot


def client_preview_url(site, page, token):
    base = settings.PREVIEW_CLIENT_URL.format(
        root_url=site.root_url.rstrip("/"), hostname=site.hostname
    )
    query = urlencode(
        {"content_type": f"{page._meta.app_label}.{page._meta.model_name}", "token": token}
    )
    return f"{base}?{query}"


def serve_frontend_preview(page, request, site):
    """The preview panel's answer for a front-end mode: freeze the content, link to the front end."""
    PreviewSnapshot.delete_expired(settings.PREVIEW_TOKEN_MAX_AGE)
    snapshot = PreviewSnapshot.objects.create(
        page_id=page.pk,
        content_type=ContentType.objects.get_for_model(page),
        content_json=page.to_json(),
        site=site,
        created_by=request.user if request.user.is_authenticated else None,
    )
    token = make_token(snapshot)
    return render(
        request,
        "delivery/frontend_preview.html",
        {
            "page": page,
            "site": site,
            "preview_url": client_preview_url(site, page, token),
            "api_url": f"/api/v2/preview/?{urlencode({'token': token})}",
            "max_age_minutes": settings.PREVIEW_TOKEN_MAX_AGE // 60,
        },
    )


class PreviewAPIViewSet(ClinicPagesAPIViewSet):
    """GET /api/v2/preview/?token=...: the frozen draft, for the site it was previewed for."""

    name = "preview"
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
            self.site = self.snapshot.site
            for target in (request, request._request):
                target._wagtail_site = target._api_site = self.site

    def preview_view(self, request):
        if self.preview_error:
            return Response({"message": self.preview_error}, status=401)
        page = self.snapshot.as_page()
        if page is None:
            raise Http404
        serializer_class = self.get_serializer_class_for(type(page))
        self.prefetch([page], serializer_class)
        data = serializer_class(page, context=self.get_serializer_context()).data
        response = Response(data)
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
        return response
