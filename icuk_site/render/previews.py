"""Link previews: the Open Graph and X (Twitter) card of a page, and its picture drawn with Pillow.

The head partial calls the Jinja global `preview_card(view)` for every page. In a publish build
(SITEURL set) it returns a `Card`: the page's absolute address and its preview picture,

    previews/<the page's path without .html>.<key>.png     e.g. previews/projects/hydrogen.3f9c0a1b2d.png
                                                           (a folder's page: previews/projects/index.<key>.png)

1200 × 630 PNG: the site's design (colours of theme/static/css/site.css, the logo mark of
theme/static/img/favicon.svg), the organisation's name, the page's section and its title, in the
page's language, set in DejaVu Sans (Debian's fonts-dejavu-core; nothing is downloaded). It works
from the view alone (title, language, breadcrumb trail), so any kind of page gets one.

<key> is a hash of everything drawn (texts, language) and of the design (DESIGN_VERSION, the
font files, Pillow's version): a changed title is a new file name (link previews are cached by
address on the other side) and an unchanged page is not drawn again — its PNG is kept in
`<CACHE_PATH>/previews/<key>.png` and only copied (hard-linked where possible) into the output.
The files carry no metadata or dates: the same texts give the same bytes. They are 64-colour
PNGs (about 18 KB; flat colours and anti-aliased text need no more).

A development build (SITEURL empty) has no absolute address to give: `preview_card` returns
None, the page has no og:url, og:image or X card (og:title, og:description, og:type and
og:locale stay), and nothing is drawn.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

DESIGN_VERSION = "2"  # change with anything drawn below: new keys, every picture drawn again
WIDTH, HEIGHT = 1200, 630
FONTS = Path("/usr/share/fonts/truetype/dejavu")
BOLD, REGULAR = FONTS / "DejaVuSans-Bold.ttf", FONTS / "DejaVuSans.ttf"
# theme/static/css/site.css (light scheme): --c-hero, --c-hero-2 (= --c-brand), --c-accent-bright,
# --c-on-dark, .eyebrow--on-dark; the mark as in favicon.svg.
HERO, BRAND, EMBER, WHITE, EYEBROW, SOFT = "#0d2b33", "#0b5f5b", "#ff7a45", "#ffffff", "#ffd0b8", "#c9dcdc"
MARGIN = 80
TITLE_SIZES = range(68, 42, -4)  # the largest size whose lines fit TITLE_LINES and the height
TITLE_LINES = 4
TITLE_TOP, TITLE_BOTTOM = 290, 590  # the title's lines stay above the ember bar (HEIGHT - 16)
ORG_NAME = "Innovation Centre of the Usti Region"  # a theme string (messages.po)
# Czech: a one-letter preposition or conjunction stays with the next word (as typography.py does in pages).
CS_GLUE = re.compile(r"(?<!\S)([KkSsVvZzOoUuAaIi]) ")


@dataclass(frozen=True)
class Card:
    """What the head partial prints: absolute `url` of the page and `image` of its picture."""

    url: str
    image: str
    alt: str
    width: int = WIDTH
    height: int = HEIGHT
    type: str = "image/png"


def plain(text) -> str:
    """Texts of views may be Markup (theme strings): the characters a reader sees."""
    return text.unescape() if isinstance(text, Markup) else str(text)


def image_path(url: str, key: str) -> str:
    """previews/<url without .html>.<key>.png; a folder's page (…/ or "") is its index."""
    stem = url[:-5] if url.endswith(".html") else f"{url}index"
    return f"previews/{stem}.{key}.png"


def wrap(text: str, font, width: int, lang: str) -> list[str]:
    """Lines of `text` no wider than `width` in `font`, broken between words (a word too long
    for a line is broken where it must); in Czech never after a one-letter word."""
    if lang == "cs":
        text = CS_GLUE.sub("\\1\u00a0", text)
    lines: list[str] = []
    line = ""
    for word in (w for w in text.split(" ") if w):  # not split(): it breaks at no-break spaces too
        candidate = f"{line} {word}" if line else word
        if font.getlength(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        while font.getlength(word) > width:  # break a very long word
            cut = max(1, next(i for i in range(len(word), 0, -1) if font.getlength(word[:i]) <= width))
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line:
        lines.append(line)
    return [ln.replace("\u00a0", " ") for ln in lines]


class Previews:
    """The link previews of one build; `card(view)` is the Jinja global `preview_card`."""

    def __init__(self, siteurl: str, output_dir: str | Path, cache_dir: str | Path, words=None, short: str = "ICUK"):
        self.siteurl = siteurl
        self.short = short  # the organisation's short name (SITE_ORG.short), drawn beside the mark
        self.output = Path(output_dir)
        self.cache = Path(cache_dir) / "previews"
        self.words = words  # the catalog's theme strings (views.Catalog.words), for the organisation's name
        self._design: str | None = None
        self._fonts: dict = {}
        self.drawn = 0  # pictures this build had to draw (the rest came from the cache)

    def texts(self, view) -> tuple[str, str, str]:
        """(organisation, section, title) as drawn: the section is the first step of the page's
        trail below the home page; none for a page at the top (the home page, About, the projects
        index: the organisation's name is on every picture)."""
        org = plain(self.words.get(view.lang, ORG_NAME)) if self.words else ORG_NAME
        crumbs = view.breadcrumbs
        section = plain(crumbs[1].label) if len(crumbs) > 2 else ""
        return org, section, plain(view.title)

    def design(self) -> str:
        if self._design is None:
            import PIL

            fonts = hashlib.sha256(BOLD.read_bytes() + REGULAR.read_bytes()).hexdigest()
            self._design = f"{DESIGN_VERSION};{fonts};Pillow {PIL.__version__};{WIDTH}x{HEIGHT}"
        return self._design

    def card(self, view) -> Card | None:
        if not self.siteurl:
            return None
        org, section, title = self.texts(view)
        drawn = [self.design(), view.lang, self.short, org, section, title]  # everything the picture shows
        key = hashlib.sha256(json.dumps(drawn).encode()).hexdigest()[:10]
        cached = self.cache / f"{key}.png"
        if not cached.exists():
            self.cache.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_name(f".{key}.{os.getpid()}.tmp")
            self.draw(org, section, title, view.lang).save(tmp, "PNG", optimize=False, compress_level=6)
            os.replace(tmp, cached)  # a build stopped half-way leaves no half a file in the cache
            self.drawn += 1
        rel = image_path(view.url, key)
        target = self.output / rel
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(cached, target)
            except OSError:  # another file system
                shutil.copyfile(cached, target)
        alt = f"{section}: {title} – {org}" if section else f"{title} – {org}"
        return Card(url=f"{self.siteurl}/{view.url}", image=f"{self.siteurl}/{rel}", alt=alt)

    def font(self, path: Path, size: int):
        from PIL import ImageFont

        if (path, size) not in self._fonts:
            self._fonts[(path, size)] = ImageFont.truetype(str(path), size)
        return self._fonts[(path, size)]

    def draw(self, org: str, section: str, title: str, lang: str):
        """The picture: a dark band of the hero's colours, the mark and name, section and title."""
        from PIL import Image, ImageDraw

        im = Image.new("RGB", (WIDTH, HEIGHT), HERO)
        d = ImageDraw.Draw(im)
        d.polygon([(WIDTH - 330, 0), (WIDTH, 0), (WIDTH, HEIGHT), (WIDTH - 560, HEIGHT)], fill=BRAND)
        d.rectangle([0, HEIGHT - 16, WIDTH, HEIGHT], fill=EMBER)
        # the logo mark (favicon.svg, 40 units): rounded square, a white peak, an ember dot
        s, x0, y0 = 2.2, MARGIN, 64
        d.rounded_rectangle([x0, y0, x0 + 40 * s, y0 + 40 * s], radius=10 * s, fill=BRAND, outline=WHITE, width=2)
        d.line([(x0 + 11 * s, y0 + 27 * s), (x0 + 20 * s, y0 + 11 * s), (x0 + 29 * s, y0 + 27 * s)],
               fill=WHITE, width=round(4 * s), joint="curve")
        for cx, cy in ((11, 27), (29, 27), (20, 11)):  # round caps and joint
            r = 2 * s
            d.ellipse([x0 + cx * s - r, y0 + cy * s - r, x0 + cx * s + r, y0 + cy * s + r], fill=WHITE)
        r = 3 * s
        d.ellipse([x0 + 20 * s - r, y0 + 28 * s - r, x0 + 20 * s + r, y0 + 28 * s + r], fill=EMBER)
        text_x = x0 + 40 * s + 28
        d.text((text_x, y0 + 4), self.short, font=self.font(BOLD, 40), fill=WHITE)
        d.text((text_x, y0 + 54), org, font=self.font(REGULAR, 26), fill=SOFT)
        # the section, then the title at the largest size that fits
        width = WIDTH - 2 * MARGIN - 120
        if section:
            d.text((MARGIN, 236), section.upper(), font=self.font(BOLD, 28), fill=EYEBROW)
        for size in TITLE_SIZES:
            font = self.font(BOLD, size)
            lines = wrap(title, font, width, lang)
            if len(lines) <= TITLE_LINES and len(lines) * round(size * 1.18) <= TITLE_BOTTOM - TITLE_TOP:
                break
        if len(lines) > TITLE_LINES:  # still too long at the smallest size: end with an ellipsis
            lines = lines[:TITLE_LINES]
            while lines[-1] and font.getlength(lines[-1] + " …") > width:
                lines[-1] = lines[-1][:-1]
            lines[-1] = lines[-1].rstrip() + " …"
        y = TITLE_TOP
        for line in lines:
            d.text((MARGIN, y), line, font=font, fill=WHITE)
            y += round(size * 1.18)
        # 64 colours are plenty for flat colours and anti-aliased text: a third of the bytes
        return im.quantize(64, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
