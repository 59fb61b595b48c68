"""`manage.py openapi_document`: the served document, without a server, in a stable form.

The TypeScript client (clients/typescript) is generated from this output, so it must be the
document the API serves and must not change between two runs.
"""

import json

from django.core.management import call_command


def test_writes_the_served_document(client, db, tmp_path):
    served = client.get("/api/v2/openapi.json").json()
    target = tmp_path / "openapi.json"
    call_command("openapi_document", output=str(target))
    text = target.read_text(encoding="utf-8")
    assert json.loads(text) == served
    # Sorted keys and indentation, so the generated client's diffs stay small.
    assert text == json.dumps(served, indent=2, sort_keys=True) + "\n"


def test_stdout_is_the_same_text(tmp_path, capsys):
    target = tmp_path / "openapi.json"
    call_command("openapi_document", output=str(target))
    capsys.readouterr()
    call_command("openapi_document")
    assert capsys.readouterr().out == target.read_text(encoding="utf-8")
