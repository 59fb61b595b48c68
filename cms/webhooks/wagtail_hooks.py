"""Register the Webhooks admin menu and the delivery log's view-only permission policy."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import WebhookDelivery
from .viewsets import ViewOnlyPermissionPolicy, WebhooksViewSetGroup

register_permission_policy(WebhookDelivery, ViewOnlyPermissionPolicy(WebhookDelivery))


@hooks.register("register_admin_viewset")
def register_webhooks_viewsets():
    return WebhooksViewSetGroup()
