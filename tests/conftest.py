"""Shared fixtures: the demo sites, built through the real seed code.

The demo content is built once per test database (session), right after the
migrations; every test then runs in a transaction that is rolled back, so it
starts from the same seeded state. The `brand`, `clinics` and `library`
fixtures hand out those pages (the seed functions only create what is
missing, so after a transactional test's flush they rebuild it).
"""

import pytest
from django.core.cache import caches


def _quiet(message):
    pass


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from home.demo.builder import ensure_brand, ensure_clinics
    from treatments.demo.builder import ensure_clinic_aliases, ensure_library

    with django_db_blocker.unblock():
        home = ensure_brand(log=_quiet)
        clinics = ensure_clinics(log=_quiet)
        ensure_clinic_aliases(clinics, ensure_library(home, log=_quiet), log=_quiet)
        for cache in caches.all():
            cache.clear()


@pytest.fixture(autouse=True)
def _clear_cache():
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


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
