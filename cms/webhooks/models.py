"""Where each clinic's front end wants to hear about page changes, and what happened when we told it."""

import uuid

from django.db import models
from django.utils import timezone

from home.validators import validate_http_url

from .signing import generate_secret, validate_secret
from .targets import redacted, validate_webhook_url

__all__ = ["Event", "WebhookDelivery", "WebhookEndpoint", "generate_secret"]


class Event(models.TextChoices):
    PUBLISHED = "page.published", "Page published"
    UNPUBLISHED = "page.unpublished", "Page unpublished"
    MOVED = "page.moved", "Page moved"
    DELETED = "page.deleted", "Page deleted"


class WebhookEndpoint(models.Model):
    """A front-end URL that receives the clinic's page events, signed with `secret`.

    A plain foreign key, not a ParentalKey: the secret must never be copied into
    the clinic page's revisions.
    """

    clinic = models.ForeignKey(
        "home.ClinicPage", on_delete=models.CASCADE, related_name="webhook_endpoints"
    )
    url = models.URLField(
        "URL",
        max_length=500,
        validators=[validate_http_url, validate_webhook_url],
        help_text=(
            "Receives a JSON POST for every page event of this clinic: http:// or https://, "
            "no user name or password, and a host on the public internet."
        ),
    )
    secret = models.CharField(
        max_length=128,
        default=generate_secret,
        validators=[validate_secret],
        help_text=(
            "Copy this into the front end: it verifies the webhook-signature header "
            "(Standard Webhooks). Replace it with a new whsec_ secret to rotate."
        ),
    )
    active = models.BooleanField(default=True, help_text="Inactive endpoints receive nothing.")
    description = models.CharField(max_length=255, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["clinic_id", "url"]
        verbose_name = "webhook endpoint"

    def __str__(self):
        return self.description or redacted(self.url, keep_path=True)


class WebhookDelivery(models.Model):
    """One attempt to deliver one event to one endpoint; retries share `delivery_id`."""

    delivery_id = models.UUIDField(default=uuid.uuid4, db_index=True, editable=False)
    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries"
    )
    event = models.CharField(max_length=32, choices=Event.choices, db_index=True)
    payload = models.JSONField()
    attempt = models.PositiveSmallIntegerField()
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)
    duration_ms = models.PositiveIntegerField(null=True, blank=True)
    succeeded = models.BooleanField(default=False, db_index=True)
    attempted_at = models.DateTimeField(default=timezone.now, db_index=True)
    next_retry_at = models.DateTimeField(
        null=True, blank=True, help_text="When the next attempt is due; empty when none follows."
    )

    class Meta:
        ordering = ["-attempted_at", "-pk"]
        verbose_name = "webhook delivery attempt"
        verbose_name_plural = "webhook delivery log"

    def __str__(self):
        outcome = "ok" if self.succeeded else "failed"
        return f"{self.event} #{self.attempt} {outcome}"
