"""A failed build stops before writing, exits non-zero, names file and field, and leaves the
previous output exactly as it was. Front-matter text is always rendered as text."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, build_copy
from icuk_site.content import load_site


def tree_digest(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_bad_content_leaves_previous_output_untouched(project_copy):
    first = build_copy(project_copy)
    assert first.ok, first.problems
    before = tree_digest(project_copy / "output")
    assert len(before) > 30

    f = project_copy / "content/projects/en/hydrogen.md"
    f.write_text(f.read_text(encoding="utf-8").replace("phase: preparation", "phase: someday"), encoding="utf-8")
    result = build_copy(project_copy)
    assert not result.ok
    assert any(p.startswith("projects/en/hydrogen.md:") and ": phase: expected one of" in p for p in result.problems)
    assert tree_digest(project_copy / "output") == before
    assert not [p for p in project_copy.iterdir() if p.name.startswith(".output")], "temporary folder left behind"


def test_template_error_leaves_previous_output_untouched(project_copy):
    assert build_copy(project_copy).ok
    before = tree_digest(project_copy / "output")
    tpl = project_copy / "theme/templates/page.html"
    tpl.write_text(tpl.read_text(encoding="utf-8").replace("{{ view.title|typo }}", "{{ view.title|nosuchfilter }}"))
    try:
        result = build_copy(project_copy)
        ok = result.ok
    except Exception:  # a broken template is a developer error and may raise
        ok = False
    assert not ok
    assert tree_digest(project_copy / "output") == before


def test_command_line_reports_problems_without_traceback(project_copy):
    f = project_copy / "content/projects/cs/stages-method.md"
    f.write_text(f.read_text(encoding="utf-8").replace("partners:", "parnters:"), encoding="utf-8")
    (project_copy / "content/pages/en/about.md").write_bytes(b"")
    proc = subprocess.run(
        [sys.executable, "-m", "icuk_site.build", "--settings", str(project_copy / "pelicanconf.py"),
         "--output", str(project_copy / "output")],
        capture_output=True, text=True, cwd=ROOT, env={**os.environ, "ICUK_CACHE": "0"},
    )
    assert proc.returncode == 1
    err = proc.stderr
    assert "Traceback" not in err and "Traceback" not in proc.stdout
    assert "3 content problems found (nothing was built):" in err
    assert "projects/cs/stages-method.md:7: parnters: expected a project field" in err
    assert "did you mean 'partners'?" in err
    assert "projects/cs/stages-method.md: partners: expected a partners" in err
    assert "pages/en/about.md: file: expected front-matter and text, got an empty file" in err
    assert not (project_copy / "output").exists()


def test_markup_in_front_matter_renders_as_text(project_copy):
    f = project_copy / "content/projects/en/hydrogen.md"
    text = f.read_text(encoding="utf-8")
    text = text.replace("title: Hydrogen as a source of clean energy",
                        "title: '<script>alert(1)</script> Hydrogen & <b>friends</b>'", 1)
    assert "<script>" in text
    f.write_text(text, encoding="utf-8")
    result = build_copy(project_copy)
    assert result.ok, result.problems
    for rel in ("output/projects/hydrogen.html", "output/projects/index.html", "output/index.html",
                "output/" + load_site(project_copy / "content").get("project", "hydrogen", "cs").url):
        html = (project_copy / rel).read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<b>friends" not in html, rel
    html = (project_copy / "output/projects/hydrogen.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_publish_build_works_from_a_sub_path(project_copy):
    """publishconf.py with SITEURL on a sub-path: every internal reference carries it."""
    import re

    from icuk_site.build.safe import build

    base = "https://example.org/usti"
    result = build(project_copy / "publishconf.py", project_copy / "output", {"SITEURL": base})
    assert result.ok, result.problems
    out = project_copy / "output"
    pages = list(out.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for attr, url in re.findall(r'\b(href|src|action|data-bundle|data-base)="([^"]*)"', html):
            if url.startswith(("#", "mailto:")) or (url.startswith("http") and not url.startswith("https://example.org")):
                continue
            assert url.startswith(base + "/"), f"{page.relative_to(out)}: {attr}={url}"
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{base}/{load_site(project_copy / 'content').get('project', 'hydrogen', 'cs').url}</loc>" in sitemap
    assert f"{base}/projects/hydrogen.html" in (out / "feeds/projects.en.atom.xml").read_text(encoding="utf-8")
