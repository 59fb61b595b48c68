"""The clinic locator's static map: clinic positions projected onto a small SVG, no map tiles.

The clinics' own coordinates, scaled to fit the drawing (equirectangular, with
longitude shortened by cos(latitude) so distances look right at Calgary's
latitude). Pure arithmetic on the clinics already loaded: no query.
"""

import math
from dataclasses import dataclass

WIDTH, HEIGHT, PAD = 640, 420, 56


@dataclass(frozen=True)
class Pin:
    number: int
    clinic: object
    x: float
    y: float
    label: str

    @property
    def label_x(self):
        """Labels sit right of the pin, or left of it near the right edge."""
        return self.x + 16 if self.x < WIDTH * 0.62 else self.x - 16

    @property
    def label_anchor(self):
        return "start" if self.x < WIDTH * 0.62 else "end"


def short_names(titles):
    """Titles without the words they all start with ("Group Northeast" -> "Northeast")."""
    words = [title.split() for title in titles]
    common = 0
    if len(words) > 1:
        while all(len(w) > common + 1 and w[common] == words[0][common] for w in words):
            common += 1
    return [" ".join(w[common:]) for w in words]


def pins(clinics, width=WIDTH, height=HEIGHT, pad=PAD):
    clinics = list(clinics)
    if not clinics:
        return []
    labels = short_names([clinic.title for clinic in clinics])
    lats = [float(c.latitude) for c in clinics]
    mean_lat = math.radians(sum(lats) / len(lats))
    xs = [float(c.longitude) * math.cos(mean_lat) for c in clinics]
    ys = [-lat for lat in lats]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    scale = min(width - 2 * pad, height - 2 * pad) / span
    mid_x, mid_y = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return [
        Pin(
            number=i,
            clinic=clinic,
            x=round(width / 2 + (x - mid_x) * scale, 1),
            y=round(height / 2 + (y - mid_y) * scale, 1),
            label=label,
        )
        for i, (clinic, x, y, label) in enumerate(zip(clinics, xs, ys, labels, strict=True), 1)
    ]
