"""Content-Security-Policy: a strict policy for public pages, a compatible one for the admin.

django-csp sends CONTENT_SECURITY_POLICY everywhere; the Wagtail admin (and
the page previews it renders) needs inline scripts and styles, so requests
under ADMIN_CSP_PATH_PREFIXES get ADMIN_CONTENT_SECURITY_POLICY instead. A
view that sets its own policy with django-csp's decorators keeps it.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(tuple(settings.ADMIN_CSP_PATH_PREFIXES))
        ):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts
