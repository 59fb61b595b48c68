"""Shared fixtures: the demo sites, built for each test through the real seed code."""

import pytest
from django.core.cache import caches


@pytest.fixture(autouse=True)
def _clear_cache():
    from cms.delivery import epoch
    from cms.delivery.middleware import LOCAL

    for cache in caches.all():
        cache.clear()
    LOCAL.clear()
    epoch.forget()
    yield
    for cache in caches.all():
        cache.clear()
    LOCAL.clear()
    epoch.forget()


@pytest.fixture
def brand(db):
    from home.demo.builder import ensure_brand

    return ensure_brand(log=lambda message: None)


@pytest.fixture
def clinics(brand):
    """The three demo clinics keyed by slug, each with its own Site."""
    from home.demo.builder import ensure_clinics

    return ensure_clinics(log=lambda message: None)


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("root", "root@example.com", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def library(brand, clinics):
    """The demo treatment library with each clinic's aliases; returns slug -> original page."""
    from treatments.demo.builder import ensure_clinic_aliases, ensure_library

    pages = ensure_library(brand, log=lambda message: None)
    ensure_clinic_aliases(clinics, pages, log=lambda message: None)
    return pages


@pytest.fixture(scope="session")
def migrated_rows(django_db_setup, django_db_blocker):
    """The rows migrations made (Wagtail's root page, locale, collection, permissions)."""
    from django.db import connection

    with django_db_blocker.unblock():
        return getattr(connection, "_test_serialized_contents", None) or (
            connection.creation.serialize_db_to_string()
        )


@pytest.fixture
def restored_db(transactional_db, migrated_rows):
    """Put the migrated rows back when a flush after a transactional test removed them.

    Django's serialized_rollback should do this, but after Playwright starts the
    connection it restores through is not always the one holding the snapshot.
    """
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.core.management.color import no_style
    from django.db import connection
    from wagtail.models import Page

    if not Page.objects.filter(depth=1).exists():
        # Empty the tables (content types and permissions were re-made with new ids), reload.
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        connection.creation.deserialize_db_from_string(migrated_rows)
        ContentType.objects.clear_cache()  # ids are the snapshot's again
        with connection.cursor() as cursor:  # next ids follow the reloaded rows
            tables = [m for m in apps.get_models() if m._meta.managed and not m._meta.proxy]
            for sql in connection.ops.sequence_reset_sql(no_style(), tables):
                cursor.execute(sql)
