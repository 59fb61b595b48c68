"""The search box's input, checked before anything reaches the search backend."""

from django import forms

from .queries import MAX_QUERY_LENGTH


class SearchForm(forms.Form):
    # Django's CharField already refuses NUL characters (PostgreSQL cannot store them).
    q = forms.CharField(
        label="Search this site",
        required=False,
        max_length=MAX_QUERY_LENGTH,
        strip=True,
        error_messages={
            "max_length": "Please use at most %(limit_value)d characters "
            "(this search has %(show_value)d).",
            "null_characters_not_allowed": "The search contains a character that cannot be "
            "searched for; please retype it.",
        },
    )
