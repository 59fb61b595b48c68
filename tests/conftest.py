"""Shared fixtures: the demo sites, built for each test through the real seed code."""

import pytest
from django.core.cache import caches


@pytest.fixture(autouse=True)
def _clear_cache():
    from cms.delivery.middleware import LOCAL

    for cache in caches.all():
        cache.clear()
    LOCAL.clear()
    yield
    for cache in caches.all():
        cache.clear()
    LOCAL.clear()


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
