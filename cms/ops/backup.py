"""Backup and restore of the database and the media files, as one folder.

A backup folder holds:

    manifest.json      when, from which engine, the migrations applied, a SHA-256 per file
    database.pgdump    PostgreSQL: `pg_dump --format=custom` (restore with pg_restore)
    database.sqlite3   SQLite: a consistent copy made with SQLite's online backup API
    media.tar          every file in the default storage (local disk or an S3 bucket)

Both databases are copied while the site keeps serving: pg_dump reads one
snapshot, SQLite's backup API copies page by page and restarts when a writer
changes a page it already copied. Restoring checks every checksum before it
touches anything, refuses a backup made by newer code (migrations this code
does not know), refuses a database or media store that already holds content
unless told to replace it, then migrates forward and empties the caches: the
response cache and the CDN would otherwise keep answering from the content the
restore replaced. For point-in-time recovery on PostgreSQL see docs/deploy.md.
"""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess  # pg_dump/pg_restore with fixed arguments, never a shell  # nosec B404
import tarfile
import tempfile
from pathlib import Path

from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import connections
from django.db.migrations.loader import MigrationLoader

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA = "media.tar"
DATABASE_FILES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}


class BackupError(Exception):
    """The backup or restore cannot go on; the message says why and what to do."""


def engine(alias="default"):
    vendor = connections[alias].vendor
    if vendor not in DATABASE_FILES:
        raise BackupError(f"no backup method for the {vendor} database")
    return vendor


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# -- PostgreSQL ---------------------------------------------------------------


def _pg_environment(alias):
    """libpq variables for the database Django uses (the password never on a command line)."""
    settings = connections[alias].settings_dict
    env = {**os.environ}
    for variable, value in (
        ("PGHOST", settings.get("HOST")),
        ("PGPORT", settings.get("PORT")),
        ("PGUSER", settings.get("USER")),
        ("PGPASSWORD", settings.get("PASSWORD")),
        ("PGDATABASE", settings.get("NAME")),
        ("PGSSLMODE", settings.get("OPTIONS", {}).get("sslmode")),
    ):
        if value:
            env[variable] = str(value)
    return env


def _run(args, env):
    result = subprocess.run(  # noqa: S603 - fixed programs and arguments, no shell  # nosec B603
        args, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{args[0]} failed: {result.stderr.strip()[-2000:]}")


def dump_postgres(target, alias="default"):
    _run(
        ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={target}"],
        _pg_environment(alias),
    )


def restore_postgres(source, alias="default"):
    """Load a pg_dump archive into the (empty) database, in one transaction."""
    connections[alias].close()
    _run(
        [
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={connections[alias].settings_dict['NAME']}",
            str(source),
        ],
        _pg_environment(alias),
    )


def empty_postgres(alias="default"):
    """Drop every table, sequence and view of the public schema (restore --replace)."""
    with connections[alias].cursor() as cursor:
        cursor.execute("DROP SCHEMA public CASCADE")
        cursor.execute("CREATE SCHEMA public")


# -- SQLite -------------------------------------------------------------------


def _sqlite_path(alias):
    name = str(connections[alias].settings_dict["NAME"])
    if name == ":memory:" or name.startswith("file:"):
        raise BackupError("an in-memory SQLite database cannot be backed up")
    return name


def copy_sqlite(source_path, target_path):
    """SQLite's online backup API: a consistent copy while other connections write."""
    source = sqlite3.connect(source_path)
    target = sqlite3.connect(target_path)
    try:
        with target:
            source.backup(target)
    finally:
        target.close()
        source.close()


def dump_sqlite(target, alias="default"):
    """Copy through Django's own connection (its settings, and in-memory databases too)."""
    connection = connections[alias]
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        with copy:
            connection.connection.backup(copy)
    finally:
        copy.close()


def restore_sqlite(source, alias="default"):
    connections[alias].close()
    copy_sqlite(source, _sqlite_path(alias))


# -- Media --------------------------------------------------------------------


def storage_files(storage, folder=""):
    """Every file name in a storage, walked with the storage API (disk and S3 alike)."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for sub in sorted(folders):
        yield from storage_files(storage, f"{folder}/{sub}" if folder else sub)


def dump_media(target, storage=default_storage):
    count = 0
    with tarfile.open(target, "w") as archive:
        for name in storage_files(storage):
            with storage.open(name, "rb") as stream:
                info = tarfile.TarInfo(name)
                info.size = storage.size(name)
                archive.addfile(info, stream)
            count += 1
    return count


def restore_media(source, storage=default_storage):
    """Write every file of the archive under its own name (an existing file is replaced)."""
    count = 0
    with tarfile.open(source, "r") as archive:
        for member in archive:
            if not member.isfile():
                continue
            name = member.name
            if name.startswith("/") or ".." in Path(name).parts:
                raise BackupError(f"unsafe file name in the media archive: {name[:80]}")
            if storage.exists(name):
                storage.delete(name)
            saved = storage.save(name, File(archive.extractfile(member), name=name))
            if saved != name:
                raise BackupError(f"the storage saved {name[:80]} as {saved[:80]}")
            count += 1
    return count


# -- Migrations -----------------------------------------------------------------


def applied_migrations(alias="default"):
    loader = MigrationLoader(connections[alias], ignore_no_migrations=True)
    applied = {}
    for app, name in sorted(loader.applied_migrations):
        applied.setdefault(app, []).append(name)
    return applied


def unknown_migrations(applied, alias="default"):
    """Migrations the backup's database had that this code does not know."""
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    return sorted(
        f"{app}.{name}"
        for app, names in applied.items()
        for name in names
        if (app, name) not in known
    )


# -- Whole backups --------------------------------------------------------------


def create_backup(folder, *, include_media=True, alias="default"):
    """Write a backup into `folder` (created; it must not exist yet). Returns the manifest."""
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise BackupError(f"{folder} is not empty: choose a new folder for each backup")
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o700)  # password hashes, webhook secrets and sessions are in there
    vendor = engine(alias)
    database_file = DATABASE_FILES[vendor]
    manifest = {
        "format": FORMAT,
        "created_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "engine": vendor,
        "migrations": applied_migrations(alias),
        "files": {},
    }
    (dump_postgres if vendor == "postgresql" else dump_sqlite)(folder / database_file, alias)
    manifest["files"][database_file] = sha256_of(folder / database_file)
    if include_media:
        manifest["media_files"] = dump_media(folder / MEDIA)
        manifest["files"][MEDIA] = sha256_of(folder / MEDIA)
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    for path in folder.iterdir():
        path.chmod(0o600)
    return manifest


def read_manifest(folder):
    """The manifest, after checking every file it lists against its checksum."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{folder} holds no readable {MANIFEST}: {error}") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"unknown backup format {manifest.get('format')!r}")
    for name, expected in manifest["files"].items():
        path = folder / name
        if not path.exists() or sha256_of(path) != expected:
            raise BackupError(f"{name} is missing or damaged (its checksum does not match)")
    return manifest


def database_has_content(alias="default"):
    return bool(connections[alias].introspection.table_names())


def media_has_content(storage=default_storage):
    return next(storage_files(storage), None) is not None


def check_restorable(folder, *, replace=False, include_media=True, alias="default"):
    """Everything that can be checked before anything is changed; returns the manifest."""
    manifest = read_manifest(folder)
    vendor = engine(alias)
    if manifest["engine"] != vendor:
        raise BackupError(
            f"this is a {manifest['engine']} backup and the database is {vendor}: "
            "restore it into the same engine (then move data with dumpdata/loaddata if needed)"
        )
    newer = unknown_migrations(manifest["migrations"], alias)
    if newer:
        raise BackupError(
            "the backup was made by newer code (unknown migrations: "
            f"{', '.join(newer[:5])}): deploy that code, then restore"
        )
    if not replace and database_has_content(alias):
        raise BackupError("the database is not empty: restore into a new one, or pass --replace")
    media = include_media and MEDIA in manifest["files"]
    if media and not replace and media_has_content():
        raise BackupError("the media storage is not empty: use a new one, or pass --replace")
    return manifest


def restore_backup(folder, *, replace=False, include_media=True, alias="default"):
    """Restore the database (and media) from `folder`; the caller migrates and clears caches."""
    folder = Path(folder)
    manifest = check_restorable(folder, replace=replace, include_media=include_media, alias=alias)
    vendor = manifest["engine"]
    database_file = folder / DATABASE_FILES[vendor]
    if vendor == "postgresql":
        if replace and database_has_content(alias):
            empty_postgres(alias)
        restore_postgres(database_file, alias)
    else:
        with tempfile.TemporaryDirectory() as scratch:
            # Copy first: the backup folder may be read-only or on slow storage.
            copy = Path(scratch) / "restore.sqlite3"
            shutil.copyfile(database_file, copy)
            restore_sqlite(copy, alias)
    restored_media = 0
    if include_media and MEDIA in manifest["files"]:
        restored_media = restore_media(folder / MEDIA)
    return manifest, restored_media
