"""The search page's queries do not grow with the number of results (or promotions)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from treatments.models import TreatmentIndexPage, TreatmentPage

from .conftest import HOSTS, add_treatment, result_titles, search_html


def _queries(client, host, query):
    # The first request fills the site caches and creates the popular-query rows.
    search_html(client, host, query)
    with CaptureQueriesContext(connection) as context:
        response = search_html(client, host, query)
    assert response.status_code == 200
    return len(context.captured_queries), response


def test_query_count_is_the_same_for_one_result_and_a_full_page(client, indexed, clinics):
    one, response = _queries(client, HOSTS["brand"], "dizziness")
    assert len(result_titles(response)) == 1

    library = TreatmentIndexPage.objects.get(url_path="/home/treatments/")
    full_body = TreatmentPage.objects.get(pk=indexed["dry-needling"].pk).body.raw_data
    for number in range(14):
        add_treatment(
            library, f"Dizziness clinic {number:02d}", "For dizziness.", body=list(full_body)
        )
    many, response = _queries(client, HOSTS["brand"], "dizziness")
    assert len(result_titles(response)) == 10
    assert many == one, (one, many)
    print(f"search page queries: {one} for 1 result, {many} for 10 of 15")


def test_promotions_add_a_fixed_number_of_queries(client, indexed, clinics):
    without, _ = _queries(client, HOSTS["northeast"], "balance")
    query = Query.get("balance")
    for order, page in enumerate(TreatmentPage.objects.descendant_of(clinics["northeast"])):
        SearchPromotion.objects.create(query=query, page=page, sort_order=order)
    with_all, response = _queries(client, HOSTS["northeast"], "balance")
    assert len(response.context["promotions"]) == 4
    assert with_all - without <= 1, (without, with_all)  # only the treatment type's specific query
