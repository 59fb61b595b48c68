"""`manage.py backup` / `restore`: what a backup holds, and what a restore refuses before touching anything.

The full round trip (seed, crawl every public URL, back up, restore into a new
database and media folder, crawl again, compare) is `make restore-check`
(bench/restore_check.py), run by CI on SQLite and PostgreSQL.
"""

import io
import json
import sqlite3
import subprocess
import tarfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import InMemoryStorage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from cms.ops import backup


@pytest.mark.django_db(transaction=True)
def test_backup_holds_the_committed_content_and_a_manifest_of_checksums(
    tmp_path, restored_db, brand
):
    folder = tmp_path / "backup"
    call_command("backup", str(folder), "--no-media", stdout=io.StringIO())

    manifest = json.loads((folder / "manifest.json").read_text())
    database_file = folder / backup.DATABASE_FILES[connection.vendor]
    assert manifest["engine"] == connection.vendor
    assert manifest["files"] == {database_file.name: backup.sha256_of(database_file)}
    assert "0001_initial" in manifest["migrations"]["home"]
    assert brand.title in _dumped_text(database_file)


def _dumped_text(database_file):
    if database_file.suffix == ".sqlite3":
        with sqlite3.connect(database_file) as copy:
            return " ".join(row[0] for row in copy.execute("SELECT title FROM wagtailcore_page"))
    script = subprocess.run(
        ["pg_restore", "--data-only", "--table=wagtailcore_page", "--file=-", str(database_file)],
        capture_output=True,
        text=True,
        check=True,
    )
    return script.stdout


@pytest.mark.django_db
def test_backup_refuses_a_folder_that_holds_files(tmp_path):
    (tmp_path / "old.txt").write_text("an earlier backup")
    with pytest.raises(CommandError, match="not empty"):
        call_command("backup", str(tmp_path), "--no-media")
    assert [p.name for p in tmp_path.iterdir()] == ["old.txt"]


def test_media_round_trip_keeps_every_file_and_folder(tmp_path):
    source, target = InMemoryStorage(), InMemoryStorage()
    files = {
        "original_images/hero.png": b"\x89PNG hero",
        "images/hero.max-800x600.webp": b"RIFF rendition",
        "documents/notes.pdf": b"%PDF notes",
    }
    for name, content in files.items():
        source.save(name, ContentFile(content))

    assert backup.dump_media(tmp_path / "media.tar", source) == 3
    assert backup.restore_media(tmp_path / "media.tar", target) == 3
    assert {name: target.open(name).read() for name in backup.storage_files(target)} == files


def test_media_restore_refuses_names_that_leave_the_storage(tmp_path):
    with tarfile.open(tmp_path / "media.tar", mode="w") as tar:
        info = tarfile.TarInfo("../settings.py")
        info.size = 4
        tar.addfile(info, io.BytesIO(b"evil"))
    storage = InMemoryStorage()
    with pytest.raises(backup.BackupError, match="unsafe file name"):
        backup.restore_media(tmp_path / "media.tar", storage)
    assert list(backup.storage_files(storage)) == []


def _fake_backup(folder, **manifest):
    folder.mkdir()
    name = backup.DATABASE_FILES[connection.vendor]
    (folder / name).write_bytes(b"database bytes")
    (folder / "manifest.json").write_text(
        json.dumps(
            {
                "format": backup.FORMAT,
                "created_at": "2026-12-01T00:00:00+00:00",
                "engine": connection.vendor,
                "migrations": {"home": ["0001_initial"]},
                "files": {name: backup.sha256_of(folder / name)},
                **manifest,
            }
        )
    )
    return folder


@pytest.mark.django_db
def test_restore_refuses_a_database_that_holds_content(tmp_path, brand):
    folder = _fake_backup(tmp_path / "backup")
    with pytest.raises(CommandError, match="database is not empty"):
        call_command("restore", str(folder))
    brand.refresh_from_db()  # still there: nothing was dropped


@pytest.mark.django_db
def test_restore_refuses_a_damaged_backup(tmp_path):
    folder = _fake_backup(tmp_path / "backup")
    (folder / backup.DATABASE_FILES[connection.vendor]).write_bytes(b"truncated")
    with pytest.raises(CommandError, match="missing or damaged"):
        call_command("restore", str(folder), "--replace")


@pytest.mark.django_db
def test_restore_refuses_a_backup_made_by_newer_code(tmp_path):
    folder = _fake_backup(tmp_path / "backup", migrations={"home": ["0001_initial", "9999_later"]})
    with pytest.raises(CommandError, match=r"newer code .*home\.9999_later"):
        call_command("restore", str(folder), "--replace")


@pytest.mark.django_db
def test_restore_refuses_a_backup_of_another_engine(tmp_path):
    other = "sqlite" if connection.vendor == "postgresql" else "postgresql"
    folder = _fake_backup(tmp_path / "backup", engine=other)
    with pytest.raises(CommandError, match=f"{other} backup"):
        call_command("restore", str(folder), "--replace")
