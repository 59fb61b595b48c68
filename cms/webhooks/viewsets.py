"""Admin screens: endpoints per clinic (add, edit, delete) and the read-only delivery log."""

from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy

from .models import WebhookDelivery, WebhookEndpoint


class ViewOnlyPermissionPolicy(ModelPermissionPolicy):
    """Attempts are facts: they can be looked at, never added, edited or deleted in the admin."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a == "view"])


class EndpointIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("clinic")


class WebhookEndpointViewSet(ModelViewSet):
    model = WebhookEndpoint
    icon = "link-external"
    menu_label = "Endpoints"
    index_view_class = EndpointIndexView
    list_display = ["url", "clinic", "active", "description", "created"]
    list_filter = ["clinic", "active"]
    form_fields = ["clinic", "url", "secret", "active", "description"]
    # A copy would share the secret; endpoints are added fresh instead.
    copy_view_enabled = False

    def formfield_for_dbfield(self, db_field, **kwargs):
        if db_field.name == "url":
            kwargs["assume_scheme"] = "https"  # "example.com/hook" means https, as in Django 6
        return super().formfield_for_dbfield(db_field, **kwargs)


class DeliveryIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("endpoint")


class WebhookDeliveryViewSet(ModelViewSet):
    model = WebhookDelivery
    icon = "history"
    menu_label = "Delivery log"
    index_view_class = DeliveryIndexView
    list_display = [
        "event",
        "endpoint",
        "attempt",
        "status_code",
        "succeeded",
        "duration_ms",
        "attempted_at",
        "next_retry_at",
    ]
    list_filter = ["endpoint", "event", "succeeded"]
    form_fields = []  # never used: the permission policy allows only "view"
    inspect_view_enabled = True
    inspect_view_fields = [
        "delivery_id",
        "endpoint",
        "event",
        "attempt",
        "attempted_at",
        "succeeded",
        "status_code",
        "duration_ms",
        "error",
        "next_retry_at",
        "payload",
    ]
    copy_view_enabled = False

    def get_permissions_to_register(self):
        return super().get_permissions_to_register().filter(codename="view_webhookdelivery")


class WebhooksViewSetGroup(ViewSetGroup):
    menu_label = "Webhooks"
    menu_icon = "link-external"
    menu_order = 820
    items = (
        WebhookEndpointViewSet("webhook_endpoints"),
        WebhookDeliveryViewSet("webhook_deliveries"),
    )
