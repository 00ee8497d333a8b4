"""The build benchmark runs and reports in its fixed format; its synthetic content is valid; and
the speed-ups behind its figures change nothing in what is built: an incremental build gives
the same site as a full one, the second process renders the same HTML, the search index is the
one Pagefind makes of the same pages, and a failed build still leaves the output alone."""

from __future__ import annotations

import filecmp
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import bench
import bench_content
from conftest import ROOT
from icuk_site.build import incremental, parallel, warm
from icuk_site.build.safe import build
from icuk_site.content import load_site


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def cached_build(project: Path):
    """A development build: content cache on, kept inside the copy."""
    return build(project / "pelicanconf.py", project / "output",
                 {"CACHE_PATH": str(project / "cache"), "LOAD_CONTENT_CACHE": True, "CACHE_CONTENT": True})


def fresh_build(project: Path, out: Path):
    return build(project / "pelicanconf.py", out, {"LOAD_CONTENT_CACHE": False, "CACHE_CONTENT": False})


# ---- the benchmark --------------------------------------------------------------------------------


def test_bench_runs_and_ends_with_the_figures_line():
    proc = subprocess.run([sys.executable, "scripts/bench.py", "--projects", "5", "--runs", "1"],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    last = proc.stdout.strip().splitlines()[-1]
    match = bench.LAST_LINE_RE.match(last)
    assert match, last
    figures = match.groupdict()
    assert figures["projects"] == "5"
    # the real site's pages plus 2 x 5 project pages (and a few more listing pages)
    real_pages = len(list((ROOT / "content").rglob("*.md")))
    assert int(figures["pages"]) > real_pages + 10
    assert float(figures["full"]) > 0 and float(figures["vanilla"]) > 0 and int(figures["rss"]) > 0
    assert abs(float(figures["ratio"]) - float(figures["full"]) / float(figures["vanilla"])) < 0.02


def test_synthetic_projects_are_valid_realistic_and_deterministic(project_copy, tmp_path):
    content = project_copy / "content"
    before = len(load_site(content).documents)
    slugs = bench_content.generate(content, 40)
    site = load_site(content)  # raises ContentError on any problem
    assert len(site.documents) == before + 80
    partners = set(yaml.safe_load((content / "data/partners.yaml").read_text(encoding="utf-8")))
    projects = [d for d in site.documents if d.source.split("/")[-1][:-3] in slugs]
    assert {d.lang for d in projects} == {"en", "cs"}
    assert all(set(d.partners) <= partners for d in projects)
    assert len({d.phase for d in projects}) == 4 and len({d.category for d in projects}) == 3
    assert len({d.years.start for d in projects if d.years}) > 5
    for d in projects:
        assert "\n## " in d.body and ("\n- " in d.body or "\n1. " in d.body or d.body.count("\n\n") >= 3)
        assert 60 <= len(d.body.split()) <= 1200
    # the same seed gives the same files, whatever N is
    again = tmp_path / "again"
    (again / "data").mkdir(parents=True)
    (again / "data/partners.yaml").write_bytes((content / "data/partners.yaml").read_bytes())
    bench_content.generate(again, 10)
    for slug in slugs[:10]:
        for lang in ("en", "cs"):
            assert (again / f"projects/{lang}/{slug}.md").read_bytes() == (content / f"projects/{lang}/{slug}.md").read_bytes()


def test_vanilla_copy_is_readable_by_plain_pelican(project_copy, tmp_path):
    bench_content.generate(project_copy / "content", 3)
    count = bench_content.write_vanilla(project_copy, tmp_path / "vanilla")
    text = (tmp_path / "vanilla/content/projects/cs").glob("*.md").__next__().read_text(encoding="utf-8")
    assert text.startswith("Title: ") and "\nLang: cs\n" in text and "\nDate: " in text
    assert count == len(list((tmp_path / "vanilla/content").rglob("*.md")))


# ---- incremental builds ---------------------------------------------------------------------------


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("change", ["body", "front-matter", "removed", "added", "template", "partner"])
def test_incremental_build_equals_full_build(project_copy, tmp_path, change):
    bench_content.generate(project_copy / "content", 3)
    first = cached_build(project_copy)
    assert first.ok, first.problems
    content = project_copy / "content"
    if change == "body":  # the one thing a page is not keyed on: other pages must not show it
        _edit(content / "projects/en/hydrogen.md", "## The memorandum", "## The memorandum, signed")
        _edit(content / "pages/cs/region.md", "\n\n", "\n\nNový odstavec na začátku.\n\n")
    elif change == "front-matter":  # (twins must agree on their facts: both files change)
        for lang in ("en", "cs"):
            _edit(content / f"projects/{lang}/hydrogen.md", "phase: preparation", "phase: running")
    elif change == "removed":
        for lang in ("en", "cs"):
            (content / f"projects/{lang}/smart-cities.md").unlink()
    elif change == "added":
        bench_content.generate(content, 5)
    elif change == "template":
        _edit(project_copy / "theme/templates/partials/footer.html", "site-footer__credit", "site-footer__credit credit")
    elif change == "partner":
        _edit(content / "data/partners.yaml", "en: Usti Region", "en: The Usti Region")
    second = cached_build(project_copy)
    assert second.ok, second.problems
    full = tmp_path / "full"
    assert fresh_build(project_copy, full).ok
    built, expected = tree(project_copy / "output"), tree(full)
    assert sorted(built) == sorted(expected)
    assert [rel for rel in built if built[rel] != expected[rel]] == []


def test_unchanged_rebuild_rewrites_nothing(project_copy):
    assert cached_build(project_copy).ok
    output = project_copy / "output"
    before = {p: p.stat().st_mtime_ns for p in output.rglob("*") if p.is_file()}
    _edit(project_copy / "content/projects/en/hydrogen.md", "## The memorandum", "## The signed memorandum")
    assert cached_build(project_copy).ok
    changed = {p.relative_to(output).as_posix() for p in before if not p.exists() or p.stat().st_mtime_ns != before[p]}
    # the page itself, the English feed, and English search-index files only
    assert "projects/hydrogen.html" in changed
    cs_page = load_site(project_copy / "content").get("project", "hydrogen", "cs").url
    assert (output / cs_page).is_file() and cs_page not in changed and "sitemap.xml" not in changed
    assert all(rel.startswith(("projects/hydrogen.html", "feeds/projects.en", "pagefind/")) for rel in changed), changed
    assert not [rel for rel in changed if rel.startswith("pagefind/") and "cs_" in rel.rsplit("/", 1)[-1]]
    assert not [p for p in project_copy.iterdir() if p.name.startswith(".output")]


def test_output_changed_by_hand_means_a_full_build(project_copy):
    assert cached_build(project_copy).ok
    page = project_copy / "output/about.html"
    page.write_text("changed by hand", encoding="utf-8")
    assert cached_build(project_copy).ok
    assert "changed by hand" not in page.read_text(encoding="utf-8")
    # a publish-like build (no cache) replaces the folder: the manifest no longer describes it
    assert fresh_build(project_copy, project_copy / "output").ok
    assert incremental.plan({"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CACHE_PATH": str(project_copy / "cache")},
                            project_copy / "output").previous is None


def _broken_template_leaves_output_untouched(project_copy) -> None:
    """A good incremental build, then one with a template error: it fails, output/ stays."""
    assert cached_build(project_copy).ok
    before = tree(project_copy / "output")
    _edit(project_copy / "theme/templates/article.html", "{{ view.title|typo }}", "{{ view.title|nosuchfilter }}")
    try:
        ok = cached_build(project_copy).ok
    except Exception:
        ok = False
    assert not ok
    assert tree(project_copy / "output") == before


def test_failed_incremental_build_leaves_output_untouched(project_copy):
    _broken_template_leaves_output_untouched(project_copy)
    assert not [p for p in project_copy.iterdir() if p.name.startswith(".output")]


def test_error_while_helpers_run_leaves_nothing_behind(project_copy):
    """A template error at render time, with the Markdown and page helpers, the file writer and
    Pagefind at work: the build fails, output/ stays, and no temporary folder or scratch is left."""
    import time

    from icuk_site.outputs import search

    bench_content.generate(project_copy / "content", parallel.MIN_ITEMS // 2 + 10)  # enough pages for the helpers
    assert cached_build(project_copy).ok
    before = tree(project_copy / "output")
    _edit(project_copy / "content/projects/en/hydrogen.md", "## The memorandum", "## The memorandum, signed")
    _edit(project_copy / "theme/templates/article.html", "{{ view.title|typo }}", "{{ view.title|typo }}{{ view.nosuch.more }}")
    with pytest.raises(Exception, match="nosuch"):
        cached_build(project_copy)
    time.sleep(0.5)  # anything still writing would have recreated a folder by now
    assert tree(project_copy / "output") == before
    assert not [p for p in project_copy.iterdir() if p.name.startswith(".output")]
    scratch = Path(search.scratch_root() or "/tmp")
    assert not list(scratch.glob(f"{search.SCRATCH_PREFIX}{os.getpid()}-*"))


def test_validation_cache_reports_problems_of_unchanged_files(project_copy):
    f = project_copy / "content/projects/en/hydrogen.md"
    _edit(f, "phase: preparation", "phase: someday")
    for _ in range(2):  # the second time, the file's result comes from the cache
        result = cached_build(project_copy)
        assert not result.ok
        assert any(p.startswith("projects/en/hydrogen.md:") and ": phase: expected one of" in p for p in result.problems)
    _edit(f, "phase: someday", "phase: preparation")
    assert cached_build(project_copy).ok


# ---- parallel rendering and the search index ------------------------------------------------------


def test_second_process_renders_the_same_html(project_copy, tmp_path, monkeypatch):
    bench_content.generate(project_copy / "content", 40)
    monkeypatch.setattr(parallel, "available", lambda: False)
    assert fresh_build(project_copy, tmp_path / "one").ok
    monkeypatch.setattr(parallel, "available", lambda: True)
    monkeypatch.setattr(parallel, "MIN_ITEMS", 2)  # bodies and pages shared with a helper process
    assert fresh_build(project_copy, tmp_path / "two").ok
    assert tree(tmp_path / "one") == tree(tmp_path / "two")
    assert cached_build(project_copy).ok  # and with the content cache (the manifest's records too)
    assert tree(project_copy / "output") == tree(tmp_path / "one")


def test_what_the_helper_process_logs_still_fails_the_build(project_copy, monkeypatch):
    """A page the helper renders logs an error: the build fails as if it had rendered it itself."""
    from icuk_site.render import typography

    monkeypatch.setattr(parallel, "MIN_ITEMS", 2)
    monkeypatch.setattr(parallel, "available", lambda: True)
    real_text, parent = typography.text, os.getpid()

    def text(plain, lang):
        if os.getpid() != parent:  # only in the helper process
            logging.getLogger("pelican.icuk_site.test").error("%s: a problem found while rendering", plain)
        return real_text(plain, lang)

    monkeypatch.setattr(typography, "text", text)
    result = cached_build(project_copy)
    assert not result.ok
    assert any("a problem found while rendering" in p for p in result.problems)


def test_template_error_in_a_helper_page_fails_the_build(project_copy, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_ITEMS", 2)
    monkeypatch.setattr(parallel, "available", lambda: True)
    _broken_template_leaves_output_untouched(project_copy)


def test_search_index_is_pagefinds_index_of_the_same_pages(site, tmp_path):
    """One Pagefind run per language, merged, is what one run over the whole site makes
    (page numbers aside: they follow the order Pagefind finds the files in)."""
    from pagefind.service import get_executable

    bundle = tmp_path / "pagefind"
    subprocess.run([str(get_executable()), "--site", str(site.root), "--output-path", str(bundle), "--silent"],
                   check=True)
    ours = site.root / "pagefind"

    def files(root: Path, part: str) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file() and part in str(p)}

    assert files(ours, "fragment") == files(bundle, "fragment")
    assets = [p.name for p in bundle.iterdir() if p.is_file() and p.suffix in (".js", ".css", ".pagefind")]
    assert assets and all(filecmp.cmp(bundle / a, ours / a, shallow=False) for a in assets)
    entry = json.loads((ours / "pagefind-entry.json").read_text(encoding="utf-8"))
    theirs = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert {k: v["page_count"] for k, v in entry["languages"].items()} == \
        {k: v["page_count"] for k, v in theirs["languages"].items()}
    assert sorted(os.listdir(ours / "index")) and len(os.listdir(ours / "index")) == len(os.listdir(bundle / "index"))


# ---- the warm build process (invoke livereload; the benchmark's cached and edit figures) -------------


def _cache_overrides(project: Path) -> dict:
    return {"CACHE_PATH": str(project / "cache"), "LOAD_CONTENT_CACHE": True, "CACHE_CONTENT": True}


def test_warm_builds_make_the_same_site_and_keep_the_safe_build_promise(project_copy, tmp_path):
    settings, output = project_copy / "pelicanconf.py", project_copy / "output"
    with warm.WarmBuilder(project_copy) as builder:
        first = builder.build(settings, output, _cache_overrides(project_copy))
        assert first.ok, first.problems
        assert first.cpu > 0 and first.rss_mib > 0 and first.seconds > 0
        server = builder.proc.pid
        _edit(project_copy / "content/projects/en/hydrogen.md", "## The memorandum", "## The memorandum, signed")
        second = builder.build(settings, output, _cache_overrides(project_copy))
        assert second.ok, second.problems
        assert builder.proc.pid == server  # the same warm process made both builds
        full = tmp_path / "full"
        assert fresh_build(project_copy, full).ok
        assert tree(output) == tree(full)
        # a content mistake: reported with file and field, nothing built, the server still serves
        before = tree(output)
        _edit(project_copy / "content/projects/en/hydrogen.md", "phase: preparation", "phase: someday")
        broken = builder.build(settings, output, _cache_overrides(project_copy))
        assert not broken.ok
        assert any("projects/en/hydrogen.md" in p and "phase" in p for p in broken.problems), broken.problems
        assert tree(output) == before
        assert builder.proc.pid == server and builder.proc.poll() is None


def test_warm_server_starts_again_when_the_package_changes(project_copy, monkeypatch):
    with warm.WarmBuilder(project_copy) as builder:
        builder.start()
        server = builder.proc.pid
        builder.start()
        assert builder.proc.pid == server
        monkeypatch.setattr(warm, "_package_stamp", lambda: {"content/fields.py": (0, 0)})  # as if a file of the package changed
        builder.start()
        assert builder.proc.pid != server
