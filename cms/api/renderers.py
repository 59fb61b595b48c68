"""DRF's JSON, byte for byte, encoded by orjson.

Encoding the response was 28 % of a cold API listing (bench/README.md, the
profile); orjson does it several times faster. The output is DRF's
`JSONRenderer`'s (compact separators, UTF-8, U+2028 and U+2029 escaped, dates
and decimals through DRF's own encoder), except that a float under 1e-4 is
written `1e-7` rather than `1e-07` (both JSON), and NaN is `null` where DRF
fails the response. Anything orjson cannot take as DRF would (an indent asked
for in the Accept header, a key that is not a string, an integer past 64 bits)
is left to DRF's renderer.
"""

import orjson
from rest_framework.renderers import JSONRenderer
from rest_framework.utils.encoders import JSONEncoder

# Dates and dataclasses go through DRF's encoder, as with DRF's renderer.
_OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS
_drf_default = JSONEncoder().default


class FastJSONRenderer(JSONRenderer):
    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        drf_defaults = self.compact and not self.ensure_ascii  # what orjson writes
        if not drf_defaults or self.get_indent(accepted_media_type, renderer_context or {}):
            return super().render(data, accepted_media_type, renderer_context)
        try:
            body = orjson.dumps(data, default=_drf_default, option=_OPTIONS)
        except TypeError:  # orjson.JSONEncodeError is one: a key or number orjson refuses
            return super().render(data, accepted_media_type, renderer_context)
        return body.replace(b"\xe2\x80\xa8", b"\\u2028").replace(b"\xe2\x80\xa9", b"\\u2029")
