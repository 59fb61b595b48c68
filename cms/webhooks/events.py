"""Page signals become webhook deliveries for the clinics whose sites show the page.

A clinic shows a page when the page's url_path starts with the clinic's own
(ClinicPage roots sit at depth 2, so the first url_path segment names the
clinic). Handlers never raise into the publish: failures are logged, and the
deliveries are queued only once the transaction commits.
"""

import json
import logging
import uuid
from datetime import UTC
from functools import partial

from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.db.models.signals import post_delete
from django.utils import timezone
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.delivery.batch import batched
from home.models import ClinicPage

from .models import Event, WebhookEndpoint
from .tasks import enqueue_attempt

logger = logging.getLogger(__name__)


def site_root_path(url_path):
    """'/northeast/treatments/x/' -> '/northeast/': the depth-2 ancestor's url_path."""
    first = url_path.strip("/").split("/", 1)[0]
    return f"/{first}/" if first else None


def path_in_site(url_path):
    """'/northeast/treatments/x/' -> '/treatments/x/': the page's path on its clinic's site."""
    rest = url_path.strip("/").split("/")[1:]
    return "/" + "".join(f"{segment}/" for segment in rest)


def ancestor_paths(path):
    """'/treatments/x/' -> ['/treatments/x/', '/treatments/', '/']: the page, then the listings above it."""
    if path is None:
        return []
    segments = path.strip("/").split("/") if path.strip("/") else []
    return ["/" + "".join(f"{s}/" for s in segments[:n]) for n in range(len(segments), -1, -1)]


def revalidation(page_class, path, old_path=None):
    """What a front end refreshes: every page of the site when the clinic's own facts changed
    (they show on every page), else the page and the listings above it, at both paths of a move."""
    if issubclass(page_class, ClinicPage):
        return {"scope": "site", "paths": ["/"]}
    paths = ancestor_paths(path)
    paths += [p for p in ancestor_paths(old_path) if p not in paths]
    return {"scope": "paths", "paths": paths}


def root_url(hostname, port):
    """As Site.root_url: http on 80 and other ports, https on 443."""
    if port == 443:
        return f"https://{hostname}"
    return f"http://{hostname}" if port == 80 else f"http://{hostname}:{port}"


def endpoints_for(root_paths):
    """Active endpoints of the clinics rooted at these url_paths, with the site's host: one query."""
    site = Site.objects.filter(root_page_id=OuterRef("clinic_id"))
    return list(
        WebhookEndpoint.objects.filter(active=True, clinic__url_path__in=root_paths)
        .annotate(
            site_hostname=Subquery(site.values("hostname")[:1]),
            site_port=Subquery(site.values("port")[:1]),
        )
        .values("pk", "clinic__url_path", "site_hostname", "site_port")
    )


def build_payloads(event, page, url_path, old_url_path=None, endpoints=None):
    """[(endpoint id, delivery id, body)] for every endpoint of every clinic the event touches.

    `endpoints` (from `endpoints_for`, for a batch of pages) spares the query.
    """
    roots = {site_root_path(p) for p in (url_path, old_url_path) if p} - {None}
    if not roots:
        return []
    if endpoints is None:
        endpoints = endpoints_for(roots)
    else:
        endpoints = [e for e in endpoints if e["clinic__url_path"] in roots]
    specific_class = page.specific_class or Page
    timestamp = timezone.now().astimezone(UTC).isoformat().replace("+00:00", "Z")
    deliveries = []
    for endpoint in endpoints:
        root = endpoint["clinic__url_path"]
        site_url = root_url(endpoint["site_hostname"], endpoint["site_port"])
        path = path_in_site(url_path) if url_path.startswith(root) else None
        payload = {
            "event": event,
            "page_id": page.pk,
            "type": specific_class._meta.label,
            "path": path,
            "url": site_url + path if path else None,
            "site": endpoint["site_hostname"],
            "site_url": site_url,
            "timestamp": timestamp,
            "delivery_id": str(uuid.uuid4()),
        }
        old_path = None
        if event == Event.MOVED:
            was_here = old_url_path and old_url_path.startswith(root)
            old_path = payload["old_path"] = path_in_site(old_url_path) if was_here else None
        payload["revalidate"] = revalidation(specific_class, path, old_path)
        body = json.dumps(payload, separators=(",", ":"))
        deliveries.append((endpoint["pk"], payload["delivery_id"], body))
    return deliveries


def _enqueue_all(event, deliveries):
    for endpoint_id, delivery_id, body in deliveries:
        try:
            enqueue_attempt(delivery_id, endpoint_id, event, body, attempt=1)
        except Exception:
            logger.exception("Could not queue webhook %s (%s)", delivery_id, event)


def notify(event, page, url_path, old_url_path=None):
    """Queue the event for delivery after commit. Never raises: a webhook must not fail a publish."""
    try:
        # A savepoint keeps a failed query here from poisoning the publish's transaction.
        with transaction.atomic():
            deliveries = build_payloads(event, page, url_path, old_url_path)
        if deliveries:
            transaction.on_commit(partial(_enqueue_all, event, deliveries), robust=True)
    except Exception:
        logger.exception("Webhook %s for page %s not queued", event, getattr(page, "pk", None))


def notify_many(event, pages):
    """`notify` for each of `pages` (a library fan-out's copies): one endpoints query for all."""
    try:
        with transaction.atomic():
            roots = {site_root_path(page.url_path) for page in pages} - {None}
            endpoints = endpoints_for(roots) if roots else []
            deliveries = [
                delivery
                for page in pages
                for delivery in build_payloads(event, page, page.url_path, endpoints=endpoints)
            ]
        if deliveries:
            transaction.on_commit(partial(_enqueue_all, event, deliveries), robust=True)
    except Exception:
        logger.exception("Webhook %s for %s pages not queued", event, len(pages))


def on_published(sender, instance, **kwargs):
    if not batched(kwargs):  # the library fan-out notifies its copies at once
        notify(Event.PUBLISHED, instance, instance.url_path)


def on_unpublished(sender, instance, **kwargs):
    notify(Event.UNPUBLISHED, instance, instance.url_path)


def on_moved(sender, instance, url_path_before, url_path_after, **kwargs):
    if url_path_before != url_path_after:
        notify(Event.MOVED, instance, url_path_after, old_url_path=url_path_before)


def on_deleted(sender, instance, **kwargs):
    """post_delete of the base Page row (sent once per page, specific rows send their own).

    The deleted instance still holds its url_path; the clinic and its endpoints
    are still there unless the clinic itself is being deleted, which removes
    its endpoints too, so nobody is left to tell.
    """
    notify(Event.DELETED, instance, instance.url_path)


def connect():
    page_published.connect(on_published, dispatch_uid="webhooks_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="webhooks_unpublished")
    post_page_move.connect(on_moved, dispatch_uid="webhooks_moved")
    post_delete.connect(on_deleted, sender=Page, dispatch_uid="webhooks_deleted")
