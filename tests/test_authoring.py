"""Authoring: `invoke new-project` / `new-page` make files that pass validation and build,
`invoke check` reports every kind of problem as path:line: field, the docs tables follow the
model, and `invoke livereload` watches everything a build depends on."""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import re
import shutil
import signal
import subprocess
import sys
import time

import forkrun
import pytest

from conftest import LIVERELOAD_CONNECTED, ROOT, build_copy, free_port, save_edit, wait_for_port
from icuk_site import authoring
from icuk_site import content as model
from icuk_site.authoring import AuthoringError, check, new_content, slugify


def invoke(project, *args: str, real: bool = False) -> subprocess.CompletedProcess:
    """Run a task of the project's tasks.py, copied into `project` (so ROOT is the copy):
    `python -m invoke …` forked from the warm server of tests/forkrun.py, or with `real` in a
    new interpreter."""
    shutil.copy(ROOT / "tasks.py", project / "tasks.py")
    cmd = ["-m", "invoke", "--search-root", str(project), *args]
    if real:
        return subprocess.run([sys.executable, *cmd], cwd=project, capture_output=True, text=True, timeout=120)
    return forkrun.shared().run(forkrun.Command(cmd, project, dict(os.environ)))[0]


# ---- slugs -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("title", "slug"), [
    ("Hydrogen valley", "hydrogen-valley"),
    ("Vodíkové údolí", "vodikove-udoli"),
    ("Příliš žluťoučký kůň úpěl ďábelské ódy", "prilis-zlutoucky-kun-upel-dabelske-ody"),
    ("ČVUT & UJEP: 5G – testování", "cvut-ujep-5g-testovani"),
    ("  --Smart   Cities--  ", "smart-cities"),
])
def test_slug_folds_czech_diacritics(title, slug):
    assert slugify(title) == slug
    assert model.SLUG_RE.match(slug)


def test_long_titles_are_cut_at_a_word():
    slug = slugify("Innovation " * 12)
    assert len(slug) <= authoring.SLUG_MAX and slug.endswith("innovation") and model.SLUG_RE.match(slug)


# ---- new files -------------------------------------------------------------------------------

def test_new_news_item_passes_validation_builds_and_leads_the_index(project_copy):
    """`invoke new-news`: both files validate as made, the date is the item's own, the scaffold
    offers every news field, and the new item (dated after every other) comes first in the index."""
    out = invoke(project_copy, "new-news", "DigiLab opens its doors", "--title-cs", "DigiLab otevírá",
                 "--date", "2026-11-30", real=True)  # one task end to end in a new interpreter
    assert out.returncode == 0, out.stdout + out.stderr
    content = project_copy / "content"
    text = (content / "news/cs/digilab-opens-its-doors.md").read_text(encoding="utf-8")
    assert text.startswith("---\n# Nová aktualita, vytvořená příkazem `invoke new-news`.")
    for spec in model.NEWS_FIELDS:
        assert f"\n{spec.name}: " in text or f"\n# {spec.name}: " in text, spec.name
    site = model.load_site(content)
    en, cs = (site.get("news", "digilab-opens-its-doors", lang) for lang in ("en", "cs"))
    assert (en.title, cs.title, en.date, cs.date_precision) == ("DigiLab opens its doors", "DigiLab otevírá",
                                                                dt.date(2026, 11, 30), "day")
    assert site.news("cs")[0] is cs
    result = build_copy(project_copy)
    assert result.ok, result.problems
    index = (project_copy / "output" / model.url_for("news_index", "cs") / "index.html").read_text(encoding="utf-8")
    assert index.index(cs.url) < index.index(site.news("cs")[1].url)
    assert invoke(project_copy, "new-news", "DigiLab opens its doors").returncode != 0  # never overwrites


def test_new_project_and_page_pass_validation_and_build(project_copy):
    """Through the real tasks: the files validate as generated and the site builds with them."""
    out = invoke(project_copy, "new-project", "Vodíkové údolí: test", "--category", "education",
                 "--title-cs", "Vodíkové údolí", "--date", "2026-12-01")
    assert out.returncode == 0, out.stdout + out.stderr
    out = invoke(project_copy, "new-page", "Our team", "--title-cs", "Náš tým")
    assert out.returncode == 0, out.stdout + out.stderr
    content = project_copy / "content"
    for kind, slug in (("projects", "vodikove-udoli-test"), ("pages", "our-team")):
        for lang in model.LANGS:
            assert (content / kind / lang / f"{slug}.md").is_file()

    site = model.load_site(content)  # no ContentError
    en = site.get("project", "vodikove-udoli-test", "en")
    cs = site.get("project", "vodikove-udoli-test", "cs")
    assert (en.title, cs.title) == ("Vodíkové údolí: test", "Vodíkové údolí")
    assert (en.category, en.phase, en.partners, en.date) == ("education", "preparation", ("icuk",), dt.date(2026, 12, 1))
    assert site.get("page", "our-team", "cs").title == "Náš tým"
    assert site.get("page", "our-team", "en").date == dt.date.today()

    result = build_copy(project_copy)
    assert result.ok, result.problems
    assert (cs.slug, site.get("page", "our-team", "cs").slug) == ("vodikove-udoli", "nas-tym")  # from the Czech titles
    html = (project_copy / "output/cs/projekty/vodikove-udoli.html").read_text(encoding="utf-8")
    assert "Vodíkové údolí" in html and "TODO" in html
    assert (project_copy / "output/our-team.html").is_file()
    assert (project_copy / "output/cs/nas-tym.html").is_file()
    assert not (project_copy / "output/cs/our-team.html").exists()


@pytest.mark.parametrize("kind", ["project", "page"])
@pytest.mark.parametrize("lang", model.LANGS)
def test_new_files_name_every_field_with_a_note(tmp_path, kind, lang):
    new_content(tmp_path, kind, "Demo")
    text = (tmp_path / model.KIND_DIRS[kind] / lang / "demo.md").read_text(encoding="utf-8")
    front = text.split("---\n")[1]
    for spec in model.FIELDS_BY_KIND[kind]:
        line = re.search(rf"^(# )?{spec.name}: .+$", front, re.M)
        assert line, f"{spec.name} missing"
        assert line.group(1) is None or not spec.required, f"required {spec.name} is commented out"
        note = front[: line.start()].rstrip("\n").rsplit("\n", 1)[-1]
        assert note.startswith("# ") and authoring.field_description(spec, lang) in note


def test_czech_scaffold_is_czech_and_has_its_own_slug(tmp_path):
    made = new_content(tmp_path, "project", "Hydrogen valley", title_cs="Vodíkové údolí")
    assert [p.name for p in made.paths] == ["hydrogen-valley.md", "hydrogen-valley.md"]  # one key
    assert made.slugs == {"en": "hydrogen-valley", "cs": "vodikove-udoli"}
    en, cs = (p.read_text(encoding="utf-8") for p in made.paths)
    assert "\nslug: vodikove-udoli\n" in cs and "\nslug: hydrogen-valley\n" in en
    for spec in model.PROJECT_FIELDS:
        if not spec.required:
            assert f"# {spec.name}: {spec.example_in('cs')}\n" in cs, spec.name
            assert f"# {spec.name}: {spec.example}\n" in en, spec.name
    assert "# image_alt: Vodíková čerpací stanice v Ústí nad Labem" in cs and "A hydrogen filling station" not in cs
    assert "Anglická verze je soubor stejného názvu" in cs and "Czech version is the file of the same name" in en
    english_notes = [line for line in cs.splitlines() if line.startswith("# ") and re.search(r"\b(the|of|and|optional)\b", line)]
    assert english_notes == [], english_notes
    site = model.load_site(_with_partners(tmp_path))
    assert site.get("project", "hydrogen-valley", "cs").url == "cs/projekty/vodikove-udoli.html"


def _with_partners(root):
    (root / "data").mkdir(exist_ok=True)
    shutil.copy(ROOT / "content/data/partners.yaml", root / "data/partners.yaml")
    return root


def test_czech_slug_may_be_chosen_and_is_checked(tmp_path):
    made = new_content(tmp_path, "page", "Our team", slug_cs="tym")
    assert made.slugs == {"en": "our-team", "cs": "tym"}
    with pytest.raises(AuthoringError, match="pass another --slug-cs"):
        new_content(tmp_path, "page", "People", slug_cs="projekty")  # the Czech projects folder
    with pytest.raises(AuthoringError, match="slug"):
        new_content(tmp_path, "page", "People", slug_cs="Tým")


def test_new_refuses_to_overwrite(tmp_path):
    made = new_content(tmp_path, "project", "Demo")
    before = [p.read_bytes() for p in made.paths]
    with pytest.raises(AuthoringError, match="already exists"):
        new_content(tmp_path, "project", "Demo", title_cs="Ukázka")
    made.paths[0].unlink()  # one of the pair left: still refused, nothing written
    with pytest.raises(AuthoringError, match="already exists"):
        new_content(tmp_path, "project", "Demo")
    assert not made.paths[0].exists() and made.paths[1].read_bytes() == before[1]


@pytest.mark.parametrize(("kind", "title", "options", "message"), [
    ("project", "Demo", {"category": "educaton"}, "did you mean 'education'"),
    ("project", "Demo", {"date": "27.11.2026"}, "YYYY-MM-DD"),
    ("project", "–––", {}, "slug"),
    ("project", "Demo " * 40, {}, "title: expected at most 150 characters"),
    ("project", "Demo", {"title_cs": " "}, "title: expected a line of text"),
    ("project", "Demo", {"slug": "Not A Slug"}, "slug"),
    ("page", "Projects", {}, "its own paths"),
    ("page", "Index", {}, "its own paths"),  # index.html is the home page
    ("project", "Index", {}, "its own paths"),  # projects/index.html is the projects index
    ("page", "Demo", {"category": "education"}, "no category"),
])
def test_new_refuses_bad_requests(tmp_path, kind, title, options, message):
    with pytest.raises(AuthoringError, match=re.escape(message)):
        new_content(tmp_path, kind, title, **options)
    assert not any(tmp_path.rglob("*.md"))


def test_task_reports_refusal(project_copy):
    out = invoke(project_copy, "new-project", "Hydrogen")  # content/projects/*/hydrogen.md exist
    assert out.returncode == 1 and "already exists" in out.stderr


# ---- invoke check ----------------------------------------------------------------------------

def test_check_is_ok_on_the_real_content_and_fast():
    """Strict, as the commit hook runs it: no problem and no warning (spelling included). Most of
    the time is Hunspell reading its two dictionaries: ~1.5 s in all on an idle machine, 3–7 s on
    this round's shared two cores; Hunspell's suggestions for every unknown word would take 30 s."""
    start = time.perf_counter()
    result = check(ROOT / "content", strict=True)
    seconds = time.perf_counter() - start
    assert result.ok, str(result)
    assert re.fullmatch(r"OK: \d+ projects, \d+ news items, \d+ services, \d+ pages, \d+ partners", result.lines[-1])
    # the only warnings: EU fundings whose number no source gives (tests/test_funding.py)
    assert all(": funding.number: " in x and x.endswith("(warning)") for x in result.lines[:-1]), str(result)
    assert seconds < 10, f"check took {seconds:.2f} s"


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path, start: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith(start))


def test_check_prints_every_kind_of_problem_with_path_line_and_field(project_copy):
    c = project_copy / "content"
    en, cs = c / "projects/en/hydrogen.md", c / "projects/cs/hydrogen.md"
    edit(en, "phase: preparation", "phase: runing")                      # a value not allowed
    edit(en, "\ndate:", "\nsumary: typo\ndate:")                          # an unknown field
    edit(cs, "partners: [usti-region,", "partners: [usti-regoin,")        # an unknown partner
    edit(c / "projects/en/smart-cities.md", "title:", "title: [broken\nx:")  # invalid YAML
    (c / "projects/cs/stages-method.md").unlink()                         # a missing twin
    edit(c / "data/partners.yaml", "kind: university", "kind: universty")   # a bad partner entry
    edit(c / "pages/en/about.md", "nav_order: 3", "nav_order: 300")       # a page field
    edit(c / "projects/en/open-data-platform.md", "\ndate:", "\nimage_alt: A picture\ndate:")  # alt without image
    expected = [
        (f"content/projects/en/hydrogen.md:{line_of(en, 'phase:')}", "phase", "expected one of"),
        (f"content/projects/en/hydrogen.md:{line_of(en, 'sumary:')}", "sumary", "unknown field 'sumary' (did you mean 'summary'?)"),
        (f"content/projects/cs/hydrogen.md:{line_of(cs, 'partners:')}", "partners", "unknown partner 'usti-regoin'"),
        ("content/projects/en/smart-cities.md:", "front-matter", "expected valid YAML"),
        ("content/projects/en/stages-method.md:1", "file", "expected the Czech twin projects/cs/stages-method.md"),
        (f"content/data/partners.yaml:{line_of(c / 'data/partners.yaml', '  kind: universty')}", "", "kind: expected one of"),
        (f"content/pages/en/about.md:{line_of(c / 'pages/en/about.md', 'nav_order:')}", "nav_order", "1 to 99"),
        (f"content/projects/en/open-data-platform.md:{line_of(c / 'projects/en/open-data-platform.md', 'image_alt:')}",
         "image", "expected an image"),
    ]
    out = invoke(project_copy, "check")
    assert out.returncode == 1
    lines = out.stderr.splitlines()
    for where, field, message in expected:
        hits = [x for x in lines if x.startswith(where) and f": {field}" in x and message in x]
        assert hits, f"no '{where}…: {field}: …{message}' in:\n{out.stderr}"
    for line in lines[:-1]:
        assert re.match(r"^content/\S+:\d+: [\w.-]+: expected ", line), line
    assert lines[-1] == f"{len(lines) - 1} problems found."


def test_check_of_a_missing_field_names_file_and_field(project_copy):
    """A field that is not there has no line: path: field: (as the build reports it)."""
    edit(project_copy / "content/projects/cs/hydrogen.md", "\nsummary:", "\n#summary:")
    result = check(project_copy / "content")
    assert not result.ok
    assert result.lines[0].startswith("content/projects/cs/hydrogen.md: summary: expected a summary")


def test_check_task_ok(project_copy):
    out = invoke(project_copy, "check")
    assert out.returncode == 0, out.stderr
    *warnings, ok = out.stdout.splitlines()
    assert re.fullmatch(r"OK: 10 projects, \d+ news items, \d+ services, \d+ pages, \d+ partners", ok)
    assert all(": funding.number: " in x for x in warnings), out.stdout


# ---- the docs tables -------------------------------------------------------------------------

def table_rows(text: str, block: str) -> list[list[str]]:
    body = re.search(rf"<!-- generated: {block}\b.*?-->\n(.*?)<!-- end: {block} -->", text, re.S).group(1)
    rows = [line for line in body.splitlines() if line.startswith("|")][2:]
    return [[cell.strip() for cell in re.split(r"(?<!\\)\|", row)[1:-1]] for row in rows]


@pytest.mark.parametrize("lang", list(authoring.DOCS))
def test_docs_tables_match_the_model(lang):
    path = ROOT / authoring.DOCS[lang]
    text = path.read_text(encoding="utf-8")
    assert authoring.render_docs(text, lang) == text, f"{path.name} is out of date: run `uv run invoke docs`"
    yes, no = authoring.YES_NO[lang]
    for block, fields in (("project-fields", model.PROJECT_FIELDS), ("page-fields", model.PAGE_FIELDS)):
        rows = table_rows(text, block)
        assert [(r[0], r[2], r[3]) for r in rows] == [
            (f"`{f.name}`", yes if f.required else no, f.allowed_in(lang)) for f in fields
        ]


def test_czech_docs_tables_are_czech_in_every_column():
    """Type, allowed values, example (where a Czech file's differs) and description: Czech; field
    names and IDs as authors write them."""
    en = (ROOT / authoring.DOCS["en"]).read_text(encoding="utf-8")
    cs = (ROOT / authoring.DOCS["cs"]).read_text(encoding="utf-8")
    for block, fields in (("project-fields", model.PROJECT_FIELDS), ("page-fields", model.PAGE_FIELDS)):
        for f, en_row, cs_row in zip(fields, table_rows(en, block), table_rows(cs, block), strict=True):
            assert cs_row[0] == en_row[0] == f"`{f.name}`"
            assert cs_row[5] == f.description_cs and cs_row[5] != en_row[5], f.name
            assert cs_row[1] == f.type_in("cs") and (cs_row[1] != en_row[1] or f.type == "text"), f.name
            ids_only = set(f.allowed.split(", ")) <= {*model.CATEGORIES, *model.PHASES}  # IDs: the same in both
            assert (cs_row[3] == en_row[3]) == bool(ids_only), f.name
            assert cs_row[4] == f"`{f.example_in('cs')}`", f.name
    titles = {r[0]: r[4] for r in table_rows(cs, "project-fields")}
    assert titles["`title`"] == "`Autonomní mobilita`" and titles["`slug`"] == "`autonomni-mobilita`"
    assert titles["`lang`"] == "`cs`"


def test_a_field_without_czech_stops_the_docs(monkeypatch):
    import dataclasses

    bare = dataclasses.replace(model.PROJECT_FIELDS[0], description_cs="")
    with pytest.raises(AuthoringError, match="no Czech description for field 'title'"):
        authoring.field_table([bare], "cs")
    odd = dataclasses.replace(model.PROJECT_FIELDS[0], type="tuple")
    with pytest.raises(AuthoringError, match="no Czech name for the type 'tuple'"):
        authoring.field_table([odd], "cs")


def test_docs_task_regenerates_stale_tables(tmp_path):
    for rel in authoring.DOCS.values():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        text = (ROOT / rel).read_text(encoding="utf-8")
        (tmp_path / rel).write_text(text.replace("| `phase` |", "| `stage` |"), encoding="utf-8")
    assert len(authoring.update_docs(tmp_path, write=False)) == 2
    authoring.update_docs(tmp_path)
    assert authoring.update_docs(tmp_path, write=False) == []
    assert (tmp_path / authoring.DOCS["en"]).read_text(encoding="utf-8") == (ROOT / authoring.DOCS["en"]).read_text(encoding="utf-8")


# ---- live reload -----------------------------------------------------------------------------

def load_tasks():
    spec = importlib.util.spec_from_file_location("icuk_tasks", ROOT / "tasks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_livereload_watches_everything_a_build_reads():
    tasks = load_tasks()
    watched = [ROOT / w for w in tasks.WATCHED]
    for path in watched:
        assert path.exists(), path
    for need in ("content", "content/data/partners.yaml", "content/images", "content/projects/cs",
                 "theme/templates", "theme/static", "theme/translations", "icuk_site", "icuk_site/content/fields.py",
                 "pelicanconf.py"):
        assert any((ROOT / need).is_relative_to(w) for w in watched), f"{need} is not watched"


def test_livereload_rebuilds_in_the_warm_build_process(monkeypatch, tmp_path):
    """The first build and every rebuild go through one warm build process (icuk_site/build/warm.py:
    a fresh fork per build; restarted when icuk_site/ changes), which is closed at the end."""
    from invoke import Context

    from icuk_site.build import warm

    tasks = load_tasks()
    builds, closed, server = [], [], {}

    class FakeServer:
        def __init__(self, port):
            self.port, self.watches = port, []
            server["it"] = self

        def watch(self, path, func):
            self.watches.append((path, func))

        def serve(self, **kw):
            self.options = kw

    class FakeBuilder:
        def __init__(self, cwd):
            assert cwd == tasks.ROOT

        def build(self, settings, output):
            builds.append((settings, output))
            return warm.WarmResult(ok=len(builds) != 2, seconds=0.1)

        def close(self):
            closed.append(True)

    monkeypatch.setattr(authoring, "livereload_server", FakeServer)
    monkeypatch.setattr(warm, "WarmBuilder", FakeBuilder)
    monkeypatch.setattr(tasks, "CACHE", tmp_path / "cache")  # the error page of the failed build: not in the repository
    monkeypatch.delenv("ICUK_LANG", raising=False)  # the task sets it for its builds: not for the tests after this one
    tasks.livereload(Context())
    fake = server["it"]
    assert sorted(p for p, _ in fake.watches) == sorted(str(ROOT / w) for w in tasks.WATCHED)
    assert fake.options["root"] == str(tasks.OUTPUT) and fake.options["port"] == fake.port == 8000
    assert builds == [("pelicanconf.py", tasks.OUTPUT)]  # the first build
    for _, rebuild in fake.watches[:2]:
        rebuild()  # the first of these fails: reported, and the server goes on
    assert len(builds) == 3 and closed == [True]


@pytest.mark.browser
def test_livereload_refreshes_the_browser_under_the_csp(project_copy, browser):
    """The real task: save a content file and the open page reloads with the change, with no
    Content-Security-Policy violation (livereload's own inline script would be blocked)."""
    port = free_port()
    shutil.copy(ROOT / "tasks.py", project_copy / "tasks.py")
    server = subprocess.Popen([sys.executable, "-m", "invoke", "--search-root", str(project_copy), "livereload",
                               "--port", str(port)], cwd=project_copy, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, start_new_session=True)
    page = browser.new_page()
    try:
        url = f"http://127.0.0.1:{port}/" + model.load_site(project_copy / "content").get("project", "hydrogen", "cs").url
        wait_for_port(port)  # the first build, then the server starts
        errors = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(url)
        page.wait_for_function(LIVERELOAD_CONNECTED, timeout=10_000)
        save_edit(project_copy / "content/projects/cs/hydrogen.md", "title: Vodík", "title: Vodík LIVE")
        page.wait_for_function("() => document.title.includes('LIVE')", timeout=30_000)
        assert not [e for e in errors if "Content Security Policy" in e], errors
    finally:
        page.close()
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)
