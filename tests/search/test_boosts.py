"""Title and tags outrank body text (PostgreSQL weights fields; SQLite's FTS5 cannot)."""

import pytest
from django.db import connection

from treatments.models import TreatmentIndexPage
from treatments.tags import TreatmentTag

from .conftest import HOSTS, add_treatment, result_titles, search_html, section

FILLER = "Gentle guided movement, breathing and rest for stiff joints."


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite's FTS5 backend ranks with bm25 over the whole entry: fields carry no weight",
)
def test_a_title_or_tag_match_ranks_above_a_body_match(client, indexed):
    library = TreatmentIndexPage.objects.get(url_path="/home/treatments/")
    add_treatment(
        library, "Stretch one", FILLER, body=[section("About", f"{FILLER} A pelican pose.")]
    )
    add_treatment(library, "Pelican routine", FILLER, body=[section("About", FILLER * 2)])
    tagged = add_treatment(library, "Mobility routine", FILLER, body=[section("About", FILLER * 2)])
    tagged.tags.add(TreatmentTag.objects.create(name="Pelican"))
    tagged.save_revision().publish()

    titles = result_titles(search_html(client, HOSTS["brand"], "pelican"))
    assert set(titles[:2]) == {"Pelican routine", "Mobility routine"}, titles
    assert titles[2] == "Stretch one", titles
