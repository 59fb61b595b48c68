"""Bad input is a 400 (or a JSON 404) whose message names the problem; never a 500."""

import pytest

HUGE = str(10**30)

# (endpoint, query string, a word the message must contain)
BAD_REQUESTS = [
    ("pages/", "fields=nope", "nope"),
    ("pages/", "fields=title,", "fields"),
    ("pages/", "fields=title(id)", "title"),
    ("pages/", "fields=*,title", "fields"),
    ("pages/", "colour=red", "colour"),
    ("pages/", "order=nope", "nope"),
    ("pages/", "order=random&offset=1", "random"),
    ("pages/", "type=nope.Nope", "nope.Nope"),
    ("pages/", "type=home.OpeningHours", "home.OpeningHours"),
    ("pages/", "type=no-dot", "no-dot"),
    ("pages/", "offset=-1", "offset"),
    ("pages/", f"offset={HUGE}", "offset"),
    ("pages/", "offset=abc", "offset"),
    ("pages/", "limit=-1", "limit"),
    ("pages/", "limit=1000", "limit"),
    ("pages/", f"limit={HUGE}", "limit"),
    ("pages/", "limit=1.5", "limit"),
    ("pages/", "child_of=abc", "child_of"),
    ("pages/", "child_of=-3", "child_of"),
    ("pages/", f"child_of={HUGE}", "child_of"),
    ("pages/", "descendant_of=abc", "descendant_of"),
    ("pages/", "ancestor_of=1e3", "ancestor_of"),
    ("pages/", "child_of=root&descendant_of=root", "descendant_of"),
    ("pages/", "child_of=1", "parent page"),
    ("pages/", "id=abc", "id"),
    ("pages/", f"id={HUGE}", "id"),
    ("pages/", "show_in_menus=maybe", "show_in_menus"),
    ("pages/", "first_published_at=yesterday", "filter"),
    ("pages/", "alias_of=abc", "alias_of"),
    ("pages/", "locale=xx", "unknown locale"),
    ("pages/", "locale=1", "unknown locale"),
    ("pages/", "title=%00", "null"),
    ("pages/", "site=nowhere.example", "nowhere.example"),
    ("pages/", "site=localhost:port", "port"),
    ("pages/", "rich_text_format=pdf", "pdf"),
    ("pages/", "search=x&order=slug", "slug"),
    ("pages/abc/", "", "id"),
    ("pages/-1/", "", "id"),
    (f"pages/{HUGE}/", "", "id"),
    ("pages/find/", "", "html_path"),
    ("pages/find/", "html_path=/a b/", "html_path"),
    ("pages/find/", "html_path=/../etc/passwd", "html_path"),
    ("pages/find/", "html_path=%00", "html_path"),
    ("pages/find/", "html_path=" + "a/" * 600, "html_path"),
    ("pages/find/", "id=abc", "id"),
    ("images/", "fields=nope", "nope"),
    ("images/", "limit=-5", "limit"),
    ("images/", "order=nope", "nope"),
    ("images/", "collection=abc", "collection"),
    ("images/abc/", "", "id"),
    ("documents/", "colour=red", "colour"),
    ("documents/", f"offset={HUGE}", "offset"),
    ("documents/x/", "", "id"),
    ("clinic/", "latitude=north", "filter"),
    ("clinic/", "search=x", "search"),
    ("clinic/", "fields=hours", "hours"),
    ("clinic/abc/", "", "id"),
    ("clinic/find/", "", "slug"),
    ("tags/", "order=popularity", "popularity"),
    ("tags/", "limit=51", "limit"),
    ("tags/abc/", "", "id"),
    ("tags/find/", "", "slug"),
]


@pytest.mark.parametrize(("endpoint", "query", "word"), BAD_REQUESTS)
def test_bad_input_is_a_400_naming_the_problem(client, clinics, endpoint, query, word):
    response = client.get(f"/api/v2/{endpoint}?{query}", HTTP_HOST="northeast.localhost")
    assert response.status_code == 400, response.content[:300]
    assert response["Content-Type"] == "application/json"
    assert word.lower() in response.json()["message"].lower()


NOT_FOUND = [
    "pages/999999/",
    "images/999999/",
    "documents/999999/",
    "clinic/999999/",
    "tags/999999/",
]


@pytest.mark.parametrize("endpoint", NOT_FOUND)
def test_missing_objects_are_json_404s(client, clinics, endpoint):
    response = client.get(f"/api/v2/{endpoint}", HTTP_HOST="northeast.localhost")
    assert response.status_code == 404
    assert response.json()["message"]


@pytest.mark.parametrize("query", ["colour=red", "fields=nope", "fields=title(id)"])
def test_bad_detail_parameters_are_400s(northeast_api, clinics, query):
    name, _, value = query.partition("=")
    response = northeast_api.get(f"pages/{clinics['northeast'].pk}/", **{name: value})
    assert response.status_code == 400
    assert value.split("(")[0] in response.json()["message"] or name in response.json()["message"]


def test_limit_is_capped_by_the_setting(northeast_api, settings):
    assert settings.WAGTAILAPI_LIMIT_MAX == 50
    settings.WAGTAILAPI_LIMIT_MAX = 3
    assert northeast_api.get("pages/", limit=3).status_code == 200
    assert "3" in northeast_api.json("pages/", status=400, limit=4)["message"]


def test_offset_beyond_the_end_is_an_empty_page(northeast_api):
    data = northeast_api.json("pages/", offset=500)
    total = northeast_api.json("pages/")["meta"]["total_count"]
    assert data["items"] == [] and data["meta"]["total_count"] == total > 0
