"""Wagtail's offset/limit pagination with both ends bounded and plain messages."""

from django.conf import settings
from wagtail.api.v2.pagination import WagtailPagination

from cms.ops.excerpt import excerpt

from .errors import BadRequestError

# Far beyond any site's content, well inside every database's integer range.
MAX_OFFSET = 100_000


def _bounded_int(request, name, default, maximum):
    raw = request.GET.get(name)
    if raw is None:
        return default
    if not raw.isdigit() or int(raw) > maximum:
        raise BadRequestError(
            f"{name} must be an integer from 0 to {maximum}, got {excerpt(raw)!r}"
        )
    return int(raw)


class CappedPagination(WagtailPagination):
    """`limit` is capped by WAGTAILAPI_LIMIT_MAX, `offset` by MAX_OFFSET."""

    def paginate_queryset(self, queryset, request, view=None):
        limit_max = settings.WAGTAILAPI_LIMIT_MAX
        offset = _bounded_int(request, "offset", 0, MAX_OFFSET)
        limit = _bounded_int(request, "limit", min(20, limit_max), limit_max)
        self.view = view
        self.total_count = queryset.count()
        return list(queryset[offset : offset + limit])
