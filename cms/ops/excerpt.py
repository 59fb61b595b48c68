"""Quote user input in an error message by its start only.

Naming the problem needs the first few characters of what was sent; echoing
all of it reflects attacker-chosen text at any length into the answer, the
log line and any cache in front. `excerpt()` is for messages we write;
`shorten_echoes()` is the catch-all for messages composed elsewhere (Wagtail's
API, Django's validators), which quote the input whole or in pieces.
"""

import re

PREFIX = 40  # characters of any one piece of input a message may quote
MESSAGE_LIMIT = 300  # characters of a whole error message, whatever it quotes

# Wagtail and Django quote pieces of a parameter: `fields=a,b(c)`, `order=-x`, `type=a.b`.
_SEPARATORS = re.compile(r"""[\s,()\[\].:/=+\-'"\\]+""")


def excerpt(value, limit=PREFIX):
    """`value` as text, cut to `limit` characters with an ellipsis when longer."""
    text = str(value)
    return text if len(text) <= limit else f"{text[:limit]}…"


def _pieces(request):
    for key, values in request.GET.lists():
        for text in (key, *values):
            yield text
            yield from _SEPARATORS.split(text)
    yield request.path
    yield from _SEPARATORS.split(request.path)


def shorten_echoes(message, request):
    """`message` with every long piece of the request's input cut to an excerpt."""
    long_pieces = {piece for piece in _pieces(request) if len(piece) > PREFIX}
    for piece in sorted(long_pieces, key=len, reverse=True):
        message = message.replace(piece, excerpt(piece))
    return excerpt(message, MESSAGE_LIMIT)
