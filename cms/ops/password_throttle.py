"""View-restriction passwords are throttled as admin sign-in is (django-axes).

A page or collection protected by a shared password is a login form with no
username: without a limit anyone may try passwords at full speed. Wagtail's two
password views (`wagtail.views.authenticate_with_password` for pages,
`wagtail.documents.views.serve.authenticate_with_password` for collections) are
wrapped so each failure is an axes attempt under the "username"
`page-restriction:<id>` or `collection-restriction:<id>`, from the client
address of cms/ops/client_ip.py. After LOGIN_FAILURE_LIMIT failures that pair
gets HTTP 429 for LOGIN_COOLOFF_MINUTES, even for the right password; the right
password before then resets the count. Attempts are database rows, as for
sign-in, so every instance sees them, and `axes_reset_username
page-restriction:<id>` unlocks by hand.

Wagtail answers a right password with a redirect and a wrong one with the form
again (200), so the outcome is read from the response, not re-checked.
"""

from functools import wraps

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off, get_failure_limit
from django.contrib.auth.signals import user_login_failed
from django.template.response import TemplateResponse

LOCKED_TEMPLATE = "ops/password_locked.html"


def _locked(request, credentials):
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "cooloff_timedelta": get_cool_off(request),
    }
    return TemplateResponse(request, LOCKED_TEMPLATE, context, status=429)


def throttled(scope, restriction_kwarg):
    """Wrap a Wagtail password view; its URL passes the restriction id as `restriction_kwarg`."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, **kwargs):
            if request.method != "POST":
                return view(request, **kwargs)
            credentials = {"username": f"{scope}:{kwargs[restriction_kwarg]}"}
            if AxesProxyHandler.is_locked(request, credentials):
                return _locked(request, credentials)
            response = view(request, **kwargs)
            if 300 <= response.status_code < 400:
                AxesProxyHandler.reset_attempts(
                    ip_address=request.axes_ip_address, username=credentials["username"]
                )
            elif response.status_code == 200:
                user_login_failed.send(sender=__name__, credentials=credentials, request=request)
                if request.axes_locked_out:
                    # Answered here, in this page's words, rather than by AxesMiddleware.
                    request.axes_locked_out = False
                    return _locked(request, credentials)
            return response

        return wrapped

    return decorator
