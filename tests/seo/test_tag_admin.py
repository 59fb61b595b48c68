"""Tag management in the admin: usage per site, search, rename, merge and delete."""

import re

from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect

from treatments.models import TreatmentPage
from treatments.tags import TaggedTreatment, TreatmentTag

LIST = "wagtailsnippets_treatments_treatmenttag:list"


def _row(html, name):
    """The text cells of the listing row whose title is `name`."""
    text = re.sub(r"<[^>]+>", " ", html)
    text = re.sub(r"\s+", " ", text)
    match = re.search(rf" {re.escape(name)} Edit .*?Delete ([\w-]+) ((?:\d+ ?)+)", text)
    return match.group(1), [int(n) for n in match.group(2).split()]


def test_listing_shows_usage_in_total_and_per_site(admin_client, library, clinics):
    html = admin_client.get(reverse(LIST)).content.decode()
    # Columns: total, then brand, Downtown, Northeast, South (by site name).
    slug, counts = _row(html, "massage")
    assert slug == "massage"
    total, brand, downtown, northeast, south = counts
    assert (brand, downtown, northeast, south) == (1, 1, 1, 1) and total == 4
    _, counts = _row(html, "vertigo")
    assert counts[1:] == [1, 0, 1, 1] and counts[0] == 3


def test_search_finds_tags(admin_client, library):
    html = admin_client.get(reverse(LIST), {"q": "pain"}).content.decode()
    assert "back pain" in html and "neck pain" in html and "vertigo" not in html


def test_rename_keeps_pages_and_redirects_the_old_landing_page(admin_client, client, library):
    tag = TreatmentTag.objects.get(slug="massage")
    url = reverse("wagtailsnippets_treatments_treatmenttag:edit", args=[tag.pk])
    response = admin_client.post(
        url, {"name": "massage therapy", "slug": "massage-therapy", "description": ""}
    )
    assert response.status_code == 302
    assert TaggedTreatment.objects.filter(tag=tag).count() == 4
    for host in ("localhost", "south.localhost"):
        old = client.get("/tags/massage/", HTTP_HOST=host)
        assert old.status_code == 301 and old["Location"].endswith("/tags/massage-therapy/")
        assert client.get("/tags/massage-therapy/", HTTP_HOST=host).status_code == 200


def test_merge_moves_published_drafts_aliases_and_body_links(
    admin_client, client, library, clinics
):
    source = TreatmentTag.objects.get(slug="trigger-points")
    target = TreatmentTag.objects.get(slug="needle-therapy")
    dry = library["dry-needling"]
    # A draft on another page adds the source tag; a body link points at it too.
    massage = library["massage-therapy"]
    massage.tags.add(source)
    body = massage.body.raw_data
    conditions = {
        "type": "conditions",
        "value": {
            "heading": "Who it helps",
            "intro": "",
            "items": [
                {
                    "type": "item",
                    "value": {"name": "Knots", "description": "Tight spots.", "tag": source.pk},
                }
            ],
        },
    }
    massage.body = [*body, conditions]
    massage.save_revision()  # draft only
    merge_url = reverse("wagtailsnippets_treatments_treatmenttag:merge")
    assert "Massage therapy" in admin_client.get(merge_url, {"source": source.pk}).content.decode()

    response = admin_client.post(
        merge_url, {"source": source.pk, "target": target.pk, "confirm": "1"}
    )
    assert response.status_code == 302
    assert not TreatmentTag.objects.filter(pk=source.pk).exists()

    # Published rows: the original and every clinic copy carry the target, once.
    for page in TreatmentPage.objects.filter(slug="dry-needling"):
        names = [t.name for t in page.tags.all()]
        assert names.count("needle therapy") == 1 and "trigger points" not in names
    # Drafts: the massage draft now carries the target and links it from its body.
    draft = TreatmentPage.objects.get(pk=massage.pk).get_latest_revision_as_object()
    assert "needle therapy" in [t.name for t in draft.tags.all()]
    links = [
        i["tag"]
        for b in draft.body.raw_data
        if b["type"] == "conditions"
        for i in [x["value"] for x in b["value"]["items"]]
    ]
    assert target.pk in links and source.pk not in links
    # Older revisions too: none still names the source tag.
    for revision in dry.revisions.all():
        assert all(item["tag"] != source.pk for item in revision.content["tagged_items"])
    # Tag pages and the old landing page follow.
    assert client.get("/tags/needle-therapy/", HTTP_HOST="downtown.localhost").status_code == 200
    old = client.get("/tags/trigger-points/", HTTP_HOST="northeast.localhost")
    assert old.status_code == 301 and old["Location"].endswith("/tags/needle-therapy/")
    # Publishing the draft works and keeps the merged tag.
    draft.save_revision().publish()
    assert "needle therapy" in [t.name for t in TreatmentPage.objects.get(pk=massage.pk).tags.all()]


def test_merge_into_itself_is_a_form_error(admin_client, library):
    tag = TreatmentTag.objects.get(slug="stress")
    response = admin_client.post(
        reverse("wagtailsnippets_treatments_treatmenttag:merge"),
        {"source": tag.pk, "target": tag.pk},
    )
    assert response.status_code == 200 and "Choose two different tags." in response.content.decode()
    assert TreatmentTag.objects.filter(pk=tag.pk).exists()


def test_delete_confirmation_lists_the_pages_and_deletes_cleanly(
    admin_client, client, library, clinics
):
    tag = TreatmentTag.objects.get(slug="vertigo")
    url = reverse("wagtailsnippets_treatments_treatmenttag:delete", args=[tag.pk])
    html = admin_client.get(url).content.decode()
    assert html.count("Vestibular rehabilitation") >= 3  # library, Northeast and South copies
    assert "Bowview Physiotherapy South" in html
    page = library["vestibular-rehabilitation"]
    page.save_revision()  # a draft still naming the tag
    assert admin_client.post(url).status_code == 302
    assert not TreatmentTag.objects.filter(slug="vertigo").exists()
    draft = TreatmentPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    draft.save_revision().publish()  # no dangling tag id
    assert client.get("/tags/vertigo/", HTTP_HOST="south.localhost").status_code == 404
    assert not Redirect.objects.filter(old_path="/tags/vertigo").exists()


def test_merge_asks_first_listing_every_page_it_changes(admin_client, library, clinics):
    source = TreatmentTag.objects.get(slug="vertigo")
    target = TreatmentTag.objects.get(slug="massage")
    url = reverse("wagtailsnippets_treatments_treatmenttag:merge")
    html = admin_client.get(url).content.decode()
    crumbs = BeautifulSoup(html, "html.parser").select_one('nav[aria-label="Breadcrumb"] ol')
    # The header names the page and its place, not just "Home".
    assert [" ".join(li.get_text().split()) for li in crumbs.find_all("li")][-2:] == [
        "Tags",
        "Merge tags",
    ]

    response = admin_client.post(url, {"source": source.pk, "target": target.pk})
    assert response.status_code == 200
    html = response.content.decode()
    assert "cannot be undone" in html and 'name="confirm"' in html
    assert html.count("Vestibular rehabilitation") >= 3  # library, Northeast and South copies
    assert "Bowview Physiotherapy South" in html and "(clinic copy)" in html
    assert TreatmentTag.objects.filter(pk=source.pk).exists()  # nothing merged yet
    assert TaggedTreatment.objects.filter(tag=source).exists()

    response = admin_client.post(url, {"source": source.pk, "target": target.pk, "confirm": "1"})
    assert response.status_code == 302
    assert not TreatmentTag.objects.filter(pk=source.pk).exists()


def test_renaming_a_tag_renames_its_slug_with_a_redirect(admin_client, client, library):
    tag = TreatmentTag.objects.get(slug="stress")
    url = reverse("wagtailsnippets_treatments_treatmenttag:edit", args=[tag.pk])
    response = admin_client.post(
        url, {"name": "Stress relief", "slug": "stress", "description": ""}
    )
    assert response.status_code == 302
    tag.refresh_from_db()
    assert (tag.name, tag.slug) == ("Stress relief", "stress-relief")
    old = client.get("/tags/stress/", HTTP_HOST="localhost")
    assert old.status_code == 301 and old["Location"].endswith("/tags/stress-relief/")
    # A slug the editor typed is kept.
    admin_client.post(url, {"name": "Stress", "slug": "calm", "description": ""})
    tag.refresh_from_db()
    assert (tag.name, tag.slug) == ("Stress", "calm")


def test_tags_are_listed_in_alphabetical_order_whatever_the_case(admin_client, library):
    TreatmentTag.objects.create(name="Ankle sprain", slug="ankle-sprain")
    TreatmentTag.objects.create(name="Zygapophyseal joint", slug="zygapophyseal-joint")
    html = admin_client.get(reverse(LIST)).content.decode()
    names = ["Ankle sprain", "back pain", "neck pain", "Zygapophyseal joint"]
    positions = [html.index(name) for name in names]
    assert positions == sorted(positions)
    descending = admin_client.get(reverse(LIST), {"ordering": "-name"}).content.decode()
    assert descending.index("Zygapophyseal joint") < descending.index("back pain")
    assert 'class="listing tag-usage' in html and "seo/tag-admin.css" in html
