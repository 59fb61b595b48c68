"""Deployment checks of our own, run by `manage.py check --deploy`.

Django's deploy checks say nothing about `ALLOWED_HOSTS = ["*"]`, yet with it
any Host header is accepted: password-reset and admin email links, absolute
share-image URLs and the `?site=` scoping all trust the Host a client sent.
"""

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def check_allowed_hosts(app_configs=None, **kwargs):
    hosts = getattr(settings, "ALLOWED_HOSTS", [])
    if "*" in hosts:
        return [
            Error(
                "ALLOWED_HOSTS contains '*', so any Host header is accepted.",
                hint="List the site's hostnames, e.g. ALLOWED_HOSTS=.bowview-physio.example",
                id="cms.E001",
            )
        ]
    return []
