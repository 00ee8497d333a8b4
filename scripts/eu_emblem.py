"""Draws theme/static/img/eu-emblem.svg, the EU emblem, from its official geometry.

The geometry (Commission Implementing Regulation (EU) No 821/2014, Annex II; the same text in the
EU's Interinstitutional Style Guide and in "The use of the EU emblem in the context of EU
programmes", 2012): a blue rectangular flag, the fly 1.5 times the hoist; twelve gold stars at
equal intervals on an invisible circle centred where the diagonals cross, its radius one third of
the hoist; each star five-pointed, its points on an invisible circle of radius 1/18 of the hoist;
all stars upright (one point straight up, two on a line at right angles to the flagstaff), in the
position of the hours on a clock face. Colours: Reflex Blue (web #003399) and yellow (#FFCC00).

    uv run python scripts/eu_emblem.py        # rewrites the file (tests/test_funding.py checks it)
"""

from __future__ import annotations

import math
from pathlib import Path

HOIST = 540  # height in SVG units: every length below is a whole fraction of it
FLY = HOIST * 3 // 2
BLUE, YELLOW = "#003399", "#FFCC00"
OUT = Path(__file__).resolve().parent.parent / "theme" / "static" / "img" / "eu-emblem.svg"


def star(cx: float, cy: float, r: float) -> str:
    """A regular five-pointed star (pentagram outline), one point straight up."""
    inner = r * math.cos(math.radians(72)) / math.cos(math.radians(36))
    points = []
    for i in range(10):
        radius = r if i % 2 == 0 else inner
        angle = math.radians(-90 + 36 * i)
        points.append(f"{cx + radius * math.cos(angle):.3f},{cy + radius * math.sin(angle):.3f}")
    return " ".join(points)


def svg() -> str:
    cx, cy, ring, r = FLY / 2, HOIST / 2, HOIST / 3, HOIST / 18
    stars = []
    for hour in range(12):  # the positions of the hours on a clock face
        a = math.radians(hour * 30)
        stars.append(f'  <polygon points="{star(cx + ring * math.sin(a), cy - ring * math.cos(a), r)}"/>')
    return "\n".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {FLY} {HOIST}" width="{FLY}" height="{HOIST}">',
        "<title>European Union</title>",
        f'<rect width="{FLY}" height="{HOIST}" fill="{BLUE}"/>',
        f'<g fill="{YELLOW}">',
        *stars,
        "</g>",
        "</svg>",
        "",
    ])


if __name__ == "__main__":
    OUT.write_text(svg(), encoding="utf-8")
    print(f"wrote {OUT}")
