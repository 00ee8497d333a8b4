"""One session per build: every run of Pelican starts afresh (also `pelican -r`, which runs the
same Pelican object again), kept pages are announced like written ones, and the writer's use of
Pelican internals is tied to the pinned Pelican version."""

from __future__ import annotations

import os
from pathlib import Path

import pelican
import pytest
from pelican import Pelican, signals
from pelican.settings import read_settings

from icuk_site import session as sessions
from icuk_site.build import writer
from icuk_site.build.safe import build
from icuk_site.content import BuildAborted


def _cached(project: Path):
    return build(project / "pelicanconf.py", project / "output",
                 {"CACHE_PATH": str(project / "cache"), "LOAD_CONTENT_CACHE": True, "CACHE_CONTENT": True})


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_kept_pages_are_announced_like_written_ones(project_copy):
    """A plugin that lists pages from content_written (as pelican-plugins/sitemap does) sees every
    page in a development build, also when the build keeps them all."""
    seen: list[set[str]] = []
    rendered: list[set[str]] = []

    def listen(path, context=None):
        out = Path(context["OUTPUT_PATH"])
        seen[-1].add(Path(path).relative_to(out).as_posix())
        if not context.get(writer.KEPT):
            rendered[-1].add(Path(path).relative_to(out).as_posix())

    signals.content_written.connect(listen)
    try:
        for _ in range(2):
            seen.append(set())
            rendered.append(set())
            assert _cached(project_copy).ok
    finally:
        signals.content_written.disconnect(listen)
    written, kept = seen
    assert len(written) > 40
    assert kept == written
    assert rendered[1] == set(), "a rebuild with nothing changed renders no page again"
    pages = {p.relative_to(project_copy / "output").as_posix() for p in (project_copy / "output").rglob("*.html")}
    assert written == pages


def test_each_run_of_one_pelican_object_builds_afresh(project_copy):
    """`pelican -r` calls run() again on the same Pelican object after each change: the pages follow
    the edit, the search index is there every time, and a content mistake stops with its problems."""
    settings = read_settings(str(project_copy / "pelicanconf.py"),
                             override={"PATH": str(project_copy / "content"), "OUTPUT_PATH": str(project_copy / "out"),
                                       "CACHE_PATH": str(project_copy / "cache"), "THEME": str(project_copy / "theme"),
                                       "SOURCE_DATE_EPOCH": 1764000000})
    site = Pelican(settings)
    site.run()
    first = settings[sessions.SESSION]
    page = project_copy / "out/projects/hydrogen.html"
    assert "Sessiontestword" not in page.read_text(encoding="utf-8")
    _edit(project_copy / "content/projects/en/hydrogen.md", "## The memorandum", "## The memorandum\n\nSessiontestword.")
    os.utime(project_copy / "content/projects/en/hydrogen.md", (2e9, 2e9))  # newer than the reader cache
    site.run()
    assert settings[sessions.SESSION] is not first
    assert "Sessiontestword" in page.read_text(encoding="utf-8")
    assert (project_copy / "out/pagefind/pagefind-entry.json").is_file()
    _edit(project_copy / "content/projects/en/hydrogen.md", "phase: ", "phase: someday-")
    with pytest.raises(BuildAborted):
        site.run()
    first.close()
    settings[sessions.SESSION].close()


def test_the_writer_is_tied_to_the_pinned_pelican():
    """writer.py uses Pelican's Writer._written_files (its write-once check): on another Pelican
    version this fails, so the writer is checked before the pin moves."""
    assert pelican.__version__ == writer.PELICAN_VERSION
    pyproject = (Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert f'"pelican[markdown]=={writer.PELICAN_VERSION}"' in pyproject
