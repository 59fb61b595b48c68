"""{% landscape "word" %}: the locally drawn scene of home/art.py as an inline SVG."""

from django import template

from home import art

register = template.Library()


@register.simple_tag
def landscape(word, css_class="art"):
    return art.svg(str(word), css_class=css_class)
