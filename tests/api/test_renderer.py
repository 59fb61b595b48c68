"""The API's JSON is DRF's JSON, byte for byte, only encoded faster (cms/api/renderers.py)."""

import datetime
import decimal
import uuid
from collections import OrderedDict

from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy
from rest_framework.renderers import JSONRenderer
from rest_framework.utils.serializer_helpers import ReturnDict, ReturnList

from cms.api.renderers import FastJSONRenderer

EDMONTON = datetime.timezone(datetime.timedelta(hours=-7))

SAMPLES = {
    "text": "Dry needling — Bowview Northeast, 16 % « bleeding » 日本",
    "separators": "line\u2028paragraph\u2029end",
    "html": mark_safe('<a href="/treatments/">Treatments</a> & more'),
    "lazy": gettext_lazy("Treatments"),
    "numbers": [0, -3, 2**53, 0.1, 51.0447, -114.0719, 7.7, 100.0, 1e16, -0.0],
    "decimal": decimal.Decimal("16.50"),
    "dates": [
        datetime.date(2026, 12, 4),
        datetime.datetime(2026, 12, 4, 10, 30, tzinfo=datetime.UTC),
        datetime.datetime(2026, 12, 4, 10, 30, 15, 123456, tzinfo=EDMONTON),
        datetime.datetime(2026, 12, 4, 10, 30),
        datetime.time(9, 0),
        datetime.timedelta(minutes=45),
    ],
    "uuid": uuid.UUID("12345678-1234-5678-1234-567812345678"),
    "nested": OrderedDict([("b", [True, False, None]), ("a", {"x": (1, 2)})]),
    "generator": (n * n for n in range(3)),
    "drf": ReturnDict({"items": ReturnList([{"id": 1}], serializer=None)}, serializer=None),
    "empty": [{}, [], ""],
}


def both(data, **kwargs):
    fast = FastJSONRenderer().render(data, **kwargs)
    data = {**data, "generator": (n * n for n in range(3))} if "generator" in data else data
    return fast, JSONRenderer().render(data, **kwargs)


def test_every_kind_of_value_renders_as_drf_renders_it():
    fast, drf = both(SAMPLES)
    assert fast == drf
    assert b"\\u2028" in fast and "\u2028".encode() not in fast  # a strict JavaScript subset


def test_an_indent_asked_for_is_drf_pretty_print():
    fast, drf = both({"a": [1, 2]}, accepted_media_type="application/json; indent=2")
    assert fast == drf == b'{\n  "a": [\n    1,\n    2\n  ]\n}'


def test_what_orjson_refuses_is_left_to_drf():
    for data in ({1: "int key"}, {"huge": 2**70}):
        fast, drf = both(data)
        assert fast == drf


def test_nothing_renders_as_nothing():
    assert FastJSONRenderer().render(None) == b""
