"""JSON-LD parsed from real pages: types and the properties schema.org and Google require."""

import datetime

from .helpers import head, jsonld_nodes

WEEKDAYS = {
    f"https://schema.org/{day}"
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
}


def _check_clinic(node, clinic):
    assert node["name"] == clinic.title
    assert node["url"] == f"http://{clinic.slug}.localhost/"
    assert node["telephone"] == str(clinic.phone) and node["telephone"].startswith("+1")
    address = node["address"]
    assert address["@type"] == "PostalAddress"
    assert address["streetAddress"] == clinic.street_address
    assert (address["addressLocality"], address["addressRegion"], address["addressCountry"]) == (
        "Calgary",
        "AB",
        "CA",
    )
    assert address["postalCode"] == clinic.postal_code
    assert node["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": float(clinic.latitude),
        "longitude": float(clinic.longitude),
    }
    hours = node["openingHoursSpecification"]
    assert len(hours) == clinic.hours.count() and hours
    for row in hours:
        assert row["@type"] == "OpeningHoursSpecification"
        assert row["dayOfWeek"] in WEEKDAYS
        datetime.time.fromisoformat(row["opens"])
        datetime.time.fromisoformat(row["closes"])


def test_brand_is_a_medical_organization_with_its_clinics(client, clinics):
    nodes = jsonld_nodes(head(client.get("/", HTTP_HOST="localhost")))
    (organization,) = nodes["MedicalOrganization"]
    assert organization["url"] == "http://localhost/"
    assert organization["name"] == "Bowview Physiotherapy"
    members = {node["name"]: node for node in organization["subOrganization"]}
    assert set(members) == {clinic.title for clinic in clinics.values()}
    for clinic in clinics.values():
        _check_clinic(members[clinic.title], clinic)
        assert members[clinic.title]["parentOrganization"] == {"@id": organization["@id"]}


def test_clinic_home_is_a_medical_clinic_with_its_facts(client, clinics):
    for slug, clinic in clinics.items():
        nodes = jsonld_nodes(head(client.get("/", HTTP_HOST=f"{slug}.localhost")))
        (node,) = nodes["MedicalClinic"]
        _check_clinic(node, clinic)
        assert node["potentialAction"]["target"] == clinic.booking_url


def test_a_changed_fact_reaches_the_structured_data(client, clinics):
    clinic = clinics["south"]
    clinic.phone = "+14035550100"
    clinic.save_revision().publish()
    nodes = jsonld_nodes(head(client.get("/", HTTP_HOST="south.localhost")))
    assert nodes["MedicalClinic"][0]["telephone"] == "+14035550100"


def test_treatment_is_a_medical_web_page_with_faq_and_breadcrumbs(client, library, clinics):
    page = library["dry-needling"]
    nodes = jsonld_nodes(
        head(client.get("/treatments/dry-needling/", HTTP_HOST="northeast.localhost"))
    )
    (webpage,) = nodes["MedicalWebPage"]
    assert webpage["about"]["@type"] == "MedicalTherapy"
    assert webpage["about"]["name"] == page.title
    assert webpage["lastReviewed"] == page.reviewed_on.isoformat()
    assert webpage["reviewedBy"] == {
        "@type": "Person",
        "name": page.reviewer_name,
        "jobTitle": page.reviewer_credentials,
    }
    assert webpage["publisher"]["name"] == clinics["northeast"].title

    (faq,) = nodes["FAQPage"]
    faq_blocks = [block for block in page.body if block.block_type == "faq"]
    questions = [item["question"] for block in faq_blocks for item in block.value["items"]]
    assert [q["name"] for q in faq["mainEntity"]] == questions and questions
    for question in faq["mainEntity"]:
        assert question["@type"] == "Question"
        assert question["acceptedAnswer"]["@type"] == "Answer"
        assert question["acceptedAnswer"]["text"].strip()

    (breadcrumbs,) = nodes["BreadcrumbList"]
    trail = [(item["position"], item["item"]) for item in breadcrumbs["itemListElement"]]
    assert trail == [
        (1, "http://northeast.localhost/"),
        (2, "http://northeast.localhost/treatments/"),
        (3, "http://northeast.localhost/treatments/dry-needling/"),
    ]


def test_treatment_without_faq_has_no_faq_page(client, library):
    page = library["massage-therapy"]
    page.body = [block for block in page.body.raw_data if block["type"] != "faq"]
    page.save_revision().publish()
    nodes = jsonld_nodes(head(client.get("/treatments/massage-therapy/", HTTP_HOST="localhost")))
    assert "FAQPage" not in nodes and "MedicalWebPage" in nodes


def test_script_content_cannot_close_the_script_tag(client, library):
    page = library["massage-therapy"]
    page.title = "Massage </script><script>alert(1)</script> & more"
    page.save_revision().publish()
    html = client.get("/treatments/massage-therapy/", HTTP_HOST="localhost").content.decode()
    script = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in script and "\\u003C/script\\u003E" in script
    nodes = jsonld_nodes(head(client.get("/treatments/massage-therapy/", HTTP_HOST="localhost")))
    assert nodes["MedicalWebPage"][0]["about"]["name"] == page.title


def test_brand_treatment_names_the_clinics_offering_it(client, library, clinics):
    from wagtail.models import PageViewRestriction

    from treatments.models import TreatmentIndexPage

    def offering():
        response = client.get("/treatments/dry-needling/", HTTP_HOST="localhost")
        therapy = jsonld_nodes(head(response))["MedicalWebPage"][0]["about"]["@id"]
        clinics_nodes = jsonld_nodes(head(response)).get("MedicalClinic", [])
        return {n["name"] for n in clinics_nodes if n["availableService"] == {"@id": therapy}}

    assert offering() == {clinics["northeast"].title, clinics["downtown"].title}
    index = TreatmentIndexPage.objects.child_of(clinics["downtown"]).get()
    PageViewRestriction.objects.create(page=index, restriction_type="login")
    assert offering() == {clinics["northeast"].title}
