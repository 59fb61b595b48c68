"""Drive Wagtail admin forms as a browser would: read the form, change fields, post."""

from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html


def form_data(html, form_id):
    """The form's submission, with checked value-less checkboxes sent as "on" like a browser."""
    data = querydict_from_html(html, form_id=form_id)
    form = BeautifulSoup(html, "html.parser").find("form", id=form_id)
    for box in form.find_all("input", type="checkbox"):
        if box.has_attr("checked") and not box.get("value"):
            data.setlist(box["name"], ["on"])
    return data


def edit_page(client, page, action="action-publish", **changes):
    """Open the page's edit view, apply changes to the form and submit it."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = form_data(client.get(url).content.decode(), "page-edit-form")
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    if action:
        data[action] = action.removeprefix("action-")
    return client.post(url, data)


def list_block(items):
    """ListBlock form data for use inside nested_form_data/streamfield."""
    data = {
        str(i): {"value": item, "deleted": "", "order": str(i), "id": ""}
        for i, item in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


def citation(journal="", source="", year="", url="", doi=""):
    return {"source": source, "journal": journal, "year": year, "url": url, "doi": doi}
