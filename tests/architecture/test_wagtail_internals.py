"""Private Wagtail APIs the project relies on, each pinned by a test of its own.

Wagtail may rename or drop any of these in a release; when it does, the test
here fails with the name of the module that relies on it, instead of a query
count quietly growing or a site mixed up somewhere else.
"""

import inspect

import pytest
from django.test import RequestFactory
from wagtail import query as wagtail_query
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.api.v2 import filters as wagtail_api_filters
from wagtail.blocks import CharBlock, StreamBlock, StreamValue
from wagtail.models import Page, Site

from cms.api.router import api_router
from home.serving import serve_as, served_site

pytestmark = pytest.mark.django_db


def test_site_cache_attribute_is_what_find_for_request_reads():
    """home/serving.py: `serve_as(..., api=True)` writes Wagtail's `_wagtail_site`, so page
    URLs Wagtail computes for an API response use the `?site=` site."""
    other = Site.objects.create(
        hostname="other.example", port=80, root_page=Page.get_first_root_node()
    )
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    serve_as(request, other, api=True)
    assert Site.find_for_request(request) == other
    assert served_site(request) == other


def test_router_keeps_its_endpoints_by_name():
    """cms/openapi/document.py and cms/api/urls.py list the endpoints from `_endpoints`."""
    assert list(api_router._endpoints) == [
        "pages",
        "images",
        "documents",
        "clinic",
        "tags",
        "preview",
    ]


def test_cached_parent_spares_get_parent_its_query(django_assert_num_queries):
    """home/routing.py and cms/api/serializers.py set `_cached_parent_obj` from rows they hold."""
    root = Page.get_first_root_node()
    child = root.get_children().first()
    child = Page.objects.get(pk=child.pk)
    child._cached_parent_obj = root
    with django_assert_num_queries(0):
        assert child.get_parent() is root


def test_child_of_filter_leaves_its_parent_on_the_queryset():
    """cms/api/filters.py carries `_filtered_by_child_of` over its locale filter, as
    Wagtail's own filters do, so `meta.parent` of a child_of listing costs no query."""
    source = inspect.getsource(wagtail_api_filters)
    assert "queryset._filtered_by_child_of = parent_page" in source


def test_stream_value_holds_raw_data_and_bound_blocks():
    """cms/api/prefetch.py converts every page's blocks in one batch by filling
    `StreamValue._bound_blocks` from `_raw_data`, as `_prefetch_blocks` does per value."""
    block = StreamBlock([("text", CharBlock())])
    value = StreamValue(block, [{"type": "text", "value": "raw", "id": "a"}], is_lazy=True)
    assert value._raw_data[0]["value"] == "raw"
    assert value._bound_blocks[0] is None
    value._bound_blocks[0] = StreamValue.StreamChild(block.child_blocks["text"], "bound", id="a")
    assert value[0].value == "bound"


def test_publish_action_has_the_after_publish_step_seo_publishing_overrides():
    """cms/seo/seo_publish.py overrides `_after_publish` and empties
    `_current_workflow_states` (the prefetch cache of wagtail/query.py) so an SEO
    publish does not cancel a workflow in progress."""
    assert "_after_publish" in vars(PublishPageRevisionAction)
    assert 'to_attr="_current_workflow_states"' in inspect.getsource(wagtail_query)
