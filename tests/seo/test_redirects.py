"""Old URLs keep working after a slug change or a move, on the brand and on every clinic site.

Wagtail sends page_slug_changed on commit, so publishing runs inside
django_capture_on_commit_callbacks(execute=True).
"""

from wagtail.contrib.redirects.models import Redirect

from treatments.models import TreatmentIndexPage, TreatmentPage


def test_renaming_a_clinic_index_redirects_every_page_under_it(
    client, library, clinics, django_capture_on_commit_callbacks
):
    for slug, clinic in clinics.items():
        host = f"{slug}.localhost"
        index = TreatmentIndexPage.objects.child_of(clinic).get()
        treatment = TreatmentPage.objects.child_of(index).live().order_by("title").first()
        index.slug = "our-treatments"
        with django_capture_on_commit_callbacks(execute=True):
            index.save_revision().publish()
        old = client.get(f"/treatments/{treatment.slug}/", HTTP_HOST=host)
        assert old.status_code == 301, (slug, old.status_code)
        assert old["Location"].endswith(f"/our-treatments/{treatment.slug}/")
        assert client.get(old["Location"], HTTP_HOST=host).status_code == 200
        # The redirect belongs to that clinic's site only.
        assert Redirect.objects.filter(old_path="/treatments", site__root_page=clinic).exists()


def test_renaming_a_converted_clinic_page_redirects_on_that_clinic(
    client, library, clinics, django_capture_on_commit_callbacks
):
    from wagtail.actions.convert_alias import ConvertAliasPageAction

    local = TreatmentPage.objects.descendant_of(clinics["south"]).get(slug="massage-therapy")
    ConvertAliasPageAction(local).execute(skip_permission_checks=True)
    local.refresh_from_db()
    local.slug = "registered-massage"
    with django_capture_on_commit_callbacks(execute=True):
        local.save_revision().publish()
    old = client.get("/treatments/massage-therapy/", HTTP_HOST="south.localhost")
    assert old.status_code == 301 and old["Location"].endswith("/treatments/registered-massage/")
    assert (
        client.get("/treatments/massage-therapy/", HTTP_HOST="downtown.localhost").status_code
        == 200
    )


def test_renaming_a_library_page_redirects_on_the_brand_and_clinic_urls_stay(
    client, library, django_capture_on_commit_callbacks
):
    page = library["shockwave-therapy"]
    page.slug = "shockwave"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    old = client.get("/treatments/shockwave-therapy/", HTTP_HOST="localhost")
    assert old.status_code == 301 and old["Location"].endswith("/treatments/shockwave/")
    # Aliases keep their own slug (Wagtail never renames them): clinic URLs are unchanged.
    assert (
        client.get("/treatments/shockwave-therapy/", HTTP_HOST="south.localhost").status_code == 200
    )


def test_moving_a_page_redirects(client, library, clinics):
    page = library["vestibular-rehabilitation"]
    brand_home = page.get_parent().get_parent()
    new_parent = brand_home.add_child(
        instance=TreatmentIndexPage(title="Balance care", slug="balance")
    )
    new_parent.save_revision().publish()
    page.move(new_parent, pos="last-child")
    old = client.get("/treatments/vestibular-rehabilitation/", HTTP_HOST="localhost")
    assert old.status_code == 301 and old["Location"].endswith(
        "/balance/vestibular-rehabilitation/"
    )
