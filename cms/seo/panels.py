"""Panels that only users holding a permission may see and change.

Wagtail removes a FieldPanel's form field for a user without the panel's
`permission`, so a hidden field can be neither shown nor overwritten by a
crafted POST. Groups only hide; their fields must carry the permission.
"""

from wagtail.admin.panels import FieldPanel, PanelGroup
from wagtail.models.panels import PanelPlaceholder


def require_permission(permission, panels):
    """Copies of `panels` whose every field requires `permission`."""
    guarded = []
    for panel in panels:
        if isinstance(panel, PanelPlaceholder):
            panel = panel.construct()
        if panel is None:
            continue
        if isinstance(panel, FieldPanel):
            panel = type(panel)(**{**panel.clone_kwargs(), "permission": permission})
        elif isinstance(panel, PanelGroup):
            kwargs = panel.clone_kwargs()
            kwargs["children"] = require_permission(permission, panel.children)
            panel = type(panel)(**kwargs)
        guarded.append(panel)
    return guarded
