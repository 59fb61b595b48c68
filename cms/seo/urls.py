from django.urls import path

from .icons import favicon_ico, web_manifest
from .sitemaps import sitemap_xml
from .views import robots_txt, tag_page

urlpatterns = [
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon_ico, name="favicon_ico"),
    path("site.webmanifest", web_manifest, name="web_manifest"),
    path("sitemap.xml", sitemap_xml, name="sitemap_xml"),
    path("tags/<slug:slug>/", tag_page, name="tag_page"),
]
