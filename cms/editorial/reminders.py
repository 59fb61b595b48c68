"""Review reminders: which treatments are due for clinical review, and the daily email."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task

from .groups import CLINICAL_REVIEWERS


def due_for_review(within_days=None, today=None):
    """Library treatments whose next review falls within `within_days` (overdue included).

    Aliases are left out: they carry their original's review and are reviewed with it.
    """
    from treatments.models import TreatmentPage

    today = today or timezone.localdate()
    days = settings.REVIEW_REMINDER_DAYS if within_days is None else within_days
    return (
        TreatmentPage.objects.filter(
            alias_of__isnull=True,
            next_review_due__isnull=False,
            next_review_due__lte=today + datetime.timedelta(days=days),
        )
        .select_related("locale")
        .order_by("next_review_due", "title")
    )


def reviewer_emails():
    users = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=CLINICAL_REVIEWERS)
        .exclude(email="")
    )
    return sorted(set(users.values_list("email", flat=True)))


@task()
def send_review_reminders(today=None):
    """Email the clinical reviewers the treatments due for review; at most once a day.

    A ReminderRun row per day (unique date) makes a second run that day, from a
    restarted or a second scheduler, send nothing. Returns the number of pages listed.
    """
    from .models import ReminderRun

    today = datetime.date.fromisoformat(today) if today else timezone.localdate()
    pages = list(due_for_review(today=today))
    recipients = reviewer_emails()
    try:
        with transaction.atomic():
            ReminderRun.objects.create(
                sent_on=today, pages=len(pages), recipients=len(recipients) if pages else 0
            )
    except IntegrityError:
        return 0
    if pages and recipients:
        context = {
            "pages": pages,
            "today": today,
            "days": settings.REVIEW_REMINDER_DAYS,
            "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
        }
        send_mail(
            subject=f"{len(pages)} treatment page(s) due for clinical review",
            message=render_to_string("editorial/emails/review_reminder.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=recipients,
        )
    return len(pages)
