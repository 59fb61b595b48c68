"""Editorial fixtures: the demo library with roles and workflow, and one user per role."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client


@pytest.fixture
def editorial(library):
    """The Clinical review workflow and groups, set up as seed_demo does."""
    from cms.editorial.setup import ensure_editorial

    return ensure_editorial(log=lambda message: None)


@pytest.fixture
def make_user(django_user_model):
    def make(username, *groups, first="", last="", email=None):
        user = django_user_model.objects.create_user(
            username,
            email if email is not None else f"{username}@example.com",
            "pw",
            first_name=first,
            last_name=last,
        )
        user.groups.set(Group.objects.filter(name__in=groups))
        return user

    return make


@pytest.fixture
def editor(editorial, make_user):
    return make_user("erin", "Editors", first="Erin", last="Editor")


@pytest.fixture
def reviewer(editorial, make_user):
    from cms.editorial.models import ReviewerProfile

    user = make_user("rita", "Clinical reviewers", first="Rita", last="Reviewer")
    ReviewerProfile.objects.create(user=user, credentials="PT, MScPT")
    return user


@pytest.fixture
def managers(editorial, clinics, make_user):
    """slug -> a clinic manager of that clinic only."""
    from cms.editorial.roles import clinic_manager_group

    users = {}
    for slug, clinic in clinics.items():
        user = make_user(f"manager-{slug}")
        user.groups.add(clinic_manager_group(clinic))
        users[slug] = user
    return users


@pytest.fixture
def as_user(db):
    """A fresh test client logged in as the given user."""

    def login(user):
        client = Client()
        client.force_login(user)
        return client

    return login
