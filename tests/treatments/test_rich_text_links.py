"""Rich text links to library treatments lead to the serving clinic's copy (treatments/rich_text_links.py).

Dry needling (A) links to shockwave therapy (B). Northeast carries both, downtown
carries A only, so downtown's readers go to the brand's B.
"""

import re

import pytest
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText, expand_db_html

from treatments.models import TreatmentPage

A = "/treatments/dry-needling/"
LINK_TEXT = "shockwave therapy"


def link_to(page, text=LINK_TEXT):
    return f'<a linktype="page" id="{page.pk}">{text}</a>'


def hrefs(html, text=LINK_TEXT):
    """The href of every anchor whose text is `text` (None for an anchor without one)."""
    found = []
    for attrs in re.findall(rf"<a([^>]*)>{re.escape(text)}</a>", html):
        match = re.search(r'href="([^"]*)"', attrs)
        found.append(match.group(1) if match else None)
    return found


def wagtail_href(page):
    """What Wagtail's own PageLinkHandler renders for a link to `page`, outside any request."""
    match = re.search(r'href="([^"]*)"', expand_db_html(link_to(page)))
    return match.group(1) if match else None


def publish_links(original, *targets):
    """A section and an FAQ answer in `original` that link to each target; publish (aliases follow)."""
    links = " and ".join(link_to(target) for target in targets)
    original.body.append(("section", {"heading": "Related", "body": f"<p>See {links}.</p>"}))
    faq = next(block for block in original.body if block.block_type == "faq")
    faq.value["items"][0]["answer"] = RichText(f"<p>Ask about {links}.</p>")
    original.save_revision().publish()
    return original


def copy_of(clinic, original):
    return TreatmentPage.objects.descendant_of(clinic).get(library_page=original)


def html(client, host, path=A):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def linked(library, clinics):
    publish_links(library["dry-needling"], library["shockwave-therapy"])
    return library["shockwave-therapy"]


def test_northeast_links_to_its_own_copy(client, linked, clinics):
    page = html(client, "northeast.localhost")
    # The section and the FAQ answer (also in the FAQ's JSON-LD, as escaped text).
    assert hrefs(page)[:2] == ["/treatments/shockwave-therapy/"] * 2
    assert "localhost:8000/treatments/shockwave-therapy/" not in page


def test_downtown_without_a_copy_links_to_the_brand_page(client, linked, clinics):
    page = html(client, "downtown.localhost")
    assert linked.full_url.startswith("http")
    assert hrefs(page)[:2] == [linked.full_url] * 2


def test_brand_keeps_wagtails_link(client, linked):
    page = html(client, "localhost")
    assert hrefs(page)[:2] == [wagtail_href(linked)] * 2


def test_converted_copy_is_linked_at_its_own_address(client, library, linked, clinics):
    local = copy_of(clinics["northeast"], linked)
    ConvertAliasPageAction(local).execute(skip_permission_checks=True)
    local.refresh_from_db()
    local.slug = "shockwave-at-northeast"
    local.save_revision().publish()
    assert hrefs(html(client, "northeast.localhost"))[0] == "/treatments/shockwave-at-northeast/"
    assert hrefs(html(client, "downtown.localhost"))[0] == linked.full_url


def test_unpublished_clinic_copy_falls_back_to_the_brand_page(client, linked, clinics):
    copy_of(clinics["northeast"], linked).unpublish()
    assert hrefs(html(client, "northeast.localhost"))[0] == linked.full_url


def test_private_clinic_copy_is_not_revealed(client, linked, clinics):
    local = copy_of(clinics["northeast"], linked)
    ConvertAliasPageAction(local).execute(skip_permission_checks=True)
    local.refresh_from_db()
    local.slug = "members-only-shockwave"
    local.save_revision().publish()
    PageViewRestriction.objects.create(
        page=local, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    page = html(client, "northeast.localhost")
    assert hrefs(page)[0] == linked.full_url
    assert "members-only-shockwave" not in page


def test_unpublished_or_draft_target_renders_as_wagtail_renders_it(client, library, clinics):
    target = library["shockwave-therapy"]
    draft = TreatmentPage(title="Draft only", slug="draft-only", summary="s", live=False)
    target.get_parent().add_child(instance=draft)
    draft.save_revision()
    publish_links(library["dry-needling"], target, draft)
    target.unpublish()  # its clinic aliases go with it
    for host in ("northeast.localhost", "downtown.localhost", "localhost"):
        page = html(client, host)
        assert hrefs(page)[0] == wagtail_href(target), host
        assert hrefs(page, "Draft only")[:1] == [], host  # the link text is the target's link
        assert re.findall(r'<a href="([^"]*)">shockwave therapy</a> and <a([^>]*)>', page)


def test_link_to_a_deleted_page_has_no_href(client, library, clinics):
    target = library["vestibular-rehabilitation"]
    publish_links(library["dry-needling"], target)
    target.delete()
    for host in ("northeast.localhost", "localhost"):
        assert hrefs(html(client, host))[:1] == [None]


def test_a_clinic_copy_change_refreshes_cached_clinic_pages(client, linked, clinics, settings):
    settings.RESPONSE_CACHE_ENABLED = True
    assert hrefs(html(client, "northeast.localhost"))[0] == "/treatments/shockwave-therapy/"
    assert client.get(A, HTTP_HOST="northeast.localhost")["X-Cache"] == "HIT"

    copy_of(clinics["northeast"], linked).unpublish()  # bumps offering:<B>
    assert hrefs(html(client, "northeast.localhost"))[0] == linked.full_url

    # The clinic carries it again: a new alias (Wagtail sends no page_published for it).
    unpublished = copy_of(clinics["northeast"], linked)
    index = unpublished.get_parent()
    unpublished.delete()
    linked.create_alias(parent=index)
    assert hrefs(html(client, "northeast.localhost"))[0] == "/treatments/shockwave-therapy/"


def test_restricting_the_clinic_copy_refreshes_cached_clinic_pages(
    client, linked, clinics, settings
):
    settings.RESPONSE_CACHE_ENABLED = True
    local = copy_of(clinics["northeast"], linked)
    ConvertAliasPageAction(local).execute(skip_permission_checks=True)
    local.refresh_from_db()
    assert hrefs(html(client, "northeast.localhost"))[0] == "/treatments/shockwave-therapy/"
    assert client.get(A, HTTP_HOST="northeast.localhost")["X-Cache"] == "HIT"

    restriction = PageViewRestriction.objects.create(
        page=local, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert hrefs(html(client, "northeast.localhost"))[0] == linked.full_url
    restriction.delete()
    assert hrefs(html(client, "northeast.localhost"))[0] == "/treatments/shockwave-therapy/"


def test_moving_the_target_refreshes_cached_pages_everywhere(client, linked, clinics, settings):
    settings.RESPONSE_CACHE_ENABLED = True
    for host in ("localhost", "downtown.localhost"):
        html(client, host)
    linked.slug = "radial-shockwave"
    linked.save_revision().publish()
    assert hrefs(html(client, "downtown.localhost"))[0].endswith("/treatments/radial-shockwave/")
    assert hrefs(html(client, "localhost"))[0].endswith("/treatments/radial-shockwave/")
    # Wagtail keeps an alias's own slug: northeast's copy stays where it was.
    assert hrefs(html(client, "northeast.localhost"))[0] == "/treatments/shockwave-therapy/"


def test_a_clinic_starting_to_carry_the_target_refreshes_its_cached_pages(
    client, linked, clinics, settings
):
    settings.RESPONSE_CACHE_ENABLED = True
    assert hrefs(html(client, "downtown.localhost"))[0] == linked.full_url
    assert client.get(A, HTTP_HOST="downtown.localhost")["X-Cache"] == "HIT"
    index = TreatmentPage.objects.descendant_of(clinics["downtown"]).first().get_parent()
    linked.create_alias(parent=index)
    assert hrefs(html(client, "downtown.localhost"))[0] == "/treatments/shockwave-therapy/"
