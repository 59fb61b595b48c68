"""Publish and expire pages on time, and queue the daily review reminders.

`make run` starts this next to the task worker; in production run one instance
of it (see docs/editorial.md).
"""

import logging
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

from cms.editorial.reminders import send_review_reminders

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Every N seconds run publish_scheduled; once a day queue the review reminders."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=int,
            default=None,
            help="Seconds between runs (default: SCHEDULER_INTERVAL_SECONDS).",
        )
        parser.add_argument("--once", action="store_true", help="Run one tick and exit.")

    def handle(self, *args, interval=None, once=False, **options):
        interval = interval or settings.SCHEDULER_INTERVAL_SECONDS
        if interval < 1:
            interval = 1
        reminded_on = None
        while True:
            reminded_on = self.tick(reminded_on)
            if once:
                return
            time.sleep(interval)

    def tick(self, reminded_on):
        """One pass; errors are logged, never fatal, so a bad page cannot stop scheduling."""
        try:
            call_command("publish_scheduled", stdout=self.stdout)
        except Exception:
            logger.exception("publish_scheduled failed")
        today = timezone.localdate()
        if reminded_on != today:
            try:
                send_review_reminders.enqueue(today=today.isoformat())
                reminded_on = today
            except Exception:
                logger.exception("could not queue the review reminders")
        return reminded_on
