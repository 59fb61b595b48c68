"""No import circles in application code, lazy imports included.

A circle means two modules cannot be understood (or tested, or replaced) one
without the other; a lazy import inside a function that dodges one at load time
is still one here (tests/architecture/imports.py reads every import statement).
"""

from .imports import _imported_names, circles, import_graph


def test_application_code_has_no_import_circles():
    found = circles(import_graph())
    assert found == [], "import circles: " + "; ".join(" <-> ".join(c) for c in found)


def test_the_graph_sees_lazy_and_relative_imports(tmp_path):
    """The reader counts an import inside a function (the kind that dodges a circle)."""
    path = tmp_path / "example.py"
    path.write_text("def later():\n    from .models import Page\n    import cms.visibility\n")
    names = set(_imported_names("treatments.example", path))
    assert {"treatments.models", "treatments.models.Page", "cms.visibility"} <= names
