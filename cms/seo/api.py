"""The `seo` field of the page API: the values the page's HTML head carries."""

from rest_framework.fields import Field

from cms.request import django_request


class SeoField(Field):
    """Read-only {title, description, canonical, robots, site_name, og_type, image, twitter_card}."""

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, page):
        from .meta import seo_fields_for

        request = self.context["request"]
        return seo_fields_for(page, django_request(request))
