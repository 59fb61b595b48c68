"""What a result shows: its summary and an excerpt of its text, query words marked.

Excerpts of results, not Wagtail snippets. The excerpt comes from the same
fields the index holds (the page's own `search_fields`, StreamField text
through `get_searchable_content`), so the words that made a page match are
the words shown. Everything is escaped; only the <mark> elements added here
are markup. The HTML keeps its `snippet` class: stylesheets select it.
"""

import re
from collections import defaultdict

from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.search import index

from cms.api.prefetch import prefetch_streams

EXCERPT_LENGTH = 240
EXCERPT_LEAD = 80
# Fields shown on their own (the heading and the summary line), not in the excerpt.
_SHOWN_APART = {"title", "summary", "search_description"}
_SUFFIXES = ("ing", "es", "ed", "s", "e")


def _stem(term):
    """A crude English stem, so "needle" marks "needling" as the backends match it."""
    term = term.lower()
    for suffix in _SUFFIXES:
        if term.endswith(suffix) and len(term) - len(suffix) >= 3:
            return term[: -len(suffix)]
    return term


def term_pattern(terms):
    """A regex matching words that start with any term's stem, or None for no terms."""
    stems = sorted({_stem(term) for term in terms if term}, key=len, reverse=True)
    if not stems:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(s) for s in stems) + r")\w*", re.IGNORECASE)


def highlight(text, pattern):
    """`text` escaped, with each match of `pattern` wrapped in <mark>."""
    if not text:
        return ""
    if pattern is None:
        return escape(text)
    pieces, position = [], 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # every piece escaped above  # nosec B308 B703


def searchable_text(page):
    """The page's indexed body text (not title, summary or related fields), as one string."""
    parts = []
    for field in page.get_search_fields():
        if type(field) is not index.SearchField or field.field_name in _SHOWN_APART:
            continue
        value = field.get_value(page)  # StreamField and rich text: their searchable content
        if isinstance(value, (list, tuple)):
            parts.extend(str(item) for item in value if item)
        elif value:
            parts.append(str(value))
    return " ".join(_as_sentence(part) for part in parts if part.strip())


def _as_sentence(text):
    """Block texts are separate strings (a benefit's title, then its description): end
    each like a sentence so an excerpt reads "Relieves pain. Backache, …", not a run-on."""
    text = text.strip()
    return text if text[-1] in ".!?:;,…" else f"{text}."


def excerpt(text, pattern):
    """About EXCERPT_LENGTH characters of `text` around the first match, marked; "" if none."""
    match = pattern.search(text) if pattern is not None else None
    if match is None:
        return ""
    start = max(0, match.start() - EXCERPT_LEAD)
    if start:
        space = text.find(" ", start, match.start())
        start = space + 1 if space != -1 else start
    end = min(len(text), start + EXCERPT_LENGTH)
    if end < len(text):
        space = text.rfind(" ", match.end(), end)
        end = space if space != -1 else end
    fragment = highlight(text[start:end], pattern)
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(f"{prefix}{fragment}{suffix}")  # fragment escaped  # nosec B308 B703


def summary_of(page):
    """The one-line summary a result shows: a treatment's summary, else the SEO description."""
    return getattr(page, "summary", "") or page.search_description or ""


def prefetch_search_text(pages):
    """Load the StreamField blocks of all `pages` in one query per block type, not per page."""
    by_class = defaultdict(list)
    for page in pages:
        by_class[type(page)].append(page)
    for model, group in by_class.items():
        names = [f.field_name for f in model.get_search_fields() if type(f) is index.SearchField]
        prefetch_streams(group, names)
