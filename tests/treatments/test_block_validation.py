"""Each block accepts a good value and rejects a bad one with a message an editor can act on."""

import pytest
from django.core.exceptions import ValidationError

from treatments import blocks

CITATION = {"source": "", "journal": "Pain Medicine", "year": None, "url": "", "doi": ""}


def clean(block, raw):
    return block.clean(block.to_python(raw))


def error_text(excinfo):
    return str(
        excinfo.value.as_json_data() if hasattr(excinfo.value, "as_json_data") else excinfo.value
    )


CASES = [
    (
        blocks.SectionBlock(),
        {"heading": "What it is", "body": "<p>Text</p>"},
        {"heading": "", "body": "<p>Text</p>"},
        "This field is required",
    ),
    (
        blocks.BenefitsBlock(),
        {
            "heading": "Benefits",
            "intro": "",
            "items": [{"title": "Less pain", "description": "Yes", "icon": ""}],
        },
        {"heading": "Benefits", "intro": "", "items": []},
        "minimum number of items is 1",
    ),
    (
        blocks.ConditionsBlock(),
        {
            "heading": "Who",
            "intro": "",
            "items": [{"name": "Athletes", "description": "Yes", "tag": None}],
        },
        {"heading": "Who", "intro": "", "items": [{"name": "", "description": "Yes", "tag": None}]},
        "This field is required",
    ),
    (
        blocks.StepsBlock(),
        {
            "heading": "Steps",
            "intro": "",
            "items": [{"title": "One", "description": "First"}],
            "outro": "",
        },
        {
            "heading": "Steps",
            "intro": "",
            "items": [{"title": f"S{i}", "description": "x"} for i in range(11)],
            "outro": "",
        },
        "maximum number of items is 10",
    ),
    (
        blocks.SafetyBlock(),
        {
            "heading": "Safe?",
            "intro": "Mostly.",
            "side_effects_heading": "Side effects",
            "side_effects_text": "",
            "side_effects": [{"name": "Bruising", "incidence": "7.7"}],
            "side_effects_source": CITATION,
            "serious_risks_heading": "Serious",
            "serious_risks": "Rare.",
            "serious_risks_source": {**CITATION, "journal": ""},
            "guidance": [],
        },
        {
            "heading": "Safe?",
            "intro": "Mostly.",
            "side_effects_heading": "Side effects",
            "side_effects_text": "",
            "side_effects": [{"name": "Bruising", "incidence": "140"}],
            "side_effects_source": CITATION,
            "serious_risks_heading": "Serious",
            "serious_risks": "Rare.",
            "serious_risks_source": {**CITATION, "journal": ""},
            "guidance": [],
        },
        "less than or equal to 100",
    ),
    (
        blocks.EvidenceBlock(),
        {"claim": "Works", "summary": "Study says so", "citation": CITATION},
        {"claim": "Works", "summary": "Study says so", "citation": {**CITATION, "journal": ""}},
        "Name the source",
    ),
    (
        blocks.ComparisonBlock(),
        {
            "heading": "Vs",
            "intro": "",
            "left_label": "A",
            "right_label": "B",
            "rows": [{"aspect": "x", "left": "1", "right": "2"}],
        },
        {
            "heading": "Vs",
            "intro": "",
            "left_label": "",
            "right_label": "B",
            "rows": [{"aspect": "x", "left": "1", "right": "2"}],
        },
        "This field is required",
    ),
    (
        blocks.FAQBlock(),
        {"heading": "FAQ", "items": [{"question": "Q?", "answer": "<p>A</p>"}]},
        {"heading": "FAQ", "items": []},
        "minimum number of items is 1",
    ),
    (
        blocks.QuoteBlock(),
        {"text": "Great", "attribution": "A patient", "attribute_to_clinic": True},
        {"text": "", "attribution": "A patient", "attribute_to_clinic": True},
        "This field is required",
    ),
    (
        blocks.CTABlock(),
        {
            "heading": "Book",
            "text": "",
            "action": "url",
            "page": None,
            "url": "https://example.com/",
            "button_label": "Go",
        },
        {
            "heading": "Book",
            "text": "",
            "action": "url",
            "page": None,
            "url": "",
            "button_label": "Go",
        },
        "Enter the web address",
    ),
]


@pytest.mark.parametrize(
    ("block", "good", "bad", "message"),
    CASES,
    ids=lambda v: type(v).__name__ if hasattr(v, "child_blocks") else None,
)
def test_block_accepts_good_and_rejects_bad(db, block, good, bad, message):
    clean(block, good)
    with pytest.raises(ValidationError) as excinfo:
        clean(block, bad)
    assert message in error_text(excinfo)


@pytest.mark.parametrize("incidence", ["-1", "100.01", "140"])
def test_incidence_outside_0_to_100_is_rejected(db, incidence):
    block = blocks.evidence.SideEffectBlock()
    with pytest.raises(ValidationError):
        clean(block, {"name": "Bruising", "incidence": incidence})


@pytest.mark.parametrize("incidence", ["0", "5.9", "100"])
def test_incidence_inside_0_to_100_is_accepted(db, incidence):
    clean(blocks.evidence.SideEffectBlock(), {"name": "Bruising", "incidence": incidence})


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"action": "page", "page": None, "url": ""}, "Choose the page"),
        ({"action": "book", "page": None, "url": "https://example.com"}, "Clear the web address"),
        ({"action": "url", "page": None, "url": "ftp://example.com/x"}, "http:// or https://"),
    ],
)
def test_cta_destination_must_match_its_action(db, value, message):
    block = blocks.CTABlock()
    with pytest.raises(ValidationError) as excinfo:
        clean(block, {"heading": "Go", "text": "", "button_label": "Go", **value})
    assert message in error_text(excinfo)


def test_cta_book_and_call_need_no_destination(db):
    for action in ("book", "call"):
        clean(
            blocks.CTABlock(),
            {
                "heading": "Go",
                "text": "",
                "action": action,
                "page": None,
                "url": "",
                "button_label": "Go",
            },
        )


@pytest.mark.parametrize(
    ("citation", "message"),
    [
        ({"doi": "doi.org/10.1/x", "journal": "JOSPT"}, "A DOI looks like"),
        ({"year": 2999, "journal": "JOSPT"}, "cannot be in the future"),
        ({"year": 2019}, "Give the study"),
    ],
)
def test_citation_rejects_inconsistent_values(db, citation, message):
    block = blocks.CitationBlock()
    raw = {"source": "", "journal": "", "year": None, "url": "", "doi": "", **citation}
    with pytest.raises(ValidationError) as excinfo:
        clean(block, raw)
    assert message in error_text(excinfo)


@pytest.mark.parametrize(
    "doi",
    [
        "10.2519/jospt<script>alert(1)</script>",
        '10.2519/x"onmouseover="alert(1)',
        "10.2519/x'><img/src=x>",
        "10.2519/jospt 2019",
        "10.2519/jospt\n2019",
        "10.2519/&lt;b&gt;",
        "10.2519/{x}",
        "10.12/short-registrant",
    ],
)
def test_evidence_rejects_a_doi_with_markup_or_stray_characters(db, doi):
    block = blocks.EvidenceBlock()
    raw = {"claim": "Dry needling", "summary": "Less pain.", "citation": {**CITATION, "doi": doi}}
    with pytest.raises(ValidationError) as excinfo:
        clean(block, raw)
    assert "A DOI looks like" in error_text(excinfo)


@pytest.mark.parametrize(
    "doi",
    ["10.2519/jospt.2019.8697", "10.1016/S0140-6736(20)30183-5", "10.26603/001c.21163"],
)
def test_evidence_accepts_real_dois(db, doi):
    block = blocks.EvidenceBlock()
    raw = {"claim": "Dry needling", "summary": "Less pain.", "citation": {**CITATION, "doi": doi}}
    value = clean(block, raw)
    assert value["citation"].href == f"https://doi.org/{doi}"


def test_every_block_has_icon_template_and_description():
    body = blocks.TreatmentBodyBlock()
    for name, block in body.child_blocks.items():
        assert block.meta.icon, name
        assert block.meta.template.startswith("treatments/blocks/"), name
        assert block.meta.description, name
