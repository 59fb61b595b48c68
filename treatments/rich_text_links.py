"""Page links in rich text, resolved for the site that serves them.

Wagtail expands `<a linktype="page" id="N">` with its PageLinkHandler, which
knows nothing of the request: every link points at page N's own URL. Treatment
pages are authored in the brand library, so their links point at other library
pages, and a clinic's site would send readers back to the brand.

`ClinicPageLinkHandler` replaces Wagtail's handler for the `page` link type
(registered in home/wagtail_hooks.py). While a request is being answered
(`RichTextLinksMiddleware` makes it known to the handler), a link to page N on
a clinic's site points at that clinic's copy of N: a live, public page in the
clinic's tree that is an alias of N's library original or was converted from
one (`library_page`). Without such a copy, or anywhere else (the brand site,
the admin, commands), the link is exactly what Wagtail would render.

Every link of a response is resolved in one query: whoever knows what a
response will render notes its pages' link targets first (`prime`), and the
first link expanded resolves all of them at once.
"""

from contextvars import ContextVar

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.html import escape
from wagtail.admin.rich_text.converters.html_to_contentstate import PageLinkElementHandler
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from cms.delivery.keys import offering_key, page_key, page_keys
from cms.delivery.stream_references import page_link_ids, parse_id, raw_link_ids
from cms.request import django_request
from cms.visibility import is_expired, under_page_restriction
from home.models import ClinicPage
from home.serving import served_site, serving
from treatments.originals import copies_of_filter, original_id_expression

_current_request = ContextVar("rich_text_links_request", default=None)
_REQUEST_ATTR = "_rich_text_links"


def link_ids_of(page):
    """Page link ids in a page's rich text: its RichTextFields and StreamFields (no query)."""
    found = set()
    for field in type(page)._meta.concrete_fields:
        if isinstance(field, RichTextField):
            found |= page_link_ids(getattr(page, field.attname, None))
        elif isinstance(field, StreamField):
            value = getattr(page, field.attname, None)
            if value is not None:
                found |= raw_link_ids(list(value.raw_data))
    return found


def _is_clinic_root(page):
    return page.content_type_id == ContentType.objects.get_for_model(ClinicPage).pk


class RequestLinks:
    """The page links of one request: noted, resolved in one batch, remembered."""

    _UNSET = object()

    def __init__(self, request):
        self.request = request
        self._site = self._UNSET
        self.pending = set()
        self.hrefs = {}  # target id -> href, or None when there is no such page
        self.keys = {}  # target id -> dependency keys of its href
        self.expiries = {}  # target id -> expire_at of the clinic copy linked to

    @property
    def site(self):
        """The site the response is for: a preview's clinic, the API's site, else the Host's."""
        if self._site is self._UNSET:
            self._site = served_site(self.request)
        return self._site

    @property
    def clinic_root(self):
        """The ClinicPage at the root of the site, or None (the brand, or no site)."""
        site = self.site
        if site is None or not _is_clinic_root(site.root_page):
            return None
        return site.root_page

    def prime(self, ids):
        """Note targets the response will link to, so they resolve with the first link."""
        self.pending |= set(ids) - self.hrefs.keys()

    def prime_pages(self, pages):
        for page in pages:
            self.prime(link_ids_of(page))

    def resolve(self, ids):
        """Resolve `ids` and everything noted so far: one query for all of them, if any is new."""
        missing = (set(ids) | self.pending) - self.hrefs.keys()
        self.pending.clear()
        if not missing:
            return
        root = self.clinic_root
        resolved = self._resolve_for_clinic(missing, root) if root else self._resolve(missing)
        self.hrefs.update(resolved)
        self._record(missing)

    def href(self, page_id):
        return self.hrefs.get(page_id)

    def dependency_keys(self, ids):
        """Keys of the resolved hrefs among `ids` (see cms/delivery/dependencies.py)."""
        keys = set()
        for page_id in ids:
            keys |= self.keys.get(page_id, set())
        return keys

    def _resolve(self, ids):
        """Wagtail's own hrefs (PageLinkHandler), for every target in one query."""
        pages = {page.pk: page for page in _url_rows(Page.objects.filter(pk__in=ids))}
        for page_id in ids:
            self.keys[page_id] = {page_key(page_id)}
        return {page_id: _wagtail_href(pages.get(page_id)) for page_id in ids}

    def _resolve_for_clinic(self, ids, root):
        """The clinic's live, public copy of each target's original, else Wagtail's href."""
        original = original_id_expression()
        originals = Page.objects.filter(pk__in=ids).annotate(original=original).values("original")
        copies = Q(path__startswith=root.path, depth__gt=root.depth) & copies_of_filter(originals)
        rows = _url_rows(
            Page.objects.filter(Q(pk__in=ids) | copies)
            .annotate(original=original, restricted=under_page_restriction())
            .order_by("path")
        )
        targets = {row.pk: row for row in rows if row.pk in ids}
        copies_of = {}
        for row in rows:
            if row.path.startswith(root.path) and row.depth > root.depth:
                copies_of.setdefault(row.original, []).append(row)
        result = {}
        for page_id in ids:
            target = targets.get(page_id)
            if target is None:
                result[page_id] = None
                self.keys[page_id] = {page_key(page_id)}
                continue
            candidates = copies_of.get(target.original, [])
            public = [
                row for row in candidates if row.live and not row.restricted and not is_expired(row)
            ]
            # Which copies exist and where: publishing, moving or unpublishing one bumps
            # offering:<original>; restricting one bumps page:<copy> (cms/delivery).
            self.keys[page_id] = {
                page_key(page_id),
                offering_key(target.original),
                *page_keys(row.pk for row in candidates),
            }
            if public:
                copy = public[0]
                self.expiries[page_id] = copy.expire_at
                result[page_id] = copy.get_url(request=self.request, current_site=self.site)
            else:
                result[page_id] = _wagtail_href(target)
        return result

    def _record(self, ids):
        """Add these links' keys to a response that already records what it shows.

        A view that recorded nothing has chosen not to be cached; a link does not
        change that. The API records after serialising and reads dependency_keys.
        """
        from cms.delivery.dependencies import depend_on, dependencies_of, valid_until

        if dependencies_of(self.request) is None:
            return
        depend_on(self.request, *self.dependency_keys(ids))
        valid_until(self.request, *(self.expiries.get(page_id) for page_id in ids))


def _url_rows(queryset):
    return list(
        queryset.only("id", "path", "depth", "url_path", "live", "expire_at", "alias_of_id")
    )


def _wagtail_href(page):
    """What Wagtail's PageLinkHandler puts in href: the page's `localized.url`."""
    if page is None:
        return None
    return page.localized.url


def links_for(request):
    """The RequestLinks of `request`, created on first use."""
    links = getattr(request, _REQUEST_ATTR, None)
    if links is None:
        links = RequestLinks(request)
        setattr(request, _REQUEST_ATTR, links)
    return links


def prime_links(request, pages):
    """Note the link targets of pages a response is about to render (no query)."""
    if request is not None:
        links_for(django_request(request)).prime_pages(pages)


def link_dependency_keys(request, ids):
    """Dependency keys of the links to `ids` this request has resolved so far (no query)."""
    links = getattr(django_request(request), _REQUEST_ATTR, None)
    return links.dependency_keys(ids) if links is not None else set()


class ClinicPageLinkHandler(PageLinkHandler):
    """Wagtail's `page` link type, resolved for the site of the request being answered."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        request = _current_request.get()
        if request is None:
            return super().expand_db_attributes_many(attrs_list)
        links = links_for(request)
        ids = [parse_id(attrs.get("id")) for attrs in attrs_list]
        links.resolve(page_id for page_id in ids if page_id is not None)
        tags = []
        for page_id in ids:
            href = links.href(page_id) if page_id is not None else None
            tags.append(f'<a href="{escape(href)}">' if href else "<a>")
        return tags


class ClinicPageLinkElementHandler(PageLinkElementHandler):
    """The `page` link of Wagtail's ContentState converter, which the API's `markdown`
    rich text format goes through: resolved like ClinicPageLinkHandler in API responses.

    Elsewhere (the admin's rich text editor) it is Wagtail's, with the parent id the
    page chooser needs.
    """

    def get_attribute_data(self, attrs):
        request = _current_request.get()
        if request is None or not serving(request).api:
            return super().get_attribute_data(attrs)
        page_id = parse_id(attrs.get("id"))
        links = links_for(request)
        if page_id is not None:
            links.resolve([page_id])
        href = links.href(page_id) if page_id is not None else None
        return {"id": page_id, "url": href, "parentId": None}


def register_features(features):
    """Replace Wagtail's page link handlers (HTML expansion and ContentState) with ours."""
    features.register_link_type(ClinicPageLinkHandler)
    # Read directly: get_converter_rule would scan the hooks again from inside this one.
    rule = features.converter_rules_by_converter.get("contentstate", {}).get("link")
    if rule is not None:
        from_db = {**rule["from_database_format"]}
        from_db['a[linktype="page"]'] = ClinicPageLinkElementHandler("LINK")
        features.register_converter_rule(
            "contentstate", "link", {**rule, "from_database_format": from_db}
        )


class RichTextLinksMiddleware:
    """Makes the request known to ClinicPageLinkHandler while its response is built."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)
