from django.urls import path

from .sitemaps import sitemap_xml
from .views import robots_txt, tag_page

urlpatterns = [
    path("robots.txt", robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap_xml, name="sitemap_xml"),
    path("tags/<slug:slug>/", tag_page, name="tag_page"),
]
