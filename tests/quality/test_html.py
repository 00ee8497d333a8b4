"""Gate 1: every page is valid HTML — the Nu HTML checker (vnu-jar, pinned in package.json) finds
0 errors on the publish build. The stylesheets and SVG images are checked in the same run."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import VNU, need_node_tool


def run_vnu(files: list[Path]) -> list[dict]:
    java = shutil.which("java")
    if not java:
        pytest.fail("java is missing: install Java 17 (Debian: default-jre-headless), see README")
    need_node_tool(VNU)
    done = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--also-check-css", "--also-check-svg",
         "--format", "json", "--stdout", *map(str, files)],
        capture_output=True, text=True, timeout=600,
    )
    try:
        return json.loads(done.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"vnu gave no JSON (exit {done.returncode}):\n{done.stdout}\n{done.stderr}")


def test_every_page_stylesheet_and_svg_is_valid(published, gate):
    root = published.root
    files = sorted(p for ext in ("*.html", "*.css", "*.svg") for p in root.rglob(ext))
    messages = run_vnu(files)
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    pages = sum(1 for f in files if f.suffix == ".html")
    gate(len(errors), f"{pages} pages, {len(files) - pages} CSS/SVG files")

    def where(m):
        path = m.get("url", "").removeprefix("file:")
        try:
            path = Path(path).relative_to(root).as_posix()
        except ValueError:
            pass
        return f"{path}:{m.get('lastLine', '?')}: {m.get('message')}  [{(m.get('extract') or '').strip()[:80]}]"

    assert not errors, f"{len(errors)} HTML/CSS/SVG errors:\n" + "\n".join(map(where, errors[:60]))


def test_the_checker_reports_errors(tmp_path):
    """The gate can fail: a broken page gives errors (guards against a checker that checks nothing)."""
    bad = tmp_path / "bad.html"
    bad.write_text("<!doctype html><html lang=en><title>x</title><p><div>unclosed</span>", encoding="utf-8")
    assert any(m.get("type") == "error" for m in run_vnu([bad]))
