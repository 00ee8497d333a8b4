"""Everyday mistakes of a new author in one field or one line — values, YAML, links in the text:
each one is a problem `path:line: field: expected …, got …`, in English and in Czech, with exit
code 1 from `invoke check` and from the build, no traceback, and output/ exactly as it was
(tests/mistakes.py). Mistakes across files, twins, services and news: test_mistakes_files.py."""

from __future__ import annotations

import re

import pytest
from mistakes import CS, EN, assert_refused, edit, forked, line_of, refusing_commands, run

from icuk_site.authoring import check
from icuk_site.content import load_site, url_for
from icuk_site.content.values import YEAR_MAX


def test_forked_commands_say_what_the_real_ones_say(project):
    """The real `python -m invoke check` (en, cs) and `python -m icuk_site.build`, end to end, each
    in a new interpreter: the forked commands of assert_refused say exactly the same."""
    edit(project, EN, "date: 2026-11-27", "date: 2026-02-30")
    commands = refusing_commands(project)
    real = [run(project, *cmd.args, lang=cmd.env["LANG"]) for cmd in commands]
    assert [x.returncode for x in real] == [1, 1, 1]
    assert "očekáváno datum" in real[1].stderr and "expected a date" in real[2].stderr
    def said(proc):  # Pelican's log lines start with the time of day
        return proc.returncode, *(re.sub(r"^\[\d\d:\d\d:\d\d\]", "[time]", x, flags=re.M) for x in (proc.stdout, proc.stderr))

    for fork, proc in zip(forked().run(*commands), real, strict=True):
        assert said(fork) == said(proc)


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
