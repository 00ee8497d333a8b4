"""Responsive pictures: each picture named in front-matter in several widths, as WebP and in
its own format (JPEG or PNG), with the sizes templates need for `width`/`height`/`srcset`.

Templates call the Jinja global `picture(name)` (see theme/templates/components/responsive-image.html); the
first call for a picture in a build makes its versions and copies them into the output as

    images/<name>.<key>-<width>.<ext>      e.g. images/hydrogen.3f9c0a1b2d-800.webp

where <key> is a hash of the picture's bytes and of the encoding recipe below: a changed
picture gets new file names, so the files can be cached for ever.

Reproducible and fast: the versions carry no metadata or dates (the same picture gives the
same bytes), and encoded files are kept in `<CACHE_PATH>/images/` under the same key, so an
unchanged picture is not encoded again; the build only copies it. The model has already
checked every picture (format, at most content.IMAGE_MAX_BYTES) before the build starts.
(Why not pelican-image-process: docs/performance.md, "Evaluated and not done".)
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..content import IMAGES_DIR

# A logger under "pelican" so that the safe build counts an error as a failed build.
log = logging.getLogger("pelican.icuk_site.images")

WIDTHS = (480, 800, 1200, 1600)  # widths made (never wider than the original)
QUALITY = {"JPEG": 82, "WEBP": 80}
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MIME = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
RECIPE_VERSION = "1"  # change when the encoding below changes: new keys, new files


@dataclass(frozen=True)
class Version:
    url: str  # relative to SITEURL
    width: int
    height: int


@dataclass(frozen=True)
class Source:
    type: str  # MIME type
    versions: tuple[Version, ...]  # narrowest first

    @property
    def largest(self) -> Version:
        return self.versions[-1]


@dataclass(frozen=True)
class Picture:
    """What the `responsive_image` macro needs. The last source is the fallback (`<img>`)."""

    sources: tuple[Source, ...]

    @property
    def fallback(self) -> Source:
        return self.sources[-1]

    @property
    def width(self) -> int:
        return self.fallback.largest.width

    @property
    def height(self) -> int:
        return self.fallback.largest.height


def _recipe() -> str:
    import PIL

    return f"{RECIPE_VERSION};{WIDTHS};{sorted(QUALITY.items())};Pillow {PIL.__version__}"


def widths_for(original: int) -> list[int]:
    """The widths to make of a picture `original` pixels wide: never wider than it or WIDTHS."""
    largest = min(original, WIDTHS[-1])
    return [w for w in WIDTHS if w < largest] + [largest]


def height_at(size: tuple[int, int], width: int) -> int:
    """The height of a picture of `size` scaled to `width` (aspect ratio kept)."""
    return max(1, round(size[1] * width / size[0]))


def _encode(im, fmt: str, width: int, target: Path) -> None:
    from PIL import Image

    height = height_at(im.size, width)
    if fmt in ("JPEG", "WEBP"):
        # JPEG has no transparency; WebP takes RGB or RGBA.
        alpha = fmt == "WEBP" and (im.mode in ("RGBA", "LA") or "transparency" in im.info)
        im = im.convert("RGBA" if alpha else "RGB")
    elif im.mode not in ("RGB", "RGBA", "L", "LA"):
        im = im.convert("RGBA" if "transparency" in im.info else "RGB")
    if (width, height) != im.size:
        im = im.resize((width, height), Image.Resampling.LANCZOS)
    options: dict = {"icc_profile": im.info.get("icc_profile")} if im.info.get("icc_profile") else {}
    if fmt == "JPEG":
        options |= {"quality": QUALITY["JPEG"], "optimize": True, "progressive": True}
    elif fmt == "WEBP":
        options |= {"quality": QUALITY["WEBP"], "method": 4}
    else:
        options |= {"optimize": True}
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    im.save(tmp, fmt, **options)
    os.replace(tmp, target)  # a build stopped half-way never leaves half a file in the cache


class Pictures:
    """The pictures of one build: made on first use, then remembered."""

    def __init__(self, content_dir: str | Path, output_dir: str | Path, cache_dir: str | Path):
        self.images = Path(content_dir) / IMAGES_DIR
        self.output = Path(output_dir)
        self.cache = Path(cache_dir) / "images"
        self._made: dict[str, Picture | None] = {}
        self.encoded = 0  # how many files this build had to encode (the rest came from the cache)

    def __call__(self, name: str) -> Picture | None:
        if name not in self._made:
            try:
                self._made[name] = self._make(name)
            except OSError as e:  # the model checked the file; this is a disk or decoder failure
                log.error("%s/%s: image: expected a picture the build can read, got an error: %s", IMAGES_DIR, name, e)
                self._made[name] = None
        return self._made[name]

    def _make(self, name: str) -> Picture:
        from PIL import Image, ImageOps

        src = self.images / name
        data = src.read_bytes()
        key = hashlib.sha256(data + _recipe().encode()).hexdigest()[:10]
        with Image.open(src) as opened:
            fmt = opened.format
            im = ImageOps.exif_transpose(opened)  # turn photos upright; drops the EXIF data
            im.load()
        stem = PurePosixPath(name).with_suffix("")
        formats = ["WEBP"] if fmt == "WEBP" else ["WEBP", fmt]
        self.cache.mkdir(parents=True, exist_ok=True)
        sources = []
        for f in formats:
            versions = []
            for width in widths_for(im.width):
                ext = EXTENSIONS[f]
                cached = self.cache / f"{key}-{width}.{ext}"
                if not cached.exists():
                    _encode(im, f, width, cached)
                    self.encoded += 1
                rel = f"{IMAGES_DIR}/{stem}.{key}-{width}.{ext}"
                target = self.output / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(cached, target)
                versions.append(Version(rel, width, height_at(im.size, width)))
            sources.append(Source(MIME[f], tuple(versions)))
        return Picture(tuple(sources))
