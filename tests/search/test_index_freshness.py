"""The index follows publishing on its own: publish, unpublish, alias updates, tags.

No test here calls update_index: the save signals (through django-tasks, the
immediate backend under test) must keep the index current.
"""

from wagtail.actions.convert_alias import ConvertAliasPageAction

from treatments.models import TreatmentPage
from treatments.tags import TreatmentTag

from .conftest import HOSTS, result_titles, search_html

CARRIERS = ("brand", "northeast", "downtown")  # dry needling: the library and its aliases


def _found_on(client, query):
    return {site for site, host in HOSTS.items() if result_titles(search_html(client, host, query))}


def test_a_published_word_reaches_every_clinic_carrying_it_and_leaves_on_unpublish(client, indexed):
    original = indexed["dry-needling"]
    assert _found_on(client, "quokka") == set()

    original.summary = "Now with a word no page had before: quokka."
    original.save_revision().publish()
    assert _found_on(client, "quokka") == set(CARRIERS)

    original.unpublish()
    assert _found_on(client, "quokka") == set()


def test_a_word_removed_on_publish_is_no_longer_found(client, indexed):
    original = indexed["dry-needling"]
    assert _found_on(client, "prescribed") == set(CARRIERS)
    original.body = [block for block in original.body.raw_data if block["type"] != "faq"]
    original.save_revision().publish()
    assert _found_on(client, "prescribed") == set()


def test_a_new_tag_is_searchable_everywhere_once_published(client, indexed):
    original = TreatmentPage.objects.get(pk=indexed["massage-therapy"].pk)
    original.tags.add(TreatmentTag.objects.create(name="Wombat knees"))
    original.save_revision().publish()
    assert _found_on(client, "wombat") == {"brand", "northeast", "downtown", "south"}


def test_a_converted_clinic_page_is_indexed_on_its_own(client, indexed, clinics):
    local = TreatmentPage.objects.descendant_of(clinics["downtown"]).get(slug="dry-needling")
    ConvertAliasPageAction(local).execute(skip_permission_checks=True)
    local = TreatmentPage.objects.get(pk=local.pk)
    local.summary = "Downtown's own words about the axolotl."
    local.save_revision().publish()
    assert _found_on(client, "axolotl") == {"downtown"}

    original = indexed["dry-needling"]
    original.summary = "The library now speaks of a pangolin."
    original.save_revision().publish()
    assert _found_on(client, "pangolin") == {"brand", "northeast"}
