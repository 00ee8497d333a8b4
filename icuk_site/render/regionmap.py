"""The home page's schematic map: where the Usti Region lies between Prague and Dresden.

Drawn at build time from public coordinates (WGS 84, rounded to 0.01°, from the towns' entries
in Wikipedia/OpenStreetMap): an equirectangular projection around the region's middle latitude,
dots and names for the towns, a schematic Elbe through the towns it passes, and straight lines
from Ústí nad Labem to the two capitals with their great-circle distances (rounded to 10 km).
No map data is drawn (no borders, no relief): it is a diagram, and says so in its text
alternative. The component `components/region-map.html` draws what `region_map` returns.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from . import typography
from .words import Words, _

# id, English name, Czech name, latitude N, longitude E, kind, label side ("start" = right of the dot)
PLACES = (
    ("usti", "Ústí nad Labem", "Ústí nad Labem", 50.66, 14.03, "home", "start"),
    ("praha", "Prague", "Praha", 50.09, 14.42, "capital", "start"),
    ("dresden", "Dresden", "Drážďany", 51.05, 13.74, "capital", "start"),
    ("decin", "Děčín", "Děčín", 50.77, 14.20, "town", "start"),
    ("teplice", "Teplice", "Teplice", 50.64, 13.82, "town", "end"),
    ("most", "Most", "Most", 50.50, 13.64, "town", "start"),
    ("chomutov", "Chomutov", "Chomutov", 50.46, 13.42, "town", "end"),
    ("litomerice", "Litoměřice", "Litoměřice", 50.53, 14.13, "town", "start"),
    ("louny", "Louny", "Louny", 50.36, 13.80, "town", "start"),
    ("zatec", "Žatec", "Žatec", 50.33, 13.55, "town", "end"),
)
# The Elbe (Labe), schematically: Mělník, Litoměřice, Ústí, Děčín, the border at Hřensko, Pirna, Dresden.
ELBE = ((50.35, 14.47), (50.53, 14.13), (50.66, 14.03), (50.77, 14.20), (50.88, 14.23), (50.96, 13.94), (51.05, 13.74))
WEST, EAST, SOUTH, NORTH = 13.00, 14.75, 50.00, 51.12
SCALE = 400  # SVG units per degree of latitude
MID_LAT = (SOUTH + NORTH) / 2


@dataclass(frozen=True)
class Place:
    id: str
    label: str
    kind: str  # home (Ústí), capital (Prague, Dresden) or town
    x: float
    y: float
    anchor: str  # text-anchor of the label
    lx: float  # the label's position
    ly: float


@dataclass(frozen=True)
class Link:
    x1: float
    y1: float
    x2: float
    y2: float
    label: str  # "≈ 70 km"
    lx: float
    ly: float


@dataclass(frozen=True)
class RegionMap:
    width: int
    height: int
    places: tuple[Place, ...]
    links: tuple[Link, ...]
    river: str  # the Elbe's path data
    river_label: str
    river_x: float
    river_y: float
    title: str
    desc: str
    caption: object  # Markup: the caption under the map


def project(lat: float, lon: float) -> tuple[float, float]:
    """SVG coordinates of a point (x east, y south), one decimal."""
    x = (lon - WEST) * math.cos(math.radians(MID_LAT)) * SCALE
    y = (NORTH - lat) * SCALE
    return round(x, 1), round(y, 1)


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points (haversine, mean Earth radius)."""
    (lat1, lon1), (lat2, lon2) = (tuple(map(math.radians, p)) for p in (a, b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def region_map(lang: str, words: Words) -> RegionMap:
    names = {pid: (en if lang == "en" else cs) for pid, en, cs, *_ in PLACES}
    coords = {pid: (lat, lon) for pid, _en, _cs, lat, lon, *_ in PLACES}
    places = []
    for pid, _en, _cs, lat, lon, kind, side in PLACES:
        x, y = project(lat, lon)
        gap = 12 if kind != "town" else 8
        lx = x + gap if side == "start" else x - gap
        places.append(Place(pid, names[pid], kind, x, y, "start" if side == "start" else "end", round(lx, 1), round(y + 5, 1)))
    home = project(*coords["usti"])
    links, km = [], {}
    for pid in ("praha", "dresden"):
        far = project(*coords[pid])
        km[pid] = int(round(distance_km(coords["usti"], coords[pid]), -1))
        mx, my = (home[0] + far[0]) / 2, (home[1] + far[1]) / 2
        links.append(Link(home[0], home[1], far[0], far[1], f"≈ {km[pid]} km", round(mx + 10, 1), round(my, 1)))
    river = "M" + " L".join(f"{x} {y}" for x, y in (project(*p) for p in ELBE))
    rx, ry = project(50.90, 14.27)
    width, height = (math.ceil(v) for v in project(SOUTH, EAST))
    towns = ", ".join(names[p[0]] for p in PLACES if p[5] == "town")
    desc = words.get(lang, _("A schematic map: Ústí nad Labem lies on the Elbe between Prague, about "
                             "%(prague)s km away in a straight line, and Dresden, about %(dresden)s km away. "
                             "Other towns of the region on the map: %(towns)s."),
                     prague=km["praha"], dresden=km["dresden"], towns=towns)
    caption = words.get(lang, _("Ústí nad Labem: about %(prague)s km from Prague and %(dresden)s km from Dresden "
                                "in a straight line."), prague=km["praha"], dresden=km["dresden"])
    return RegionMap(width, height, tuple(places), tuple(links), river, str(words.get(lang, _("Elbe"))), rx, ry,
                     str(words.get(lang, _("The Usti Region between Prague and Dresden"))), str(desc),
                     typography.text(str(caption), lang))
