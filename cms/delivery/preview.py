"""Headless preview: an editor's draft, shown in a clinic's front end through a signed, expiring token.

The contract is docs/preview.md. In short, as wagtail-headless-preview (whose
tokens never expire, and whose preview replaces Wagtail's own): the editor picks
"<clinic> (front end)" in the preview panel; the CMS freezes the content in a
PreviewSnapshot and shows the front end's preview URL (PREVIEW_CLIENT_URL with
`token`, `site` and `content_type`) inside the panel; the front end calls
`GET /api/v2/preview/?token=...` (cms/api/preview.py) and gets the page in the same JSON as
`/api/v2/pages/<id>/`, resolved for that clinic and placed in its tree (a library
treatment previewed at Northeast has Northeast's html_url, parent and JSON-LD),
plus `meta.preview`. An invalid or expired token is a 401 and nothing else on any
public surface changes.
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.shortcuts import render
from django.utils.http import urlencode
from wagtail.models import Page

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


def site_parameter(site):
    """The site as the API's `?site=` takes it: HOST, or HOST:PORT off the default ports."""
    return site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}"


def client_preview_url(site, page, token):
    """PREVIEW_CLIENT_URL with ?token=&site=&content_type= (docs/preview.md)."""
    base = settings.PREVIEW_CLIENT_URL.format(
        root_url=site.root_url.rstrip("/"), hostname=site.hostname
    )
    query = urlencode(
        {
            "token": token,
            "site": site_parameter(site),
            "content_type": f"{page._meta.app_label}.{page._meta.model_name}",
        }
    )
    return f"{base}{'&' if '?' in base else '?'}{query}"


def place_on_site(page, site, request=None):
    """Put a previewed page where the site shows it, so its URLs are that site's.

    A library treatment previewed at a clinic takes the position of the clinic's
    copy (or, when the clinic does not offer it yet, of a child of the clinic's
    page at the same place, e.g. its treatments index): url_path, path and depth,
    which html_url, meta.parent and the JSON-LD breadcrumb read. Nothing is saved.
    One query, none for a page already inside the site.
    """
    root = site.root_page
    parts = page.get_url_parts(request)  # the site root paths are cached: no query
    if page.path.startswith(root.path) or parts is None:
        return page
    target = root.url_path + parts[2].lstrip("/")
    parent_url_path = target.rstrip("/").rsplit("/", 1)[0] + "/"
    found = {
        p.url_path: p
        for p in Page.objects.filter(
            path__startswith=root.path, url_path__in=[target, parent_url_path]
        ).only("path", "depth", "url_path")
    }
    if target in found:
        page.path, page.depth = found[target].path, found[target].depth
    elif parent_url_path in found:
        parent = found[parent_url_path]
        page.path = parent.path + "Z" * Page.steplen  # no sibling has it: a place, not a row
        page.depth = parent.depth + 1
    page.url_path = target
    return page


def serve_frontend_preview(page, request, site):
    """The preview panel's answer for a front-end mode: freeze the content, frame the front end."""
    PreviewSnapshot.delete_expired(settings.PREVIEW_TOKEN_MAX_AGE)
    snapshot = PreviewSnapshot.objects.create(
        page_id=page.pk,
        content_type=ContentType.objects.get_for_model(page),
        content_json=page.to_json(),
        site=site,
        created_by=request.user if request.user.is_authenticated else None,
    )
    token = make_token(snapshot)
    preview_url = client_preview_url(site, page, token)
    parts = place_on_site(snapshot.as_page(), site, request).get_url_parts(request)
    client = urlsplit(preview_url)
    client_origin = f"{client.scheme}://{client.netloc}"
    response = render(
        request,
        "delivery/frontend_preview.html",
        {
            "page": page,
            "site": site,
            "site_parameter": site_parameter(site),
            "html_path": parts[2] if parts else "/",
            "preview_url": preview_url,
            "client_origin": client_origin,
            "api_url": f"{site.root_url}/api/v2/preview/?{urlencode({'token': token})}",
            "max_age_minutes": settings.PREVIEW_TOKEN_MAX_AGE // 60,
        },
    )
    # The admin's policy frames https: only; the front end may be http://localhost:3000.
    response._csp_update = {"frame-src": [client_origin]}
    return response


def expires_at(snapshot):
    return snapshot.created_at + datetime.timedelta(seconds=settings.PREVIEW_TOKEN_MAX_AGE)
