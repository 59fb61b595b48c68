"""Review reminders: due pages on the dashboard and in a report, and one email a day."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from cms.editorial.models import ReminderRun
from cms.editorial.reminders import due_for_review, send_review_reminders
from treatments.models import TreatmentPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def due(library):
    """Dry needling overdue, shockwave due in 10 days; the others a year away."""
    today = timezone.localdate()
    dates = {
        "dry-needling": today - datetime.timedelta(days=3),
        "shockwave-therapy": today + datetime.timedelta(days=10),
    }
    for slug, next_due in dates.items():
        TreatmentPage.objects.filter(pk=library[slug].pk).update(
            reviewed_on=next_due - datetime.timedelta(days=365), next_review_due=next_due
        )
    far = today + datetime.timedelta(days=200)
    TreatmentPage.objects.filter(alias_of__isnull=True).exclude(slug__in=dates).update(
        next_review_due=far
    )
    return dates


@override_settings(REVIEW_REMINDER_DAYS=30)
def test_due_for_review_lists_originals_within_the_window_overdue_first(due, library):
    assert [p.slug for p in due_for_review()] == ["dry-needling", "shockwave-therapy"]
    assert [p.slug for p in due_for_review(within_days=5)] == ["dry-needling"]


@override_settings(REVIEW_REMINDER_DAYS=30)
def test_the_dashboard_panel_lists_due_pages_to_those_who_can_edit_them(
    due, editor, managers, as_user
):
    html = as_user(editor).get(reverse("wagtailadmin_home")).content.decode()
    panel = html[html.index("Treatments whose next clinical review is due") :]
    assert "Dry needling" in panel and "overdue" in panel
    assert "Shockwave therapy" in panel
    assert "Massage therapy" not in panel

    # A clinic manager cannot edit library pages, so sees no panel.
    manager_home = as_user(managers["south"]).get(reverse("wagtailadmin_home")).content.decode()
    assert "Treatments whose next clinical review is due" not in manager_home


@override_settings(REVIEW_REMINDER_DAYS=30)
def test_the_report_lists_due_pages_and_exports_them(due, reviewer, managers, as_user):
    client = as_user(reviewer)
    html = client.get(reverse("editorial_reviews_due")).content.decode()
    assert "Dry needling" in html and "Shockwave therapy" in html
    assert "Massage therapy" not in html
    csv = client.get(reverse("editorial_reviews_due"), {"export": "csv"})
    assert csv.status_code == 200
    rows = b"".join(csv.streaming_content).decode().splitlines()
    assert rows[0].startswith("Title,Reviewed by,Credentials,Reviewed on,Next review due")
    assert len(rows) == 3

    # A clinic manager may open the report but sees no library page in it.
    html = as_user(managers["south"]).get(reverse("editorial_reviews_due")).content.decode()
    assert "Dry needling" not in html and "No treatment is due" in html


@override_settings(REVIEW_REMINDER_DAYS=30)
def test_the_daily_task_emails_the_reviewers_once_a_day(due, reviewer, editor, make_user):
    make_user("quiet", "Clinical reviewers", email="")  # no address: skipped
    mail.outbox.clear()
    today = timezone.localdate().isoformat()
    assert send_review_reminders.enqueue(today=today).return_value == 2
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [reviewer.email]
    assert "Dry needling" in message.body and "(overdue)" in message.body
    dry_needling = TreatmentPage.objects.get(slug="dry-needling", alias_of__isnull=True)
    assert f"http://testserver/admin/pages/{dry_needling.pk}/edit/" in message.body

    send_review_reminders.enqueue(today=today)  # a second scheduler, or a restart
    assert len(mail.outbox) == 1
    assert ReminderRun.objects.get().pages == 2


def test_the_scheduler_queues_the_reminders(due, reviewer):
    mail.outbox.clear()
    call_command("run_scheduler", "--once")
    assert ReminderRun.objects.filter(sent_on=timezone.localdate()).exists()
    assert len(mail.outbox) == 1
