"""Locally drawn landscape art (foothills under a sky) from a seed word: nothing is downloaded.

The same ridges come out as an inline SVG (clinic pages, the brand home) and as a
PNG (the demo treatments' hero images, share images), so every clinic and
treatment gets its own picture in the brand's palette. Pure arithmetic: no query.
"""

import hashlib
import io
import math
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join

# The brand palette (cms/static/css/site.css uses the same values).
BRAND_DEEP = (11, 79, 102)
BRAND_SKY = (220, 236, 241)
BRAND_SUN = (242, 185, 80)


@dataclass(frozen=True)
class Scene:
    width: int
    height: int
    sky: tuple
    ink: tuple
    layers: tuple  # ((colour, ((x, y), ...)), ...), back to front
    sun: tuple  # (cx, cy, r)


def _seed(word):
    return int.from_bytes(hashlib.sha256(word.encode()).digest()[:8], "big")


def _mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _ridge(width, height, base, amplitude, seed, peaks):
    """A closed polygon: a ridge line of summed sines, then down to the bottom corners."""
    phases = [((seed >> (i * 7)) % 628) / 100 for i in range(3)]
    points = []
    steps = 48
    for i in range(steps + 1):
        x = width * i / steps
        t = i / steps * math.pi * peaks
        y = base - amplitude * (
            0.55 * math.sin(t + phases[0])
            + 0.3 * math.sin(2.3 * t + phases[1])
            + 0.15 * math.sin(5.1 * t + phases[2])
        )
        points.append((round(x, 1), round(y, 1)))
    return (*points, (width, height), (0, height))


def scene(word, ink=BRAND_DEEP, sky=BRAND_SKY, width=1600, height=900):
    """Four ridges from pale (far) to the ink colour (near), seeded by `word`."""
    seed = _seed(word)
    layers = []
    for depth in range(4):
        colour = _mix(sky, ink, 0.25 + depth * 0.25)
        base = height * (0.48 + depth * 0.13)
        amplitude = height * (0.16 - depth * 0.025)
        peaks = 4.5 if depth == 0 else 1.6 + depth * 0.5  # far: the Rockies; near: foothills
        layers.append((colour, _ridge(width, height, base, amplitude, seed >> depth, peaks)))
    sun_x = width * (0.18 + (seed % 1000) / 1000 * 0.64)
    return Scene(
        width, height, sky, ink, tuple(layers), (round(sun_x), round(height * 0.27), height // 9)
    )


def _hex(colour):
    return "#{:02x}{:02x}{:02x}".format(*colour)


def svg(word, ink=BRAND_DEEP, sky=BRAND_SKY, width=1600, height=900, css_class="art"):
    """The scene as a decorative inline SVG (hidden from assistive technology)."""
    s = scene(word, ink, sky, width, height)
    cx, cy, r = s.sun
    polygons = format_html_join(
        "",
        '<polygon fill="{}" points="{}"/>',
        (
            (_hex(colour), " ".join(f"{x:g},{y:g}" for x, y in points))
            for colour, points in s.layers
        ),
    )
    return format_html(
        '<svg class="{}" viewBox="0 0 {} {}" preserveAspectRatio="xMidYMid slice" '
        'aria-hidden="true" focusable="false"><rect width="100%" height="100%" fill="{}"/>'
        '<circle cx="{}" cy="{}" r="{}" fill="{}"/>{}</svg>',
        css_class,
        width,
        height,
        _hex(s.sky),
        cx,
        cy,
        r,
        _hex(BRAND_SUN),
        polygons,
    )


def png(word, ink=BRAND_DEEP, sky=BRAND_SKY, width=1600, height=900):
    """The scene as PNG bytes (for Wagtail images: hero and share images)."""
    from PIL import Image, ImageDraw

    s = scene(word, ink, sky, width, height)
    canvas = Image.new("RGB", (width, height), s.sky)
    draw = ImageDraw.Draw(canvas)
    for y in range(0, height, 3):  # a gentle sky gradient towards the horizon
        draw.rectangle([0, y, width, y + 3], fill=_mix(s.sky, (255, 255, 255), 0.6 * y / height))
    cx, cy, r = s.sun
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=BRAND_SUN)
    for colour, points in s.layers:
        draw.polygon(points, fill=colour)
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
