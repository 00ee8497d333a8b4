"""Everyday mistakes of a new author: each one is a problem `path:line: field: expected …, got …`,
in English and in Czech, with exit code 1 from `invoke check` and from the build, no traceback,
and output/ exactly as it was."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_build import tree_digest

from conftest import ROOT, build_copy
from icuk_site.authoring import check, new_content
from icuk_site.content import load_site, url_for
from icuk_site.content.values import YEAR_MAX


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The real project built once; each test works on a copy of it (output/ included)."""
    root = tmp_path_factory.mktemp("built")
    for name in ("content", "theme"):
        shutil.copytree(ROOT / name, root / name)
    (root / "content/images").mkdir(exist_ok=True)
    for name in ("pelicanconf.py", "publishconf.py", "tasks.py"):
        shutil.copy(ROOT / name, root / name)
    for lang in ("en", "cs"):  # the mistakes below are made in a project with years (the real one has none)
        path = root / f"content/projects/{lang}/hydrogen.md"
        text = path.read_text(encoding="utf-8")
        if "\nyears:" not in text:
            path.write_text(text.replace("\npartners:", "\nyears: {start: 2019}\npartners:", 1), encoding="utf-8")
    result = build_copy(root)
    assert result.ok, result.problems
    return root


@pytest.fixture
def project(built, tmp_path) -> Path:
    root = tmp_path / "p"
    shutil.copytree(built, root, symlinks=True)
    return root


def edit(project: Path, rel: str, old: str, new: str) -> None:
    path = project / "content" / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(project: Path, rel: str, start: str) -> int:
    lines = (project / "content" / rel).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith(start))


def run(project: Path, *cmd: str, lang: str = "C.UTF-8") -> subprocess.CompletedProcess:
    env = {**os.environ, "LANG": lang, "ICUK_CACHE": "0"}
    for name in ("ICUK_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        env.pop(name, None)
    return subprocess.run([sys.executable, *cmd], cwd=project, env=env, capture_output=True, text=True, timeout=300)


def assert_refused(project: Path, en: list[str], cs: list[str], settings: str = "pelicanconf.py") -> None:
    """`invoke check` (en, and cs by the locale) and the build refuse, naming the problems;
    no traceback; output/ unchanged. Each expected text is `where: field: …` — several parts
    separated by " … " must all be on one line of the report."""
    before = tree_digest(project / "output")
    out = run(project, "-m", "invoke", "check")
    assert out.returncode == 1, out.stdout + out.stderr
    out_cs = run(project, "-m", "invoke", "check", lang="cs_CZ.UTF-8")
    assert out_cs.returncode == 1
    build = run(project, "-m", "icuk_site.build", "--settings", settings, "--output", str(project / "output"))
    assert build.returncode == 1, build.stdout + build.stderr
    for proc in (out, out_cs, build):
        assert "Traceback" not in proc.stdout + proc.stderr, proc.stderr
    for expected, report, prefix in ((en, out.stderr, "content/"), (cs, out_cs.stderr, "content/"), (en, build.stderr, "  ")):
        for text in expected:
            parts = text.split(" … ")
            lines = [x.removeprefix(prefix) for x in report.splitlines()]
            parts[0] = parts[0].removeprefix("content/")
            assert any(x.startswith(parts[0]) and all(p in x for p in parts[1:]) for x in lines), \
                f"{text!r} not in:\n{report}"
    assert tree_digest(project / "output") == before


EN, CS = "projects/en/hydrogen.md", "projects/cs/hydrogen.md"


# ---- values ----------------------------------------------------------------------------------

@pytest.mark.parametrize("date, en, cs", [
    ("2026-02-30", "expected a date as YYYY-MM-DD, got '2026-02-30' (2026-02 has no day 30)",
     "očekáváno datum ve tvaru RRRR-MM-DD, zadáno '2026-02-30' (2026-02 nemá den 30)"),
    ("2026-13-01", "expected a date as YYYY-MM-DD, got '2026-13-01' (there is no month 13)",
     "očekáváno datum ve tvaru RRRR-MM-DD, zadáno '2026-13-01' (měsíc 13 neexistuje)"),
])
def test_impossible_date(project, date, en, cs):
    edit(project, EN, "date: 2026-11-27", f"date: {date}")
    line = line_of(project, EN, "date:")
    assert_refused(project, [f"content/{EN}:{line}: date: {en}"], [f"content/{EN}:{line}: date: {cs}"])


def test_year_far_in_the_future(project):
    edit(project, EN, "years: {start: 2019}", "years: {start: 2019, end: 2092}")
    line = line_of(project, EN, "years:")
    assert_refused(project, [f"content/{EN}:{line}: years: expected a four-digit year (1990–{YEAR_MAX}), got 2092 "
                             "(a typo? years more than 10 years ahead are not accepted)"],
                   [f"content/{EN}:{line}: years: očekáván čtyřmístný rok (1990–{YEAR_MAX}), zadáno 2092 "
                    "(překlep? roky víc než 10 let dopředu nejsou povolené)"])


def test_every_wrong_item_of_a_list_at_once(project):
    edit(project, EN, "partners: [usti-region, usti-city, icuk, ujep,", "partners: [usti-regon, usti-cty, icuk, ujepp,")
    line = line_of(project, EN, "partners:")
    assert_refused(project, [
        f"content/{EN}:{line}: partners: expected a partner ID from data/partners.yaml, got unknown partner "
        f"'{typo}' (did you mean '{right}'?)" for typo, right in (("usti-regon", "usti-region"), ("usti-cty", "usti-city"),
                                                               ("ujepp", "ujep"))
    ], [f"content/{EN}:{line}: partners: očekáváno ID partnera ze souboru data/partners.yaml, zadán neznámý partner "
        "'ujepp' (měli jste na mysli 'ujep'?)"])


def test_every_badly_written_item_of_a_list_at_once(project):
    edit(project, EN, "partners: [usti-region, usti-city, icuk, ujep,", "partners: [Usti Region, usti-cty, icuk, UJEP,")
    line = line_of(project, EN, "partners:")
    assert_refused(project, [
        f"content/{EN}:{line}: partners: expected a partner ID (lowercase, e.g. 'ujep'), got 'UJEP' "
        "(IDs are written in lowercase: 'ujep')",
        f"content/{EN}:{line}: partners: expected a partner ID (lowercase, e.g. 'ujep'), got 'Usti Region' "
        "(IDs are written in lowercase: 'usti-region')",
        # the well-written but unknown ID of the same list, in the same round
        f"content/{EN}:{line}: partners: expected a partner ID from data/partners.yaml, got unknown partner "
        "'usti-cty' (did you mean 'usti-city'?)",
    ], [f"content/{EN}:{line}: partners: očekáváno ID partnera (malými písmeny, např. 'ujep'), zadáno 'UJEP' "
        "(ID se píší malými písmeny: 'ujep')"])


def test_every_wrong_link_of_a_list_at_once(project):
    edit(project, EN, "\ndate:", "\nlinks:\n  - {label: A, url: 'ftp://a'}\n  - {label: B, url: 'www.b.cz'}\ndate:")
    a, b = line_of(project, EN, "  - {label: A"), line_of(project, EN, "  - {label: B")
    assert_refused(project, [f"content/{EN}:{a}: links: expected a URL starting with https:// or http://, got 'ftp://a'",
                             f"content/{EN}:{b}: links: expected a URL starting with https:// or http://, got 'www.b.cz'"],
                   [f"content/{EN}:{b}: links: očekávána adresa začínající https:// nebo http://, zadáno 'www.b.cz'"])


@pytest.mark.parametrize("field, old, new, en, cs", [
    ("phase", "phase: preparation", "phase: probíhá",
     "expected one of preparation, pilot, running, completed, got 'probíhá' (did you mean 'running'? 'Probíhá' is "
     "the Czech label; write the ID)",
     "očekávána jedna z hodnot preparation, pilot, running, completed, zadáno 'probíhá' (měli jste na mysli "
     "'running'? 'Probíhá' je český název; napište ID)"),
    ("phase", "phase: preparation", "phase: Running",
     "expected one of … got 'Running' (IDs are written in lowercase: 'running')",
     "očekávána jedna z hodnot … zadáno 'Running' (ID se píší malými písmeny: 'running')"),
    ("category", "category: infrastructure", "category: Inovace v infrastruktuře",
     "expected one of … (did you mean 'infrastructure'? 'Inovace v infrastruktuře' is the Czech label; write the ID)",
     "očekávána … (měli jste na mysli 'infrastructure'? 'Inovace v infrastruktuře' je český název; napište ID)"),
])
def test_czech_labels_and_capitals_as_values(project, field, old, new, en, cs):
    edit(project, EN, old, new)
    line = line_of(project, EN, f"{field}:")
    assert_refused(project, [f"content/{EN}:{line}: {field}: {en}"], [f"content/{EN}:{line}: {field}: {cs}"])


def test_czech_label_as_partner_kind(project):
    rel = "data/partners.yaml"
    edit(project, rel, "kind: company", "kind: firma")
    line = line_of(project, rel, "  kind: firma")
    assert_refused(project, [f"content/{rel}:{line}: … kind: expected one of … got 'firma' (did you mean 'company'? "
                             "'Firma' is the Czech label; write the ID)"],
                   [f"content/{rel}:{line}: … zadáno 'firma' (měli jste na mysli 'company'? 'Firma' je český název; "
                    "napište ID)"])


# ---- YAML ------------------------------------------------------------------------------------

@pytest.mark.parametrize("old, new, start, en, cs", [
    ("summary: Regionální partnerství", "summary: Vodík: Regionální partnerství", "summary:",
     "expected valid YAML, got a value with ': ' and no quotes",
     "očekáván platný YAML, zadána hodnota s ': ' bez uvozovek"),
    ("lang: cs", "lang:\tcs\n\tx: 1", "\tx", "expected valid YAML, got a tab (indent with spaces, never tabs)",
     "očekáván platný YAML, zadán tabulátor (odsazujte mezerami, nikdy tabulátory)"),
    ("years: {start: 2019}", "years:\n  start: 2019\n end: 2020", " end:",
     "expected valid YAML, got a line indented differently from the one above ('end: 2020')",
     "očekáván platný YAML, zadán řádek odsazený jinak než řádek nad ním"),
    ("title: Vodík jako zdroj čisté energie", "title: 'Vodík', 'čistá' energie", "title:",
     "expected valid YAML, got a quote inside a text in the same quotes",
     "očekáván platný YAML, zadána uvozovka uvnitř textu ve stejných uvozovkách"),
])
def test_yaml_mistakes_in_plain_words_at_the_right_line(project, old, new, start, en, cs):
    edit(project, CS, old, new)
    line = line_of(project, CS, start)
    assert_refused(project, [f"content/{CS}:{line}: front-matter: {en}"], [f"content/{CS}:{line}: front-matter: {cs}"])


def test_broken_partner_list_reports_itself_and_nothing_else(project):
    rel = "data/partners.yaml"
    edit(project, rel, "    en: Usti Region", "    en: Usti: Region")
    line = line_of(project, rel, "    en: Usti: Region")
    out = check(project / "content", lang="en")
    assert not out.ok
    assert out.lines == (f"content/{rel}:{line}: file: expected valid YAML, got a value with ': ' and no quotes "
                         "('en: Usti: Region'); put the value in double quotes: title: \"Hydrogen: the fuel\"",
                         "1 problem found.")
    assert_refused(project, [f"content/{rel}:{line}: file: expected valid YAML"], ["Nalezen 1 problém."])


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


# ---- the text --------------------------------------------------------------------------------

@pytest.mark.parametrize("link, en, cs", [
    ("[the hydrogen project](/projects/hydrogn.html)",
     "expected a link to a page the site makes, got '/projects/hydrogn.html', which leads to no page "
     "(did you mean '/projects/hydrogen.html'?)", "očekáván odkaz na stránku, kterou web vytváří, zadán "
     "odkaz '/projects/hydrogn.html', který nevede na žádnou stránku"),
    ("[smart](smart-citys.html)", "expected a link … got 'smart-citys.html', which leads to no page (did you mean "
     "'/projects/smart-cities.html'?)", "očekáván odkaz … zadán odkaz 'smart-citys.html'"),
    ("[about]({filename}/pages/en/about.md)",
     "expected a link to the page's address, got '{filename}/pages/en/about.md' (write /about.html instead: this "
     "site does not use Pelican's {filename} links)", "očekáván odkaz na adresu stránky … (napište místo toho /about.html"),
    ("[x](../cs/projekty/nowhere.html)", "expected a link … got '../cs/projekty/nowhere.html', which leads to no page",
     "očekáván odkaz … '../cs/projekty/nowhere.html'"),
])
def test_link_to_a_page_that_does_not_exist(project, link, en, cs):
    edit(project, EN, "\n## ", f"\nSee {link}.\n\n## ")
    line = line_of(project, EN, "See ")
    assert_refused(project, [f"content/{EN}:{line}: text: {en}"], [f"content/{EN}:{line}: text: {cs}"])


def test_links_to_pages_that_exist_are_fine(project):
    about_cs = "/" + load_site(project / "content").get("page", "about", "cs").url  # its Czech address
    edit(project, EN, "\n## ", f"\nSee [smart cities](smart-cities.html), [o nás]({about_cs}), [home](/), "
         "[projects](../projects/), [site](https://example.org/x.html), [top](#top) and `[code](/nowhere.html)`.\n\n## ")
    assert check(project / "content").ok


def test_link_with_the_other_languages_slug_is_told_the_address(project):
    """A Czech page linked under its English slug (the twin's): the problem gives the Czech address."""
    site = load_site(project / "content")
    hydrogen_cs, about_cs = site.get("project", "hydrogen", "cs"), site.get("page", "about", "cs")
    assert hydrogen_cs.slug != "hydrogen" and about_cs.slug != "about"
    wrong = "/" + url_for("project", "cs", slug="hydrogen")
    edit(project, CS, "\n## ", f"\nViz [vodík]({wrong}).\n\n## ")
    line = line_of(project, CS, "Viz ")
    assert_refused(project, [f"content/{CS}:{line}: text: expected a link to a page the site makes, got {wrong!r}, which "
                             f"leads to no page (did you mean '/{hydrogen_cs.url}'?)"],
                   [f"content/{CS}:{line}: text: očekáván odkaz … (měli jste na mysli '/{hydrogen_cs.url}'?)"])


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
