"""Every section of the reference article is in the seeded dry needling page as its block type."""

from decimal import Decimal


def _blocks(page, block_type):
    return [block.value for block in page.body if block.block_type == block_type]


def test_every_seed_section_is_present_with_its_figures(library):
    page = library["dry-needling"]
    types = [block.block_type for block in page.body]
    for expected in (
        "section",
        "evidence",
        "benefits",
        "conditions",
        "quote",
        "steps",
        "safety",
        "comparison",
        "faq",
        "cta",
    ):
        assert expected in types, expected

    (benefits,) = _blocks(page, "benefits")
    assert len(benefits["items"]) == 6
    (conditions,) = _blocks(page, "conditions")
    assert len(conditions["items"]) == 8
    tagged = {item["tag"].name for item in conditions["items"] if item["tag"]}
    assert {"tension headache", "tmj disorder", "sports injury"} <= tagged

    (steps,) = _blocks(page, "steps")
    assert [item["title"] for item in steps["items"]] == ["Assessment", "Treatment", "Aftercare"]
    assert "24–48 hours" in steps["items"][2]["description"]

    (safety,) = _blocks(page, "safety")
    incidences = {item["name"]: item["incidence"] for item in safety["side_effects"]}
    assert incidences == {
        "Minor bleeding": Decimal("16"),
        "Bruising": Decimal("7.7"),
        "Discomfort during treatment": Decimal("5.9"),
    }
    assert "Pain Medicine" in safety["side_effects_source"]["journal"]
    assert (
        "International Journal of Sports Physical Therapy"
        in safety["serious_risks_source"]["journal"]
    )

    (evidence,) = _blocks(page, "evidence")
    assert "Journal of Orthopaedic & Sports Physical Therapy" in evidence["citation"]["journal"]

    (comparison,) = _blocks(page, "comparison")
    assert (comparison["left_label"], comparison["right_label"]) == ("Dry needling", "Acupuncture")

    (faq,) = _blocks(page, "faq")
    assert len(faq["items"]) == 5
    (cta,) = _blocks(page, "cta")
    assert cta["action"] == "book"


def test_library_has_at_least_four_treatments_and_clinics_differ(library, clinics):
    from treatments.models import TreatmentPage

    assert len(library) >= 4
    offered = {
        slug: set(TreatmentPage.objects.descendant_of(clinic).values_list("slug", flat=True))
        for slug, clinic in clinics.items()
    }
    assert len({frozenset(v) for v in offered.values()}) == 3
    assert "dry-needling" not in offered["south"]
