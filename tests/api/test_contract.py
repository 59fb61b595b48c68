"""A client written for stock Wagtail's v2 API works unchanged against ours."""

from .conftest import add_page, ids, path_of


def test_listing_has_wagtails_v2_shape(northeast_api, clinics):
    about = add_page(clinics["northeast"], "About")
    data = northeast_api.json("pages/")
    assert set(data) == {"meta", "items"}
    assert data["meta"]["total_count"] == len(data["items"]) == 2
    item = next(item for item in data["items"] if item["id"] == about.pk)
    assert item["title"] == "About"
    assert item["meta"] == {
        "type": "wagtailcore.Page",
        "detail_url": f"http://northeast.localhost/api/v2/pages/{about.pk}/",
        "html_url": "http://northeast.localhost/about/",
        "slug": "about",
        "first_published_at": item["meta"]["first_published_at"],
    }


def test_detail_url_and_html_url_lead_to_the_page(client, northeast_api, clinics):
    about = add_page(clinics["northeast"], "About")
    item = next(i for i in northeast_api.json("pages/")["items"] if i["id"] == about.pk)
    detail = northeast_api.json(path_of(item["meta"]["detail_url"]))
    assert detail["id"] == about.pk
    assert detail["meta"]["parent"]["id"] == clinics["northeast"].pk
    assert detail["meta"]["clinic"]["slug"] == "northeast"
    html = client.get(path_of(detail["meta"]["html_url"]), HTTP_HOST="northeast.localhost")
    assert html.status_code == 200


def test_find_redirects_to_the_detail_keeping_other_parameters(northeast_api, clinics):
    about = add_page(clinics["northeast"], "About")
    response = northeast_api.get("pages/find/", html_path="/about/", fields="title")
    assert response.status_code == 302
    assert response["Location"] == (
        f"http://northeast.localhost/api/v2/pages/{about.pk}/?fields=title"
    )
    followed = northeast_api.client.get(
        "/api/v2/pages/find/", {"html_path": "about"}, HTTP_HOST="northeast.localhost", follow=True
    )
    assert followed.json()["id"] == about.pk


def test_find_of_the_site_root(northeast_api, clinics):
    response = northeast_api.get("pages/find/", html_path="/")
    assert response["Location"].endswith(f"/api/v2/pages/{clinics['northeast'].pk}/?")


def test_site_parameter_equals_host_header(brand_api, northeast_api, clinics):
    add_page(clinics["northeast"], "About")
    by_host = northeast_api.json("pages/")
    assert brand_api.json("pages/", site="northeast.localhost") == by_host
    assert brand_api.json("pages/", site="northeast.localhost:80") == by_host


def test_unknown_site_is_a_400_naming_it(brand_api):
    data = brand_api.json("pages/", status=400, site="nowhere.localhost")
    assert "nowhere.localhost" in data["message"]
    data = brand_api.json("pages/", status=400, site="northeast.localhost:99")
    assert "northeast.localhost:99" in data["message"]


def test_unknown_host_falls_back_to_the_brand_site_like_wagtail(client, brand):
    from .conftest import Api

    data = Api(client, "unknown.example").json("pages/")
    assert ids(data) == [brand.pk]


def test_unknown_endpoint_is_a_json_404(brand_api):
    data = brand_api.json("nothing-here/", status=404)
    assert "pages/" in data["message"]


def test_every_endpoint_lists_in_the_v2_shape(northeast_api, library):
    for endpoint in ("pages/", "images/", "documents/", "clinic/", "tags/"):
        data = northeast_api.json(endpoint)
        assert set(data) == {"meta", "items"}, endpoint
        assert data["meta"]["total_count"] >= len(data["items"])
        for item in data["items"]:
            assert {"id", "meta"} <= set(item)
            assert item["meta"]["detail_url"].startswith(
                f"http://northeast.localhost/api/v2/{endpoint}"
            )
            assert northeast_api.json(path_of(item["meta"]["detail_url"]))["id"] == item["id"]
