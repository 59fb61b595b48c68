"""Snapshots of unpublished page content for headless preview."""

import datetime

from django.db import models
from django.utils import timezone


class PreviewSnapshot(models.Model):
    """The editor's unsaved or draft content, frozen when they asked for a preview.

    Front ends fetch it with a signed, expiring token (see preview.py); it never
    reaches a public surface, and expired snapshots are deleted.
    """

    page = models.ForeignKey(
        "wagtailcore.Page", null=True, on_delete=models.CASCADE, related_name="+"
    )
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+"
    )
    content_json = models.TextField()
    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    created_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Preview of page {self.page_id} for {self.site} ({self.created_at:%Y-%m-%d %H:%M})"

    @classmethod
    def delete_expired(cls, max_age_seconds):
        cutoff = timezone.now() - datetime.timedelta(seconds=max_age_seconds)
        cls.objects.filter(created_at__lt=cutoff).delete()

    def as_page(self):
        page = self.content_type.model_class().from_json(self.content_json)
        page.pk = self.page_id
        return page


class CacheEpoch(models.Model):
    """One row: advanced whenever an invalidation could not be written to the cache.

    Every cached response keeps the epoch it was stored under and is served only
    while that is still the epoch (cms/delivery/epoch.py), so an invalidation lost
    in a cache outage is never undone when the cache comes back.
    """

    value = models.BigIntegerField(default=0)
    changed_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Cache epoch {self.value}"


class PurgeURL(models.Model):
    """A URL the CDN may hold, by the dependency key it showed (cms/delivery/purge.py).

    In the database rather than the cache so that a publish during a cache
    outage still purges it, and so that adding a URL is atomic (unique rows).
    """

    key = models.CharField(max_length=100)
    url = models.CharField(max_length=1000)
    has_query = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "url"], name="purge_url_unique")]

    def __str__(self):
        return f"{self.key} {self.url}"
