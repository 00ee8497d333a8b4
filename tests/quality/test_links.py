"""Gate 2: every internal link, #fragment, image, stylesheet and script reference in the
publish build resolves (scripts/quality/linkcheck.py), with SITEURL on a sub-path.
External links are listed, not fetched: `uv run invoke check-external-links` does that."""

from __future__ import annotations

from .conftest import load_script

linkcheck = load_script("linkcheck")


def test_no_broken_internal_link_fragment_or_asset(published, gate, gates):
    report = linkcheck.check_site(published.root, published.siteurl)
    gate(len(report.problems), f"{report.checked} references on {report.pages} pages",
         f"{len(report.external)} external links, not fetched (uv run invoke check-external-links)")
    heaviest = max(report.weights.items(), key=lambda kv: kv[1][0])
    gates.line(f"heaviest page (static: HTML + what it loads): {heaviest[0]} "
                       f"{heaviest[1][0] / 1024:.1f} KiB in {heaviest[1][1]} requests")
    assert report.pages == len(published.pages) and report.checked > report.pages
    assert not report.problems, f"{len(report.problems)} broken:\n" + "\n".join(map(str, report.problems[:60]))


def _page(body: str, head: str = "") -> str:
    return f'<!doctype html><html lang="en"><head>{head}</head><body>{body}</body></html>'


def test_the_checker_finds_each_kind_of_break(tmp_path):
    """The checker itself: a small tree on a sub-path with one of each problem."""
    site = "https://example.org/usti"
    (tmp_path / "a").mkdir()
    (tmp_path / "theme").mkdir()
    (tmp_path / "theme/site.css").write_text("body{background:url(missing.png)} p{background:url('ok.svg')}")
    (tmp_path / "theme/ok.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    (tmp_path / "a/index.html").write_text(_page('<h1 id="top-of-a">A</h1>'))
    (tmp_path / "index.html").write_text(_page(
        '<a href="a/">ok</a> <a href="/usti/a/#top-of-a">ok</a> <a href="https://example.org/usti/a/">ok</a>'
        ' <a href="https://other.example/">external</a> <a href="mailto:x@example.org">mail</a>'
        ' <a href="#here" id="here">self</a>'
        ' <a href="a/#nope">bad fragment</a> <a href="b/">missing page</a> <a href="/elsewhere/">outside</a>'
        ' <a href="a">folder without slash</a> <img src="theme/missing.png" alt="">'
        ' <img srcset="theme/ok.svg 1x, theme/gone.svg 2x" alt=""> <a href="#">empty</a>',
        head='<link rel="stylesheet" href="theme/site.css"><script src="/usti/theme/none.js"></script>'))
    (tmp_path / "404.html").write_text(_page('<a href="a/">relative on 404</a> <a href="/usti/a/">ok</a>'))
    report = linkcheck.check_site(tmp_path, site)
    found = sorted((p.page, p.url) for p in report.problems)
    assert found == sorted([
        ("404.html", "a/"),
        ("index.html", "a/#nope"), ("index.html", "b/"), ("index.html", "/elsewhere/"), ("index.html", "a"),
        ("index.html", "theme/missing.png"), ("index.html", "theme/gone.svg"), ("index.html", "#"),
        ("index.html", "/usti/theme/none.js"), ("theme/site.css", "missing.png"),
    ]), report.problems
    assert set(report.external) == {"https://other.example/"}
