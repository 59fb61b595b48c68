"""Create the development superuser admin / admin-dev-only. Refuses outside DEBUG."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"
PASSWORD = "admin-dev-only"  # noqa: S105 - documented development credential  # nosec B105


class Command(BaseCommand):
    help = "Create the development-only superuser (admin / admin-dev-only) if missing."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("create_dev_admin only runs with DEBUG on (development settings).")
        User = get_user_model()
        if User.objects.filter(username=USERNAME).exists():
            self.stdout.write(f"  superuser {USERNAME!r} already exists")
            return
        User.objects.create_superuser(USERNAME, "admin@localhost", PASSWORD)
        self.stdout.write(self.style.SUCCESS(f"  created superuser {USERNAME!r}"))
