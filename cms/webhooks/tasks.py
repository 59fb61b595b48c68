"""The background task that delivers one webhook attempt and schedules the next on failure."""

import json
import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from .models import WebhookDelivery, WebhookEndpoint
from .sending import post
from .signing import signed_headers
from .targets import redacted

logger = logging.getLogger(__name__)


def retry_delay(attempt):
    """Seconds to wait after failed attempt number `attempt` (1-based); the last delay repeats."""
    delays = settings.WEBHOOK_RETRY_DELAYS
    return delays[min(attempt, len(delays)) - 1] if delays else 0


def enqueue_attempt(delivery_id, endpoint_id, event, body, attempt, delay=0):
    """Queue an attempt, deferred by `delay` seconds when the task backend can defer.

    A backend that cannot defer (the immediate backend of the tests) runs the retry at once.
    """
    runner = deliver_webhook
    if delay and runner.get_backend().supports_defer:
        runner = runner.using(run_after=timezone.now() + timedelta(seconds=delay))
    return runner.enqueue(str(delivery_id), endpoint_id, event, body, attempt)


# Front ends revalidate on delivery: ahead of search and reference indexing (priority 0).
DELIVERY_PRIORITY = 10


@task(priority=DELIVERY_PRIORITY)
def deliver_webhook(delivery_id, endpoint_id, event, body, attempt=1):
    """POST `body` to the endpoint, record the attempt, and queue a retry if it failed."""
    endpoint = WebhookEndpoint.objects.filter(pk=endpoint_id, active=True).first()
    if endpoint is None:
        logger.info("Webhook %s dropped: endpoint %s is gone or inactive", delivery_id, endpoint_id)
        return None
    raw = body.encode()
    attempted_at = timezone.now()
    try:
        # webhook-id is the delivery id: the same on every retry, so receivers drop repeats.
        headers = signed_headers(endpoint.secret, delivery_id, raw, attempted_at)
    except ValueError:
        logger.error(
            "Webhook %s dropped: endpoint %s has no valid secret", delivery_id, endpoint.pk
        )
        return None
    headers["X-Clinic-CMS-Event"] = event
    outcome = post(endpoint.url, raw, headers, settings.WEBHOOK_TIMEOUT_SECONDS)
    retry = (
        not outcome.succeeded and not outcome.refused and attempt < settings.WEBHOOK_MAX_ATTEMPTS
    )
    delay = retry_delay(attempt) if retry else None
    record = WebhookDelivery.objects.create(
        delivery_id=delivery_id,
        endpoint=endpoint,
        event=event,
        payload=json.loads(body),
        attempt=attempt,
        status_code=outcome.status_code,
        error=outcome.error,
        duration_ms=outcome.duration_ms,
        succeeded=outcome.succeeded,
        attempted_at=attempted_at,
        next_retry_at=attempted_at + timedelta(seconds=delay) if retry else None,
    )
    if outcome.succeeded:
        return record.pk
    logger.warning(
        "Webhook %s attempt %s to endpoint %s (%s) failed: %s",
        delivery_id,
        attempt,
        endpoint.pk,
        redacted(endpoint.url),  # never the path, query or credentials a URL may carry
        outcome.error or outcome.status_code,
    )
    if retry:
        try:
            enqueue_attempt(delivery_id, endpoint.pk, event, body, attempt + 1, delay)
        except Exception:
            logger.exception("Could not queue retry of webhook %s", delivery_id)
            WebhookDelivery.objects.filter(pk=record.pk).update(next_retry_at=None)
    return record.pk
