"""Page permissions in a clinic's tree: Wagtail's own, scoped to the kind of page.

Wagtail's page permissions reach the whole subtree of the page they are granted
on. A clinic's tree holds three kinds of page that people expect to differ, so
for everyone but superusers this tester (every view of Wagtail's admin asks
`page.permissions_for_user`, menus and bulk actions included) narrows them:

- the clinic page, the clinic's facts: its managers (rights granted on it) edit,
  publish and lock it. Nobody unpublishes, deletes, moves, copies or restricts
  it: that would take the clinic's whole site down. Its slug (the hostname) is
  read-only too (cms/editorial/clinic_form.py).
- its treatments index, made by Offer: nobody edits, publishes, unpublishes,
  deletes, moves, copies, restricts or locks it.
- its treatments, the clinic copies: rights granted on the clinic page do not
  reach them, so managers can see them but not edit, publish or convert them;
  rights granted on the treatments index (Clinical reviewers',
  cms/editorial/roles.py) do. Nobody unpublishes, moves or copies a copy (nor
  deletes one: treatments/offering_guard.py): Offer and Withdraw
  (treatments/offering_actions.py) are how copies come and go, with a redirect
  rather than a 404.

Pages outside clinic trees (the brand home, the library) keep Wagtail's rules.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils.functional import cached_property
from wagtail.models import PagePermissionTester

CLINIC, CLINIC_INDEX, CLINIC_COPY = "clinic", "clinic index", "clinic copy"
CLINIC_DEPTH = 2


_clinic_roots = []  # the page type at the root of each clinic's tree (ClinicRootPermissionsMixin)


def _clinic_model():
    if not _clinic_roots:
        raise LookupError("no page type uses ClinicRootPermissionsMixin")
    return _clinic_roots[-1]


def clinic_tree_paths(user):
    """Tree paths of every clinic page; one query, kept on the user for the request."""
    if not hasattr(user, "_clinic_tree_paths"):
        paths = _clinic_model().objects.values_list("path", flat=True)
        user._clinic_tree_paths = frozenset(paths)
    return user._clinic_tree_paths


class ClinicTreePermissionTester(PagePermissionTester):
    def __init__(self, user, page):
        super().__init__(user, page)
        if getattr(self, "permissions", None) and page.depth > CLINIC_DEPTH + 1:
            self.permissions = self._permissions_not_from_a_clinic_page()

    def _permissions_not_from_a_clinic_page(self):
        """The actions granted on this page or its ancestors, except on a clinic page.

        A page this deep lies under either the brand home or a clinic; a grant on
        a clinic page is its managers' and covers that page alone. No query: the
        grants come with their pages (Wagtail caches them on the user).
        """
        clinic_type = ContentType.objects.get_for_model(_clinic_model()).pk
        return {
            grant.permission.codename.rsplit("_", maxsplit=1)[0]
            for grant in self.permission_policy.get_cached_permissions_for_user(self.user)
            if self.page.path.startswith(grant.page.path)
            and not (grant.page.depth == CLINIC_DEPTH and grant.page.content_type_id == clinic_type)
        }

    @cached_property
    def place(self):
        """CLINIC, CLINIC_INDEX, CLINIC_COPY, or None outside clinic trees (and for superusers).

        A page being created has no place in the tree yet (depth None): Wagtail's create view
        checks the parent's rights, which pass through this tester.
        """
        depth = self.page.depth
        if not self.user.is_active or self.user.is_superuser or not depth or depth < CLINIC_DEPTH:
            return None
        if self.page.depth == CLINIC_DEPTH:
            return CLINIC if issubclass(self.page.specific_class, _clinic_model()) else None
        clinic_path = self.page.path[: CLINIC_DEPTH * self.page.steplen]
        if clinic_path not in clinic_tree_paths(self.user):
            return None
        return CLINIC_INDEX if self.page.depth == CLINIC_DEPTH + 1 else CLINIC_COPY

    def _refused(self, *places):
        return self.place in places

    def can_edit(self):
        return not self._refused(CLINIC_INDEX) and super().can_edit()

    def can_publish(self):
        return not self._refused(CLINIC_INDEX) and super().can_publish()

    def can_unpublish(self):
        refused = self._refused(CLINIC, CLINIC_INDEX, CLINIC_COPY)
        return not refused and super().can_unpublish()

    def can_delete(self, ignore_bulk=False):
        if self._refused(CLINIC, CLINIC_INDEX):
            return False
        if (
            self.page.numchild == 0
            and self.user.is_active
            and not self.user.is_superuser
            and "change" in self.permissions
            and "publish" not in self.permissions
        ):
            # Wagtail's rule for this case asks whether any page of the subtree is live; a
            # leaf's subtree is itself. Answered without the query, as listings ask per row.
            return not self.page.live
        return super().can_delete(ignore_bulk)

    def can_move(self):
        return not self._refused(CLINIC, CLINIC_INDEX, CLINIC_COPY) and super().can_move()

    def can_copy(self):
        return not self._refused(CLINIC, CLINIC_INDEX, CLINIC_COPY) and super().can_copy()

    def can_set_view_restrictions(self):
        return not self._refused(CLINIC, CLINIC_INDEX) and super().can_set_view_restrictions()

    def can_lock(self):
        return not self._refused(CLINIC_INDEX) and super().can_lock()

    def can_reorder_children(self):
        return not self._refused(CLINIC, CLINIC_INDEX) and super().can_reorder_children()


class ClinicTreePermissionsMixin:
    """For page types that live in clinic trees: Wagtail's permissions, scoped as above."""

    def permissions_for_user(self, user):
        return ClinicTreePermissionTester(user, self)


class ClinicRootPermissionsMixin(ClinicTreePermissionsMixin):
    """For the page type at the root of each clinic's tree (home.ClinicPage): the tester
    tells clinic trees from the rest by it, so this module needs no import of the type."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.__module__ != "__fake__":  # migrations' historical models are not page types
            _clinic_roots.append(cls)
