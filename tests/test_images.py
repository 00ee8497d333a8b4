"""Pictures: the build makes responsive versions (WebP + the original format) with width,
height, srcset and sizes; the same bytes every build, encoded once thanks to the cache; and a
too-heavy picture, a missing alt text or a file that is not a picture are validation errors.
The picture is made here with Pillow: the real content has no photos."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image, ImageDraw

from conftest import build_copy
from icuk_site import content as model
from icuk_site.authoring import check
from icuk_site.render import images

ALT = {"en": "A blue and orange test pattern", "cs": "Modrooranžový zkušební obrazec"}


def photo(path: Path, size=(1800, 1200), fmt="JPEG", mode="RGB") -> Path:
    """A deterministic picture with some detail (so the encoders have work to do)."""
    w, h = size
    im = Image.new(mode, size)
    draw = ImageDraw.Draw(im)
    for x in range(0, w, 6):
        draw.line([(x, 0), (x, h)], fill=(x * 255 // w, 90, 255 - x * 255 // w) + ((200,) if mode == "RGBA" else ()))
    draw.ellipse([w // 4, h // 4, 3 * w // 4, 3 * h // 4], fill=(250, 160, 20) + ((255,) if mode == "RGBA" else ()))
    path.parent.mkdir(parents=True, exist_ok=True)
    im.save(path, fmt, **({"quality": 90} if fmt == "JPEG" else {}))
    return path


def use_image(project: Path, name: str, alt: dict | None = ALT, slug: str = "hydrogen") -> None:
    for lang in model.LANGS:
        f = project / f"content/projects/{lang}/{slug}.md"
        extra = f"image: {name}\n" + (f"image_alt: {alt[lang]}\n" if alt else "")
        text = f.read_text(encoding="utf-8")
        f.write_text(text.replace("\ndate:", f"\n{extra}date:", 1), encoding="utf-8")


@pytest.fixture
def with_photo(project_copy) -> Path:
    photo(project_copy / "content/images/test-photo.jpg")
    use_image(project_copy, "test-photo.jpg")
    return project_copy


def srcset(value: str) -> list[tuple[str, int]]:
    return [(url, int(w[:-1])) for url, w in (item.strip().split() for item in value.split(","))]


def image_files(output: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((output / "images").glob("*.*-*.*"))}


def test_project_page_has_a_responsive_picture(with_photo):
    result = build_copy(with_photo)
    assert result.ok, result.problems
    out = with_photo / "output"
    cs_page = model.load_site(with_photo / "content").get("project", "hydrogen", "cs").url
    for lang, page in (("en", "projects/hydrogen.html"), ("cs", cs_page)):
        soup = BeautifulSoup((out / page).read_text(encoding="utf-8"), "html.parser")
        pic = soup.select_one("header.project__header > picture")
        assert pic is not None, f"{page}: no <picture> in the project header"
        assert pic.find_previous_sibling("p", class_="lead"), "the picture comes after the lead paragraph"
        (webp,) = pic.find_all("source")
        img = pic.find("img")
        assert webp["type"] == "image/webp"
        assert img["alt"] == ALT[lang]
        assert (img["width"], img["height"]) == ("1600", "1067")  # the largest version, 3:2
        assert webp["sizes"] == img["sizes"] and img["sizes"]
        assert img["loading"] == "eager"
        assert not pic.select("[style]"), "no style attributes (strict CSP)"
        for tag, fmt in ((webp, "WEBP"), (img, "JPEG")):
            versions = srcset(tag["srcset"])
            assert [w for _, w in versions] == [480, 800, 1200, 1600]
            for url, width in versions:
                assert url.startswith("/images/test-photo.")
                with Image.open(out / url.lstrip("/")) as im:
                    assert (im.format, im.width) == (fmt, width)
                    assert abs(im.height - width * 2 / 3) <= 1
        assert img["src"] == srcset(img["srcset"])[-1][0]


def test_pictures_are_reproducible_and_encoded_once(with_photo, monkeypatch):
    from icuk_site import session as sessions

    started = []
    real_start = sessions.start
    monkeypatch.setattr(sessions, "start", lambda settings: started.append(real_start(settings)) or started[-1])
    assert build_copy(with_photo).ok
    first = image_files(with_photo / "output")
    assert len(first) == 8  # 4 widths x (WebP + JPEG)
    assert started[-1].pictures.encoded == 8

    assert build_copy(with_photo).ok  # unchanged picture: taken from cache/images/
    assert started[-1].pictures.encoded == 0
    assert image_files(with_photo / "output") == first

    shutil.rmtree(with_photo / "cache/images")  # encoded again from scratch: the same bytes
    assert build_copy(with_photo).ok
    assert started[-1].pictures.encoded == 8
    assert image_files(with_photo / "output") == first


def test_a_changed_picture_gets_new_file_names(with_photo):
    assert build_copy(with_photo).ok
    before = set(image_files(with_photo / "output"))
    photo(with_photo / "content/images/test-photo.jpg", size=(1000, 500))
    assert build_copy(with_photo).ok
    after = image_files(with_photo / "output")
    assert not before & set(after)
    assert sorted(int(re.search(r"-(\d+)\.", n).group(1)) for n in after) == [480, 480, 800, 800, 1000, 1000]


def test_png_with_transparency_keeps_it(tmp_path):
    content, output = tmp_path / "content", tmp_path / "output"
    photo(content / "images/logo.png", size=(600, 300), fmt="PNG", mode="RGBA")
    pic = images.Pictures(content, output, tmp_path / "cache")("logo.png")
    assert [s.type for s in pic.sources] == ["image/webp", "image/png"]
    assert [v.width for v in pic.fallback.versions] == [480, 600]
    assert (pic.width, pic.height) == (600, 300)
    for source in pic.sources:
        with Image.open(output / source.largest.url) as im:
            assert im.mode == "RGBA"


def test_webp_original_gives_one_source(tmp_path):
    photo(tmp_path / "content/images/p.webp", size=(500, 400), fmt="WEBP")
    pic = images.Pictures(tmp_path / "content", tmp_path / "output", tmp_path / "cache")("p.webp")
    assert [s.type for s in pic.sources] == ["image/webp"]
    assert [(v.width, v.height) for v in pic.fallback.versions] == [(480, 384), (500, 400)]


# ---- validation --------------------------------------------------------------------------------

def problems_for(project: Path) -> list[str]:
    result = check(project / "content")
    assert not result.ok
    return list(result.lines[:-1])


def image_line(project: Path, field: str = "image") -> int:
    lines = (project / "content/projects/en/hydrogen.md").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith(f"{field}:"))


def test_too_heavy_picture_is_a_validation_error(project_copy):
    big = project_copy / "content/images/huge.png"
    Image.frombytes("RGB", (1024, 1024), os.urandom(3 * 1024 * 1024)).save(big)  # noise: ~3 MB as PNG
    assert big.stat().st_size > model.IMAGE_MAX_BYTES
    use_image(project_copy, "huge.png")
    line = image_line(project_copy)
    assert f"content/projects/en/hydrogen.md:{line}: image: expected a picture of at most 2 MB, got 3." in "\n".join(
        problems_for(project_copy))
    result = build_copy(project_copy)  # the build refuses it the same way
    assert not result.ok
    assert any(p.startswith(f"projects/en/hydrogen.md:{line}: image: expected a picture of at most 2 MB") for p in result.problems)


def test_missing_alt_is_a_validation_error(project_copy):
    photo(project_copy / "content/images/test-photo.jpg")
    use_image(project_copy, "test-photo.jpg", alt=None)
    line = image_line(project_copy)
    assert (f"content/projects/en/hydrogen.md:{line}: image_alt: expected a description of the picture "
            "(required with image), got none") in problems_for(project_copy)


@pytest.mark.parametrize(("name", "data", "message"), [
    ("notes.jpg", b"this is not a picture", "image: expected a JPEG, PNG or WebP picture, got a file that is not a picture"),
    ("anim.gif", b"GIF89a", "image: expected a .jpg, .jpeg, .png, .webp file, got 'anim.gif'"),
    ("missing.jpg", None, "image: expected a file content/images/missing.jpg, got no such file"),
])
def test_unusable_picture_is_a_validation_error(project_copy, name, data, message):
    if data is not None:
        (project_copy / "content/images" / name).write_bytes(data)
    use_image(project_copy, name)
    line = image_line(project_copy)
    assert f"content/projects/en/hydrogen.md:{line}: {message}" in problems_for(project_copy)


def test_gif_renamed_to_jpg_is_refused(project_copy):
    Image.new("P", (10, 10)).save(project_copy / "content/images/photo.jpg", "GIF")
    use_image(project_copy, "photo.jpg")
    assert any("expected a JPEG, PNG or WebP picture, got a GIF picture" in p for p in problems_for(project_copy))
