"""Link previews (render/previews.py): every page of a publish build has absolute Open Graph tags
and an X card whose picture exists, 1200 × 630; pictures are cached (an unchanged page is not
drawn again, a changed title is) and carry no metadata; Czech titles wrap and keep their
diacritics. A development build has none of the tags that need an absolute address."""

from __future__ import annotations

import shutil
import struct
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from conftest import ROOT, build_copy
from icuk_site.render.pageviews import Crumb, PageView
from icuk_site.render.previews import BOLD, HEIGHT, WIDTH, Previews, image_path, wrap

SITEURL = "https://example.org/usti"
LOCALES = {"en": "en_GB", "cs": "cs_CZ"}


def meta(soup, key: str) -> str | None:
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def png_chunks(path: Path) -> list[str]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, i = [], 8
    while i < len(data):
        length, kind = struct.unpack(">I4s", data[i:i + 8])
        chunks.append(kind.decode())
        i += 12 + length
    return chunks


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    project = tmp_path_factory.mktemp("previews")
    for name in ("content", "theme"):
        shutil.copytree(ROOT / name, project / name)
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, project / name)
    result = build_copy(project, SITEURL=SITEURL)
    assert result.ok, result.problems
    return project / "output"


def test_every_page_of_a_publish_build_has_a_link_preview(published):
    pages = sorted(published.rglob("*.html"))
    assert len(pages) > 50
    images = set()
    for page in pages:
        rel = page.relative_to(published).as_posix()
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        lang = soup.html["lang"]
        where = f"{rel}: "
        canonical = soup.find("link", rel="canonical")["href"]
        assert meta(soup, "og:url") == canonical and canonical.startswith(SITEURL + "/"), where + canonical
        assert meta(soup, "og:title") and meta(soup, "og:description"), where
        assert meta(soup, "og:locale") == LOCALES[lang], where
        assert meta(soup, "og:type") in ("website", "article"), where
        assert meta(soup, "twitter:card") == "summary_large_image", where
        image = meta(soup, "og:image")
        assert image and image.startswith(SITEURL + "/previews/") and image.endswith(".png"), where + str(image)
        assert (meta(soup, "og:image:width"), meta(soup, "og:image:height")) == (str(WIDTH), str(HEIGHT)), where
        alt = meta(soup, "og:image:alt")
        assert alt and meta(soup, "twitter:image:alt") == alt and soup.title.string.split(" – ")[0] in alt, where
        file = published / image.removeprefix(SITEURL + "/")
        assert file.is_file(), where + image
        with Image.open(file) as im:
            assert im.size == (WIDTH, HEIGHT) and im.format == "PNG", where
        assert set(png_chunks(file)) <= {"IHDR", "PLTE", "IDAT", "IEND"}, where  # no time, no text
        images.add(image)
    assert len(images) == len(pages)  # one per page and language
    assert {p.relative_to(published).as_posix() for p in (published / "previews").rglob("*.png")} == {
        i.removeprefix(SITEURL + "/") for i in images}  # and no other


def test_a_development_build_has_no_absolute_preview_tags(site):
    soup = site.html("index.html")
    assert meta(soup, "og:title") and meta(soup, "og:locale") == "en_GB"
    for key in ("og:url", "og:image", "twitter:card"):
        assert meta(soup, key) is None, key
    assert not (site.root / "previews").exists()


def view(title: str, lang: str = "cs", section: str = "Projekty") -> PageView:
    crumbs = (Crumb("Domů", "cs/", ""), Crumb(section, "cs/projekty/", ""), Crumb(title, "cs/projekty/x.html", ""))
    return PageView(lang=lang, title=title, description="", url="cs/projekty/x.html", alternates=(),
                    breadcrumbs=crumbs)


def test_an_unchanged_page_is_not_drawn_again_and_a_changed_title_is(tmp_path):
    first = Previews(SITEURL, tmp_path / "out1", tmp_path / "cache")
    card = first.card(view("Vodík jako zdroj čisté energie"))
    assert first.drawn == 1
    again = Previews(SITEURL, tmp_path / "out2", tmp_path / "cache")  # the next build, same cache
    assert again.card(view("Vodík jako zdroj čisté energie")) == card and again.drawn == 0
    assert (tmp_path / "out2" / card.image.removeprefix(SITEURL + "/")).is_file()
    changed = again.card(view("Vodík jako zdroj energie"))
    assert again.drawn == 1 and changed.image != card.image and changed.url == card.url
    assert again.card(view("Vodík jako zdroj energie", section="Aktuality")).image != changed.image  # the section counts
    assert again.drawn == 2
    assert len(list((tmp_path / "cache/previews").glob("*.png"))) == 3


def test_the_same_texts_give_the_same_bytes(tmp_path):
    a = Previews(SITEURL, tmp_path / "a", tmp_path / "ca").card(view("Chytrý region – Ústí"))
    Previews(SITEURL, tmp_path / "b", tmp_path / "cb").card(view("Chytrý region – Ústí"))  # drawn again
    rel = a.image.removeprefix(SITEURL + "/")
    assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes()


def test_a_development_build_draws_nothing(tmp_path):
    previews = Previews("", tmp_path / "out", tmp_path / "cache")
    assert previews.card(view("Cokoli")) is None and previews.drawn == 0
    assert not (tmp_path / "cache").exists()


def test_image_paths_follow_the_page_address():
    assert image_path("projects/hydrogen.html", "k") == "previews/projects/hydrogen.k.png"
    assert image_path("cs/projekty/", "k") == "previews/cs/projekty/index.k.png"
    assert image_path("", "k") == "previews/index.k.png"


def test_czech_titles_wrap_between_words_never_after_a_one_letter_word():
    from PIL import ImageFont

    font = ImageFont.truetype(str(BOLD), 64)
    title = "Spolupráce s univerzitou v Ústí nad Labem a s kraji o vodíku i ve školách"
    for width in (640, 760, 880, 1000):  # the title's width is 1000 px
        lines = wrap(title, font, width, "cs")
        assert " ".join(lines) == title
        assert all(font.getlength(line) <= width for line in lines), lines
        assert not any(line.split()[-1] in {"s", "v", "a", "o", "i"} for line in lines), lines
    assert wrap("Slovo" * 20, font, 400, "cs")[0]  # a word too long for a line is broken


def test_the_font_has_every_czech_letter():
    from PIL import ImageDraw, ImageFont

    font = ImageFont.truetype(str(BOLD), 40)

    def glyph(ch: str) -> bytes:
        im = Image.new("L", (60, 60))
        ImageDraw.Draw(im).text((5, 5), ch, font=font, fill=255)
        return im.tobytes()

    missing = glyph("\u0378")  # an unassigned code point: the font's "no glyph" box
    assert glyph("\u0379") == missing
    for ch in "áčďéěíňóřšťúůýžÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ„“–":
        assert glyph(ch) != missing, ch


def test_a_long_title_stays_above_the_bar_and_ends_with_an_ellipsis_if_it_must(tmp_path):
    from icuk_site.render.previews import TITLE_BOTTOM

    previews = Previews(SITEURL, tmp_path / "out", tmp_path / "cache")
    for title in ("Category: Support and development of the innovation environment",
                  "Podpora a rozvoj inovačního prostředí v Ústeckém kraji a ve všech jeho obcích, městech "
                  "a školách, s partnery z univerzity, hospodářské komory i kraje, a to po mnoho dalších let"):
        im = previews.draw("Inovační centrum Ústeckého kraje", "Projekty", title, "cs").convert("RGB")
        below = im.crop((0, TITLE_BOTTOM, WIDTH, HEIGHT - 16))
        assert max(min(c) for _, c in below.getcolors(WIDTH * HEIGHT)) < 100, title  # no light (text) pixel there
    assert previews.card(view("x " * 200)).alt.startswith("Projekty: x x")


def test_a_page_at_the_top_has_no_section(tmp_path):
    top = PageView(lang="en", title="About ICUK", description="", url="about.html", alternates=(),
                   breadcrumbs=(Crumb("Home", "", ""), Crumb("About ICUK", "about.html", "")))
    card = Previews(SITEURL, tmp_path / "out", tmp_path / "cache").card(top)
    assert card.alt == "About ICUK – Innovation Centre of the Usti Region"
