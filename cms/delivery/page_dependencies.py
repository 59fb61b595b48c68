"""The dependency keys of a served page: the page and what its type declares it shows."""

from wagtail.models import Page

from .declarations import DeclaresCacheKeys
from .keys import page_key


def page_dependencies(page, request, allow_queries=True):
    """Every key whose change should invalidate the response serving `page` (declarations.py)."""
    keys = {page_key(page.pk)}
    if isinstance(page, DeclaresCacheKeys):
        keys |= page.cache_dependencies(request, allow_queries)
    return keys


def site_ids_for_path(url_path):
    """Ids of the sites whose tree contains a page with this url_path."""
    from wagtail.models import Site

    return sorted(
        {root.site_id for root in Site.get_site_root_paths() if url_path.startswith(root.root_path)}
    )


def parent_id(page):
    parent_path = page.path[: -Page.steplen]
    if not parent_path:
        return None
    return Page.objects.filter(path=parent_path).values_list("pk", flat=True).first()
