"""What a StreamField's raw data refers to, found by each block's type, not its name.

A cached response depends on every image, tag and page its StreamField shows.
Walking the raw JSON (no query, no conversion to values) alongside the block
definitions finds each chooser by what it is: an `ImageChooserBlock` named
`poster`, a `PageChooserBlock` inside a ListBlock inside a StructBlock, a
snippet chooser for tags. Rich text (any string) adds the pages its
`<a linktype="page">` links point to. An id is kept under its chooser's
target model: images, pages (any page type), and tags (a taggit tag model:
the treatment tags); other models (documents) are not keys of the response
cache.
"""

from dataclasses import dataclass, field

from taggit.models import TagBase
from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.rich_text.rewriters import FIND_A_TAG, extract_attrs

_MARKER = 'linktype="page"'


def page_link_ids(html):
    """Ids of the pages `<a linktype="page" id="N">` tags in `html` link to (no query)."""
    found = set()
    if not html or _MARKER not in html:
        return found
    for match in FIND_A_TAG.finditer(html):
        attrs = extract_attrs(match.group(1))
        if attrs.get("linktype") == "page":
            page_id = parse_id(attrs.get("id"))
            if page_id is not None:
                found.add(page_id)
    return found


def raw_link_ids(node):
    """Page link ids in every string of StreamField raw data (or any JSON-like value)."""
    found = set()
    if isinstance(node, str):
        found |= page_link_ids(node)
    elif isinstance(node, dict):
        for value in node.values():
            found |= raw_link_ids(value)
    elif isinstance(node, list | tuple):
        for value in node:
            found |= raw_link_ids(value)
    return found


def parse_id(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@dataclass
class References:
    images: set = field(default_factory=set)
    tags: set = field(default_factory=set)
    pages: set = field(default_factory=set)  # chosen pages and rich text link targets
    links: set = field(default_factory=set)  # rich text link targets only

    def add(self, target_model, object_id):
        if not isinstance(object_id, int) or isinstance(object_id, bool):
            return
        if issubclass(target_model, get_image_model()):
            self.images.add(object_id)
        elif issubclass(target_model, Page):
            self.pages.add(object_id)
        elif issubclass(target_model, TagBase):
            self.tags.add(object_id)


def _children(raw):
    """A StreamBlock's or a new-style ListBlock's raw items as (type, value) pairs."""
    for item in raw or ():
        if isinstance(item, dict) and "type" in item and "value" in item:
            yield item["type"], item["value"]
        else:
            yield None, item  # an old-style ListBlock item: the value itself


def _walk(block, raw, found):
    if isinstance(block, blocks.ChooserBlock):
        found.add(block.target_model, raw)
    elif isinstance(block, blocks.StreamBlock):
        for name, value in _children(raw):
            child = block.child_blocks.get(name)
            if child is not None:
                _walk(child, value, found)
    elif isinstance(block, blocks.ListBlock):
        for _, value in _children(raw):
            _walk(block.child_block, value, found)
    elif isinstance(block, blocks.StructBlock) and isinstance(raw, dict):
        for name, child in block.child_blocks.items():
            _walk(child, raw.get(name), found)
    else:  # page links in any string of a value that is not a container or a chooser
        links = raw_link_ids(raw)
        found.links |= links
        found.pages |= links


def stream_references(stream_value):
    """The References of a StreamValue, from its raw data: no query."""
    found = References()
    _walk(stream_value.stream_block, list(stream_value.raw_data), found)
    return found
