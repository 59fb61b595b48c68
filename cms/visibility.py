"""What an anonymous visitor may see: the one rule every public surface shares.

HTML listings, sitemaps, tag pages, search and the API all start from
`public_pages`, so a page hidden from one surface is hidden from all of them.
A page is public when it is live, not past its expiry date (even before the
scheduler unpublishes it) and outside every view restriction. Restrictions
follow Wagtail's own rule (`Page.get_view_restrictions`): a restriction covers
its page and everything under it, and an alias has none of its own but takes
its original's, so an alias of a private library page is private on every
clinic site. The test is SQL (EXISTS subqueries): no extra query per listing.
"""

from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Substr
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction


def _ancestor_or_self(node_field, outer_path):
    """Q: the restricted node is the outer row's node or one of its ancestors (by path)."""
    steplen = Page.steplen if node_field == "page" else Collection.steplen
    ancestor_path = Substr(OuterRef(outer_path), 1, F(f"{node_field}__depth") * steplen)
    return Q(**{f"{node_field}__path": ancestor_path})


def under_page_restriction(path_field="path", alias_of_field="alias_of_id"):
    """EXISTS: a view restriction covers the outer page (by tree path) or its alias original."""
    covering = _ancestor_or_self("page", path_field) | Q(page_id=OuterRef(alias_of_field))
    return Exists(PageViewRestriction.objects.filter(covering))


def unexpired(now=None):
    """Q: no expiry date, or one still in the future."""
    return Q(expire_at__isnull=True) | Q(expire_at__gt=now or timezone.now())


def is_expired(page, now=None):
    return page.expire_at is not None and page.expire_at <= (now or timezone.now())


def public_pages(site, model=Page):
    """Live, unexpired, unrestricted pages of `site` (the site root included).

    With `site=None`, such pages of every site (the brand's clinic directory).
    """
    queryset = model._default_manager.live().filter(unexpired()).exclude(under_page_restriction())
    if site is not None:
        queryset = queryset.descendant_of(site.root_page, inclusive=True)
    return queryset


def public_children(parent, model=Page):
    """The public children of `parent`: what an index page lists."""
    return (
        model._default_manager.child_of(parent)
        .live()
        .filter(unexpired())
        .exclude(under_page_restriction())
    )


def view_restrictions_of(page):
    """Page.get_view_restrictions in one query instead of two, evaluated.

    Same rule: the restrictions on the page and its ancestors, where an alias
    (the page or an ancestor) counts as its original. Wagtail makes an alias of
    an alias point at the original, so one level of `alias_of` is enough.
    """
    steplen = Page.steplen
    paths = [page.path[: steplen * depth] for depth in range(1, page.depth + 1)]
    chain = Page.objects.filter(path__in=paths)
    restrictions = PageViewRestriction.objects.filter(
        Q(page__in=chain.filter(alias_of__isnull=True))
        | Q(page__in=chain.filter(alias_of__isnull=False).values("alias_of_id"))
    )
    list(restrictions)  # evaluated: iteration, truth and .exists() reuse the rows
    return restrictions


class ServedViewRestrictionsMixin:
    """While a page is being served, every view-restriction check shares one query.

    Wagtail's serve hook, the response cache and the robots meta each ask the
    page for its restrictions; `remember_view_restrictions` (a before_serve_page
    hook) answers them all at once for the instance being served.
    """

    def remember_view_restrictions(self):
        self._served_view_restrictions = view_restrictions_of(self)

    def get_view_restrictions(self):
        served = getattr(self, "_served_view_restrictions", None)
        return served if served is not None else super().get_view_restrictions()


def public_collections():
    """Collections with no view restriction on them or on any ancestor."""
    restricted = Exists(
        CollectionViewRestriction.objects.filter(_ancestor_or_self("collection", "path"))
    )
    return Collection.objects.exclude(restricted)


def in_public_collections(queryset):
    """Images or documents outside restricted collections; safe to search further."""
    visible = queryset.filter(collection__in=public_collections()).values("pk")
    return queryset.model.objects.filter(pk__in=visible).order_by("id")


def private_image_pks(pks):
    """Of these image ids, the ones in a restricted collection (one query)."""
    from wagtail.images import get_image_model

    if not pks:
        return set()
    restricted = (
        get_image_model().objects.filter(pk__in=pks).exclude(collection__in=public_collections())
    )
    return set(restricted.values_list("pk", flat=True))
