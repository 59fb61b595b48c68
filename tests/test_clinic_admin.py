"""Clinic facts are validated in the admin: a form error, never a 500, nothing saved."""

import pytest

from home.models import ClinicPage

from .admin_forms import edit_page as _edit


def test_valid_edit_normalises_phone_and_postal_code(admin_client, clinics):
    clinic = clinics["northeast"]
    response = _edit(admin_client, clinic, phone="(403) 555-0123", postal_code="t1y7k7")
    assert response.status_code == 302
    clinic.refresh_from_db()
    assert str(clinic.phone) == "+14035550123"
    assert clinic.postal_code == "T1Y 7K7"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("postal_code", "90210", "Canadian postal code"),
        ("postal_code", "D1A 1A1", "Canadian postal code"),
        ("phone", "12345", "phone number"),
        ("latitude", "91", "less than or equal to 90"),
        ("longitude", "-181", "greater than or equal to -180"),
        ("booking_url", "ftp://book.example.com/", "http:// or https://"),
        ("booking_url", "javascript:alert(1)", "http:// or https://"),
        ("email", "not-an-email", "valid email"),
    ],
)
def test_bad_clinic_fact_is_a_form_error(admin_client, clinics, field, value, message):
    clinic = clinics["northeast"]
    before = ClinicPage.objects.values().get(pk=clinic.pk)
    response = _edit(admin_client, clinic, **{field: value})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert ClinicPage.objects.values().get(pk=clinic.pk) == before


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"opens": "17:00", "closes": "09:00"}, "closing time must be after"),
        ({"opens": "09:00", "closes": "09:00"}, "closing time must be after"),
        ({"opens": "", "closes": "17:00"}, "Enter the opening time"),
        ({"opens": "09:00", "closes": "17:00", "closed": "on"}, "A closed day has no opening"),
    ],
)
def test_bad_opening_hours_are_a_form_error(admin_client, clinics, row, message):
    clinic = clinics["northeast"]
    hours_before = list(clinic.hours.values_list("day", "opens", "closes", "closed"))
    data = {f"hours-0-{key}": value for key, value in row.items()}
    response = _edit(admin_client, clinic, **data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert list(clinic.hours.values_list("day", "opens", "closes", "closed")) == hours_before


def test_the_booking_field_is_labelled_booking_url(admin_client, clinics):
    from django.urls import reverse

    clinic = clinics["south"]
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[clinic.pk])).content.decode()
    assert "Booking URL" in html and "Booking url" not in html


def test_opening_hours_are_one_compact_row_a_day_with_time_inputs(admin_client, clinics):
    from bs4 import BeautifulSoup
    from django.urls import reverse

    clinic = clinics["south"]
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[clinic.pk])).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    first = clinic.hours.order_by("sort_order").first()
    opens = soup.find("input", attrs={"name": "hours-0-opens"})
    assert opens["type"] == "time" and opens["value"] == f"{first.opens:%H:%M}"
    row = opens.find_parent(class_="opening-hours-row")
    names = {field["name"] for field in row.find_all(["input", "select"]) if field.get("name")}
    assert {"hours-0-day", "hours-0-opens", "hours-0-closes", "hours-0-closed"} <= names
    assert "Closed all day" in row.get_text()
    assert "Opening hours row" not in html
