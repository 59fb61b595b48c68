"""Admin requests the editorial tests share: create a treatment, act on its workflow task."""

from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from treatments.models import TreatmentPage

from ..admin_forms import form_data, list_block


def treatment_body(incidence="16"):
    """Benefits, safety (with one side effect), an FAQ and a book-at-this-clinic CTA."""
    return [
        (
            "benefits",
            {
                "heading": "Why patients choose it",
                "intro": "",
                "items": list_block(
                    [{"title": "Calmer muscles", "description": "Less guarding.", "icon": ""}]
                ),
            },
        ),
        (
            "safety",
            {
                "heading": "Is it safe?",
                "intro": "Side effects are mild and short-lived.",
                "side_effects_heading": "Side effects",
                "side_effects_text": "",
                "side_effects": list_block([{"name": "Redness", "incidence": incidence}]),
                "side_effects_source": {
                    "source": "",
                    "journal": "Pain Medicine",
                    "year": "",
                    "url": "",
                    "doi": "",
                },
                "serious_risks_heading": "Serious risks",
                "serious_risks": "Very rare.",
                "serious_risks_source": {
                    "source": "",
                    "journal": "",
                    "year": "",
                    "url": "",
                    "doi": "",
                },
                "guidance": list_block([]),
            },
        ),
        (
            "faq",
            {
                "heading": "Questions",
                "items": list_block(
                    [{"question": "Does it hurt?", "answer": rich_text("<p>Briefly.</p>")}]
                ),
            },
        ),
        (
            "cta",
            {
                "heading": "Book a visit",
                "text": "",
                "action": "book",
                "page": "",
                "url": "",
                "button_label": "Book now",
            },
        ),
    ]


def create_treatment(client, library_index, action="action-submit", slug="cupping", **fields):
    """Post the admin's add-page form for a new treatment under the library."""
    url = reverse("wagtailadmin_pages:add", args=("treatments", "treatmentpage", library_index.pk))
    data = {
        "title": "Cupping therapy",
        "slug": slug,
        "summary": "Suction cups lift the skin and the tissue under it.",
        "body": streamfield(treatment_body(fields.pop("incidence", "16"))),
        "tags": "",
        **fields,
    }
    if action:
        data[action] = action.removeprefix("action-")
    return client.post(url, nested_form_data(data))


def task_state_of(page):
    page = TreatmentPage.objects.get(pk=page.pk)
    return page.current_workflow_task_state


def workflow_action(client, page, action, comment=""):
    """Post a workflow action (approve / reject) on the page's current task, as the modal does."""
    state = task_state_of(page)
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, state.pk))
    return client.post(url, {"comment": comment})


def streamfield_data(body=None):
    """A treatment body (`treatment_body()` unless given) as the edit form posts it."""
    return nested_form_data({"body": streamfield(body or treatment_body())})


def assert_denied(response):
    """Wagtail's admin answers a permission denial with a redirect to the dashboard (or a 403)."""
    if response.status_code == 302:
        assert response.url == reverse("wagtailadmin_home"), response.url
    else:
        assert response.status_code == 403, response.status_code


def edit_treatment(client, page, action="action-submit", body=None, **changes):
    """Post the page's edit form as the browser would, with `body` (StreamField) set anew.

    The edit form renders StreamField data for JavaScript, so the body is sent
    from `treatment_body()` rather than scraped from the HTML.
    """
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = form_data(client.get(url).content.decode(), "page-edit-form")
    for key, value in streamfield_data(body).items():
        data[key] = value
    for key, value in changes.items():
        data[key] = value
    if action:
        data[action] = action.removeprefix("action-")
    return client.post(url, data)
