"""/favicon.ico and /site.webmanifest on every host (browsers and crawlers ask the root).

The icon files live in cms/static/img/ (drawn from the logo mark); the manifest
names the site that answers, so each clinic installs under its own name.
"""

from functools import cache

from django.contrib.staticfiles import finders
from django.http import FileResponse, Http404, JsonResponse
from django.templatetags.static import static
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from home.serving import served_site

THEME = "#0b4f66"
DAY = 60 * 60 * 24


@cache
def _icon_path():
    return finders.find("img/favicon.ico")


@require_safe
@cache_control(public=True, max_age=DAY)
def favicon_ico(request):
    path = _icon_path()
    if not path:
        raise Http404("no favicon")
    return FileResponse(open(path, "rb"), content_type="image/x-icon")


@require_safe
@cache_control(public=True, max_age=DAY)
def web_manifest(request):
    site = served_site(request)
    name = site.site_name if site and site.site_name else "Clinic CMS"
    manifest = {
        "name": name,
        "short_name": name.split()[0] if len(name) > 12 else name,
        "start_url": "/",
        "scope": "/",
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": THEME,
        "icons": [
            {"src": static("img/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("img/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {"src": static("img/favicon.svg"), "sizes": "any", "type": "image/svg+xml"},
        ],
    }
    return JsonResponse(manifest, content_type="application/manifest+json")
