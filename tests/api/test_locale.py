"""`?locale=` takes a language code as in stock Wagtail, and details always say their locale."""

from .conftest import add_page, ids


def test_locale_filter_takes_a_language_code(northeast_api, clinics):
    about = add_page(clinics["northeast"], "About")
    data = northeast_api.json("pages/", locale="en")
    assert about.pk in ids(data)
    assert data["meta"]["total_count"] == northeast_api.json("pages/")["meta"]["total_count"]


def test_unknown_language_code_is_a_400_naming_it(northeast_api, clinics):
    data = northeast_api.json("pages/", status=400, locale="xx")
    assert data["message"] == "unknown locale: 'xx'"


def test_a_locale_id_is_not_a_language_code(northeast_api, clinics):
    data = northeast_api.json("pages/", status=400, locale="1")
    assert data["message"] == "unknown locale: '1'"


def test_detail_meta_carries_the_locale(northeast_api, clinics):
    about = add_page(clinics["northeast"], "About")
    assert northeast_api.json(f"pages/{about.pk}/")["meta"]["locale"] == "en"
    listing = northeast_api.json("pages/", fields="locale")
    assert {item["meta"]["locale"] for item in listing["items"]} == {"en"}
