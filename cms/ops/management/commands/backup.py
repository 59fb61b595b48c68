"""`python manage.py backup FOLDER`: the database and the media files, into a new folder."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from cms.ops.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump, or SQLite's online backup) and the media files "
        "into a new folder, with a manifest of checksums. Safe while the site serves."
    )

    def add_arguments(self, parser):
        stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
        parser.add_argument(
            "folder", nargs="?", default=f"backups/{stamp}", help="a new folder (backups/<time>)"
        )
        parser.add_argument(
            "--no-media",
            action="store_true",
            help="the database only (media kept elsewhere, e.g. a versioned S3 bucket)",
        )

    def handle(self, folder, no_media, **options):
        try:
            manifest = create_backup(folder, include_media=not no_media)
        except BackupError as error:
            raise CommandError(str(error)) from error
        media = "no media" if no_media else f"{manifest['media_files']} media files"
        self.stdout.write(f"Backed up the {manifest['engine']} database and {media} to {folder}")
