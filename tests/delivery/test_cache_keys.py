"""One module builds the response cache's key strings, and cms/delivery knows no page type:
each type declares its keys (cms/delivery/declarations.py), and an API object whose keys
nothing declares is an error, not a response cached under a guess."""

import ast
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from cms.delivery import keys
from cms.delivery.api_dependencies import UnknownCacheDependencies, api_dependencies

ROOT = Path(__file__).resolve().parents[2]
APPLICATION = ["cms", "home", "treatments", "search"]
DOMAIN = ("home", "treatments")


def _python_files(*folders):
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def test_keys_are_spelled_as_the_caches_and_the_docs_know_them():
    assert keys.page_key(12) == "page:12"
    assert keys.children_key(3) == "children:3"
    assert keys.clinic_key(4) == "clinic:4"
    assert keys.offering_key(9) == "offering:9"
    assert keys.tag_key(5) == "tag:5"
    assert keys.tagged_key(5) == "tagged:5"
    assert keys.image_key(7) == "image:7"
    assert keys.document_key(8) == "document:8"
    assert keys.site_key(2) == "site:2"
    assert keys.page_keys([1, 2]) == {"page:1", "page:2"}
    assert (keys.SITES, keys.CLINICS, keys.TAGS, keys.IMAGES, keys.DOCUMENTS) == (
        "sites",
        "clinics",
        "tags",
        "images",
        "documents",
    )


def test_no_key_string_is_built_outside_keys_py():
    kinds = "page|children|clinic|offering|tag|tagged|image|document|site"
    hand_built = re.compile(rf"""f["']({kinds}):\{{""")
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in _python_files(*APPLICATION)
        if path.name != "keys.py"
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if hand_built.search(line)
    ]
    assert found == []


def test_delivery_imports_no_domain_module_not_even_lazily():
    found = []
    for path in _python_files("cms/delivery"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module]
            else:
                continue
            found += [
                f"{path.relative_to(ROOT)}: {name}"
                for name in names
                if name.split(".")[0] in DOMAIN
            ]
    assert found == []


def test_an_api_object_of_an_undeclared_type_is_an_error():
    view = SimpleNamespace(site=None, action="detail_view", name="pages", request=None)
    with pytest.raises(UnknownCacheDependencies, match="SimpleNamespace"):
        api_dependencies(view, [SimpleNamespace(pk=1)])


@pytest.mark.django_db
def test_a_tag_in_the_api_declares_the_tag_list():
    from treatments.tags import TreatmentTag

    tag = TreatmentTag.objects.create(name="Back pain", slug="back-pain")
    view = SimpleNamespace(site=None, action="detail_view", name="tags", request=None)
    assert api_dependencies(view, [tag]) == {"tags"}
