"""Everyday mistakes of a new author across files — twins that disagree or are missing, file names,
TODO placeholders — and in services and news items; and what is only a warning. Each mistake is
a problem `path:line: field: expected …, got …`, in English and in Czech, with exit code 1 from
`invoke check` and from the build, no traceback, and output/ exactly as it was (tests/mistakes.py)."""

from __future__ import annotations

import shutil

import pytest
from mistakes import CS, EN, assert_refused, edit, line_of, run

from conftest import build_copy
from icuk_site.authoring import check, new_content
from icuk_site.content import load_site

# ---- across files ----------------------------------------------------------------------------

def test_todo_placeholders_stop_check_and_publish_not_the_preview(project):
    new_content(project / "content", "project", "Hydrogen valley", date="2026-12-01")
    rel = "projects/en/hydrogen-valley.md"
    line = line_of(project, rel, "summary:")
    out = check(project / "content", lang="en")
    assert not out.ok
    assert (f"content/{rel}:{line}: summary: expected your own text, got the placeholder 'TODO: one sentence about "
            "the project, shown on project card…' (replace every TODO)") in out.lines
    assert any(x.startswith("content/projects/cs/hydrogen-valley.md:") and ": text: expected your own text" in x
               for x in out.lines)
    cs = check(project / "content", lang="cs")
    assert any(": summary: očekáván váš vlastní text, zadán zástupný text 'TODO:" in x for x in cs.lines), cs.lines
    assert_refused(project, [f"content/{rel}:{line}: summary: expected your own text"], [], settings="publishconf.py")
    dev = run(project, "-m", "icuk_site.build", "--output", str(project / "output"))
    assert dev.returncode == 0 and "warning: " in dev.stderr and "placeholder" in dev.stderr


@pytest.mark.parametrize("field, old, new, en, cs", [
    ("category", "category: infrastructure", "category: education",
     "expected the same category as the English version projects/en/hydrogen.md ('infrastructure'), got 'education'",
     "očekávána stejná hodnota category jako v anglické verzi projects/en/hydrogen.md ('infrastructure'), "
     "zadáno 'education'"),
    ("phase", "phase: preparation", "phase: pilot",
     "expected the same phase as the English version projects/en/hydrogen.md ('preparation'), got 'pilot'",
     "očekávána stejná hodnota phase … zadáno 'pilot'"),
    ("partners", ", unicre]", "]", "expected the same partners as the English version projects/en/hydrogen.md",
     "očekávána stejná hodnota partners jako v anglické verzi"),
    ("years", "years: {start: 2019}", "years: {start: 2018}",
     "expected the same years as the English version projects/en/hydrogen.md ({start: 2019}), got {start: 2018}",
     "očekávána stejná hodnota years … zadáno {start: 2018}"),
])
def test_twins_that_disagree(project, field, old, new, en, cs):
    edit(project, CS, old, new)
    line = line_of(project, CS, f"{field}:")
    assert_refused(project, [f"content/{CS}:{line}: {field}: {en}"], [f"content/{CS}:{line}: {field}: {cs}"])

# ---- twins: paired by file name ----------------------------------------------------------------

def test_czech_file_named_after_its_czech_slug(project):
    """The Czech twin saved as vodik.md: both files are told, each naming the other."""
    cs_slug = load_site(project / "content").get("project", "hydrogen", "cs").slug
    (project / "content" / CS).rename(project / "content/projects/cs" / f"{cs_slug}.md")
    renamed = f"projects/cs/{cs_slug}.md"
    assert_refused(project, [
        f"content/{EN}:1: file: expected the Czech twin {CS} (a file of the same name in the Czech folder), got none "
        f"(without an English twin in the Czech folder: {renamed}; if one of them is the twin, rename it hydrogen.md)",
        f"content/{renamed}:1: file: expected the English twin projects/en/{cs_slug}.md … rename it {cs_slug}.md",
    ], [f"content/{EN}:1: file: očekávána česká verze {CS} (soubor stejného názvu v české složce), chybí (bez anglické "
        f"verze je v české složce: {renamed}; je-li některý z nich touto verzí, přejmenujte ho na hydrogen.md)"])


def test_two_czech_files_with_one_slug(project):
    site = load_site(project / "content")
    cs_slug, own = site.get("project", "hydrogen", "cs").slug, site.get("project", "smart-cities", "cs").slug
    other = "projects/cs/smart-cities.md"
    edit(project, other, f"\nslug: {own}\n", f"\nslug: {cs_slug}\n")
    line = line_of(project, other, "slug:")
    assert_refused(project, [f"content/{other}:{line}: slug: expected a slug no other file in projects/cs/ uses (two "
                             f"pages would get one address), got {cs_slug!r} (also in {CS})"],
                   [f"content/{other}:{line}: slug: očekáván slug, který nepoužívá žádný jiný soubor ve složce "
                    f"projects/cs/ (dvě stránky by měly stejnou adresu), zadáno {cs_slug!r} (také v {CS})"])


def test_a_twin_missing(project):
    (project / "content/pages/cs/region.md").unlink()
    assert_refused(project, ["content/pages/en/region.md:1: file: expected the Czech twin pages/cs/region.md (a file of "
                             "the same name in the Czech folder), got none"],
                   ["content/pages/en/region.md:1: file: očekávána česká verze pages/cs/region.md"])


def test_two_files_claiming_one_key(project):
    (project / "content/projects/cs/archive").mkdir()
    shutil.copy(project / "content" / CS, project / "content/projects/cs/archive/hydrogen.md")
    edit(project, "projects/cs/archive/hydrogen.md", "\nslug: ", "\nslug: archiv-")
    assert_refused(project, ["content/projects/cs/hydrogen.md:1: file: expected one file named hydrogen.md in projects/cs/ "
                             "(the name pairs it with its twin), got another (also projects/cs/archive/hydrogen.md)"],
                   ["content/projects/cs/hydrogen.md:1: file: očekáván jediný soubor s názvem hydrogen.md ve složce "
                    "projects/cs/ (název páruje jazykové verze), zadán další (také projects/cs/archive/hydrogen.md)"])


def test_file_name_that_is_no_key(project):
    for lang in ("en", "cs"):
        (project / "content" / f"projects/{lang}/hydrogen.md").rename(project / "content" / f"projects/{lang}/Vodík.md")
    assert_refused(project, ["content/projects/en/Vodík.md:1: file: expected a file name of lowercase letters, digits and "
                             "hyphens (it is the document's ID and pairs it with its twin), got 'Vodík.md'"],
                   ["content/projects/cs/Vodík.md:1: file: očekáván název souboru z malých písmen, číslic a spojovníků"])


@pytest.mark.parametrize("html, tag", [("<script src=\"https://x.org/a.js\"></script>", "script"),
                                       ("<iframe src=\"https://www.youtube.com/embed/x\"></iframe>", "iframe")])
def test_raw_script_or_iframe_in_the_text(project, html, tag):
    edit(project, EN, "\n## ", f"\n{html}\n\n## ")
    line = line_of(project, EN, html[:8])
    assert_refused(project, [f"content/{EN}:{line}: text: expected Markdown text, got an HTML element <{tag}> (the site's "
                             "security policy blocks it in the browser; link to the page or video instead)"],
                   [f"content/{EN}:{line}: text: očekáván text v Markdownu, zadán prvek <{tag}>"])


# ---- warnings --------------------------------------------------------------------------------

def test_unused_picture_is_a_warning_and_not_published(project):
    from PIL import Image

    Image.new("RGB", (40, 30), "red").save(project / "content/images/unused.jpg", "JPEG")
    out = check(project / "content", lang="en")
    assert out.ok
    assert out.lines[0].startswith("content/images/unused.jpg: image: expected a picture a page uses (image: "
                                   "unused.jpg), got a picture no page uses (0.0 MB); it is not published")
    assert out.lines[0].endswith("(warning)")
    assert check(project / "content", lang="cs").lines[0].endswith("(upozornění)")
    result = build_copy(project)
    assert result.ok
    assert not list((project / "output/images").glob("unused*")) if (project / "output/images").exists() else True


def test_deleted_projects_picture_is_not_published(project):
    from PIL import Image

    Image.new("RGB", (600, 400), "blue").save(project / "content/images/h2.jpg", "JPEG")
    for rel in (EN, CS):
        edit(project, rel, "\ndate:", "\nimage: h2.jpg\nimage_alt: A picture\ndate:")
    assert build_copy(project, CACHE_CONTENT=True, LOAD_CONTENT_CACHE=True, CACHE_PATH=str(project / "cache")).ok
    assert list((project / "output/images").glob("h2.*"))
    assert not (project / "output/images/h2.jpg").exists()  # only the versions the page uses
    for rel in (EN, CS):
        (project / "content" / rel).unlink()
    for named in (project / "content/news").rglob("*.md"):  # the news items that name it name it no more
        text = named.read_text(encoding="utf-8")
        named.write_text(text.replace("projects: [hydrogen]\n", "").replace("projects: [hydrogen, ", "projects: ["),
                         encoding="utf-8")
    out = check(project / "content")
    assert out.ok and "content/images/h2.jpg: image:" in out.lines[0]
    assert build_copy(project, CACHE_CONTENT=True, LOAD_CONTENT_CACHE=True, CACHE_PATH=str(project / "cache")).ok
    assert not list((project / "output/images").glob("h2*")) if (project / "output/images").exists() else True


def test_two_pages_in_one_navigation_place_is_a_warning(project):
    edit(project, "pages/en/region.md", "nav_order: 2", "nav_order: 3")
    out = check(project / "content", lang="en")
    assert out.ok
    line = line_of(project, "pages/en/region.md", "nav_order:")
    assert (f"content/pages/en/region.md:{line}: nav_order: expected a place in the navigation no other page takes, "
            "got 3 (also in pages/en/about.md); the order of the two is left to chance (warning)") in out.lines


# ---- more slips of the same kind (found by trying) -------------------------------------------

@pytest.mark.parametrize("rel, old, new, expected", [
    (EN, "date: 2026-11-27", "date: 2026-11-27\n[a, b]: c", ": ?: expected a field name, got a list or mapping"),
    (EN, "date: 2026-11-27", "date: 2026-1-5",
     ": date: expected a date as YYYY-MM-DD (two digits for the month and the day: 2026-01-05), got '2026-1-5'"),
    (EN, "years: {start: 2019}", "years: {start: 2019, end: 2021-05-01}",
     ": years: expected a four-digit year (1990–"),
    ("data/partners.yaml", "icuk:", "[icuk]:", ": file: expected a partner ID, got a list or mapping"),
    (EN, "\n## ", "\n![photo](/images/station.jpg)\n\n## ",
     ": text: expected a page of the site, got a link to a picture '/images/station.jpg'"),
])
def test_other_slips_are_problems_not_tracebacks(project, rel, old, new, expected):
    edit(project, rel, old, new)
    for lang in ("en", "cs"):
        result = check(project / "content", lang=lang)
        assert not result.ok
        if lang == "en":
            assert any(x.startswith(f"content/{rel}:") and expected in x for x in result.lines), result.lines


# ---- services (content/services/<lang>/…) -----------------------------------------------------

SV, SV_CS = "services/en/innovation-vouchers.md", "services/cs/innovation-vouchers.md"


def test_unknown_audience_is_refused_with_the_id_to_write(project):
    edit(project, SV, "audience: [companies]", "audience: [firms, Školy]")
    line = line_of(project, SV, "audience:")
    assert_refused(project, [
        f"content/{SV}:{line}: audience: expected one of companies, schools, region, got 'firms'",
        f"content/{SV}:{line}: audience: expected one of companies, schools, region, got 'Školy' (did you mean "
        "'schools'? 'Školy a mladí lidé' is the Czech label; write the ID)",
    ], [f"content/{SV}:{line}: audience: očekávána jedna z hodnot companies, schools, region, zadáno 'firms'"])


@pytest.mark.parametrize("rel, old, new, start, expected", [
    (SV, "closes: 2020-05-31}", "closes: 2020-03-31}", "  - {name: Sixth",
     "calls.closes: expected the closing date on or after the opening date 2020-04-21, got 2020-03-31"),
    (SV, "opens: 2017-01-20", "opens: 2017-02-30", "  - {name: Third",
     "calls.opens: expected a date as YYYY-MM-DD, got '2017-02-30' (2017-02 has no day 30)"),
    (SV, ", closes: 2017-02-26}", "}", "  - {name: Third",
     "calls.closes: expected the call's closes date (YYYY-MM-DD), got none"),
    (SV, "name: Sixth call (2020), ", "name: Sixth call (2020), status: open, ", "  - {name: Sixth",
     "calls: expected only the keys name, opens, closes, got status"),
    ("services/en/innovative-firm-competition.md", "projects: [smart-ii-ur]", "projects: [smart-ii, hydrogen]",
     "projects:", "projects: expected the ID of a project (its file name in content/projects/en/), got unknown project 'smart-ii' "
     "(did you mean 'smart-ii-ur'?)"),
    (SV, "audience: [companies]", "audiences: [companies]", "audiences:",
     "audiences: expected a service field (title, slug, lang, summary, audience, years, calls, projects, date, "
     "modified, links), got unknown field 'audiences' (did you mean 'audience'?)"),
    (SV_CS, "closes: 2020-05-31}", "closes: 2020-06-30}", "calls:",
     "calls: expected the same calls as the English version services/en/innovation-vouchers.md ([{opens: 2017-01-20, "
     "closes: 2017-02-26}, {opens: 2020-04-21, closes: 2020-05-31}]), got [{opens: 2017-01-20, closes: 2017-02-26}, "
     "{opens: 2020-04-21, closes: 2020-06-30}]"),
])
def test_service_mistakes_are_problems_at_their_line(project, rel, old, new, start, expected):
    edit(project, rel, old, new)
    line = line_of(project, rel, start)
    for lang in ("en", "cs"):
        result = check(project / "content", lang=lang)
        assert not result.ok
        if lang == "en":
            assert f"content/{rel}:{line}: {expected}" in result.lines, "\n".join(result.lines)
        else:
            assert any(x.startswith(f"content/{rel}:{line}: ") and "očekáv" in x for x in result.lines), result.lines


def test_service_without_its_twin_is_refused(project):
    (project / "content/services/cs/digilab.md").unlink()
    assert_refused(project, ["content/services/en/digilab.md:1: file: expected the Czech twin services/cs/digilab.md (a "
                             "file of the same name in the Czech folder), got none"],
                   ["content/services/en/digilab.md:1: file: očekávána česká verze services/cs/digilab.md"])


# ---- news items ------------------------------------------------------------------------------

NEWS_EN, NEWS_CS = "news/en/hydrogen-memorandum.md", "news/cs/hydrogen-memorandum.md"
MONTH_EN = "news/en/icuk-founded.md"


@pytest.mark.parametrize("rel, old, new, start, en, cs", [
    (NEWS_EN, "date: 2019-11-19", "date: 2019-11-31", "date:",
     "date: expected a date as YYYY-MM-DD, got '2019-11-31' (2019-11 has no day 31)",
     "date: očekáváno datum ve tvaru RRRR-MM-DD, zadáno '2019-11-31' (2019-11 nemá den 31)"),
    (MONTH_EN, "date: 2015-11-01", "date: 2015-11-15", "date:",
     "date: expected the 1st of the month with date_precision: month (2015-11-01), got 2015-11-15",
     "date: očekáván 1. den měsíce, když je date_precision: month (2015-11-01), zadáno 2015-11-15"),
    (MONTH_EN, "date_precision: month", "date_precision: week", "date_precision:",
     "date_precision: expected one of day, month, got 'week'",
     "date_precision: očekávána jedna z hodnot day, month, zadáno 'week'"),
    (NEWS_EN, "projects: [hydrogen]", "projects: [hydrogn]", "projects:",
     "projects: expected the ID of a project (its file name in content/projects/en/), got unknown project "
     "'hydrogn' (did you mean 'hydrogen'?)",
     "projects: očekáváno ID projektu (název jeho souboru v content/projects/en/), zadán neznámý projekt 'hydrogn' "
     "(měli jste na mysli 'hydrogen'?)"),
    (NEWS_EN, "projects: [hydrogen]", "projects: [hydrogen, hydrogen]", "projects:",
     "projects: expected each project once, got 'hydrogen' twice",
     "projects: očekáván každý projekt jednou, zadáno 'hydrogen' dvakrát"),
    (NEWS_EN, "partners: [usti-region, czechinvest, unicre]", "partners: [usti-region, czechinvst, unicre]", "partners:",
     "partners: expected a partner ID from data/partners.yaml, got unknown partner 'czechinvst' "
     "(did you mean 'czechinvest'?)",
     "partners: očekáváno ID partnera ze souboru data/partners.yaml, zadán neznámý partner 'czechinvst'"),
    (NEWS_CS, "date: 2019-11-19", "date: 2019-11-20", "date:",
     "date: expected the same date as the English version news/en/hydrogen-memorandum.md (2019-11-19), got 2019-11-20",
     "date: očekávána stejná hodnota date jako v anglické verzi news/en/hydrogen-memorandum.md (2019-11-19), "
     "zadáno 2019-11-20"),
    ("news/en/digilab-first-year.md", "services: [digilab]", "services: [digilb]", "services:",
     "services: expected the ID of a service (its file name in content/services/en/), got unknown service 'digilb' "
     "(did you mean 'digilab'?)",
     "services: očekáváno ID služby (název jejího souboru v content/services/en/), zadána neznámá služba 'digilb'"),
    (NEWS_EN, "sources:", "source:", "source:",
     "source: expected a news field (title, slug, lang, date, date_precision, summary, projects, services, partners, image, "
     "image_alt, sources, modified), got unknown field 'source' (did you mean 'sources'?)",
     "source: očekáváno pole aktuality (title, slug … zadáno neznámé pole 'source' (měli jste na mysli 'sources'?)"),
])
def test_news_mistakes(project, rel, old, new, start, en, cs):
    edit(project, rel, old, new)
    line = line_of(project, rel, start)
    assert_refused(project, [f"content/{rel}:{line}: {en}"], [f"content/{rel}:{line}: {cs}"])


def test_news_item_without_summary_or_twin(project):
    text = (project / "content" / NEWS_EN).read_text(encoding="utf-8")
    summary = next(x for x in text.splitlines() if x.startswith("summary:"))
    edit(project, NEWS_EN, summary + "\n", "")
    (project / "content/news/cs/digit-me.md").unlink()
    assert_refused(project, [
        f"content/{NEWS_EN}: summary: expected a summary (one sentence, at most 300 characters), got none",
        "content/news/en/digit-me.md:1: file: expected the Czech twin news/cs/digit-me.md (a file of the same name "
        "in the Czech folder), got none",
    ], [
        f"content/{NEWS_EN}: summary: očekáváno pole summary (jedna věta, nejvýše 300 znaků), chybí",
        "content/news/en/digit-me.md:1: file: očekávána česká verze news/cs/digit-me.md",
    ])
