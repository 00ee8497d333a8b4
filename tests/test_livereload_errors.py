"""`invoke livereload` shows a failed build in the browser: the page that reloads is the error
page (the problems with file and line, in the author's language) until the next good build;
output/ keeps the last good build; Ctrl+C ends it quietly."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys

import pytest
from test_build import tree_digest

from conftest import LIVERELOAD_CONNECTED, ROOT, author_env, free_port, save_edit, wait_for_port
from icuk_site.authoring.livereload import BuildErrorPage, _is_page


def test_error_page_lists_problems_in_the_authors_language(tmp_path):
    page = BuildErrorPage(tmp_path / "err", ROOT / "theme", lang="cs")
    path = page.show(["projects/en/hydrogen.md:10: date: očekáváno datum ve tvaru RRRR-MM-DD, zadáno '2026-02-30'"])
    html = path.read_text(encoding="utf-8")
    assert '<html lang="cs"' in html and "Sestavení webu selhalo" in html
    assert "<code>projects/en/hydrogen.md:10</code>" in html and "<strong>date</strong>" in html
    assert "zadáno &#39;2026-02-30&#39;" in html
    assert (tmp_path / "err/theme/css/site.css").is_file()
    assert page.failed
    page.clear()
    assert not page.failed and not (tmp_path / "err").exists()
    en = BuildErrorPage(tmp_path / "err", ROOT / "theme", lang="en").show(["something broke"])
    assert "The build failed" in en.read_text(encoding="utf-8") and "something broke" in en.read_text(encoding="utf-8")


@pytest.mark.parametrize("path, page", [("", True), ("cs/", True), ("projects/x.html", True), ("cs/projekty", True),
                                        ("theme/css/site.css", False), ("images/a.1234-800.webp", False)])
def test_which_requests_get_the_error_page(path, page):
    assert _is_page(path) is page


@pytest.mark.browser
def test_livereload_shows_the_error_page_then_the_fixed_page(project_copy, browser):
    port = free_port()
    shutil.copy(ROOT / "tasks.py", project_copy / "tasks.py")
    env = author_env()
    server = subprocess.Popen([sys.executable, "-m", "invoke", "--search-root", str(project_copy), "livereload",
                               "--port", str(port)], cwd=project_copy, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, start_new_session=True, env=env)
    page = browser.new_page()
    output = ""
    try:
        wait_for_port(port)  # the first build, then the server starts
        page.goto(f"http://127.0.0.1:{port}/projects/hydrogen.html")
        page.wait_for_function(LIVERELOAD_CONNECTED, timeout=10_000)
        good_title = page.title()
        before = tree_digest(project_copy / "output")
        src = project_copy / "content/projects/en/hydrogen.md"
        save_edit(src, "date: 2026-11-27", "date: 2026-02-30")
        page.wait_for_function("() => document.title.includes('The build failed')", timeout=30_000)
        item = page.locator(".build-error__problems li").first.inner_text()
        line = 1 + src.read_text(encoding="utf-8").split("\n").index("date: 2026-02-30")
        assert f"projects/en/hydrogen.md:{line}" in item and "date" in item and "(2026-02 has no day 30)" in item
        assert page.locator("link[rel=stylesheet]").count() == 1
        assert tree_digest(project_copy / "output") == before  # the last good build, untouched
        page.wait_for_function(LIVERELOAD_CONNECTED, timeout=10_000)
        save_edit(src, "date: 2026-02-30", "date: 2026-11-27")
        page.wait_for_function(f"() => document.title === {good_title!r}", timeout=30_000)
        assert not (project_copy / "cache/build-error").exists()
    finally:
        page.close()
        os.killpg(server.pid, signal.SIGINT)  # Ctrl+C in the terminal: the whole process group
        try:
            output, _ = server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            output, _ = server.communicate()
    assert server.returncode == 0, output
    assert "Traceback" not in output and "KeyboardInterrupt" not in output, output
    assert output.rstrip().endswith("Stopped."), output
