"""One demo user per editorial role, so a newcomer can try each; development only.

The passwords are published in the README, so the users are made only with
DEBUG on (the dev settings; production settings force DEBUG off): anywhere
else `ensure_demo_users` refuses before touching the database.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from cms.seo.roles import SEO_STAFF

from .roles import CLINICAL_REVIEWERS, EDITORS, clinic_manager_group

PASSWORD_SUFFIX = "-dev-only"  # noqa: S105 - documented development credential  # nosec B105
DEMO_CLINIC = "northeast"
# username -> (first name, last name, the role's group name, or None for the clinic's managers)
DEMO_USERS = {
    "editor": ("Erin", "Editor", EDITORS),
    "reviewer": ("Rita", "Reviewer", CLINICAL_REVIEWERS),
    f"manager-{DEMO_CLINIC}": ("Nora", "Manager", None),
    "seo": ("Sol", "Search", SEO_STAFF),
}
DEMO_CREDENTIALS = "PT, MScPT (demo)"


def demo_password(username):
    return f"{username}{PASSWORD_SUFFIX}"


def _group(name):
    if name is not None:
        return Group.objects.filter(name=name).first()
    from home.models import ClinicPage

    clinic = ClinicPage.objects.filter(slug=DEMO_CLINIC).first()
    return clinic_manager_group(clinic) if clinic else None


def ensure_demo_users(log=print):
    """Create the missing demo users and put each in exactly its role; returns their usernames.

    An existing user keeps their password (someone may have changed it); their
    role is set again.
    """
    if not settings.DEBUG:
        log("demo users skipped: they are made only with DEBUG on (development settings)")
        return []
    with transaction.atomic():
        return _ensure_demo_users(log)


def _ensure_demo_users(log):
    from .models import ReviewerProfile

    User = get_user_model()
    made = []
    for username, (first, last, group_name) in DEMO_USERS.items():
        group = _group(group_name)
        if group is None:
            log(f"demo user {username!r} skipped: its role does not exist yet")
            continue
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_user(
                username,
                f"{username}@localhost",
                demo_password(username),
                first_name=first,
                last_name=last,
            )
            log(f"created demo user {username!r} ({group.name})")
        user.groups.set([group])
        if group.name == CLINICAL_REVIEWERS:
            ReviewerProfile.objects.get_or_create(
                user=user, defaults={"credentials": DEMO_CREDENTIALS}
            )
        made.append(username)
    return made
