"""The theme's components (theme/templates/components/<name>.html, one macro per file), each
rendered from the named examples in tests/components/<name>.yaml in a Jinja environment set up
by the plugin's own `setup_jinja`, as the build sets it up. Every example must render (and show
what it says it shows), be valid HTML for the Nu checker inside a minimal page, and give axe-core
no violation in Chromium, in light and dark, with the site's stylesheet.

An example is `name`, `lang` (of the page around it), `params` (the macro's arguments; mappings
become objects, lists tuples, as views are), optionally `headings` (the page's <h1>, <h2> … above
the fragment; defaults to the example's name as <h1>), `contains` (HTML the output must hold) and `renders_nothing`.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from jinja2 import Environment, FileSystemLoader, nodes
from markupsafe import escape

from conftest import ROOT
from icuk_site import plugin
from icuk_site import session as sessions
from icuk_site.content import load_site
from icuk_site.render.images import Pictures
from icuk_site.render.views import Catalog

COMPONENTS = ROOT / "theme" / "templates" / "components"
EXAMPLES = ROOT / "tests" / "components"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def component_files() -> list[Path]:
    return sorted(COMPONENTS.glob("*.html"))


def load_examples() -> list[tuple[str, dict]]:
    out = []
    for path in sorted(EXAMPLES.glob("*.yaml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        for example in spec["examples"]:
            out.append((path.stem, {"macro": spec["macro"], **example}))
    return out


ALL = load_examples()
IDS = [f"{name}: {ex['name']}" for name, ex in ALL]


def as_view(value):
    """YAML data as views look: mappings become attribute objects, lists become tuples."""
    if isinstance(value, dict):
        return SimpleNamespace(**{k: as_view(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(as_view(v) for v in value)
    return value


class _Generator:
    """What plugin.setup_jinja reads from a Pelican generator."""

    def __init__(self, settings: dict, env: Environment):
        self.settings, self.env, self.context = settings, env, {}
        self.theme = str(ROOT / "theme")


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> Environment:
    """A Jinja environment made like Pelican's (the theme's templates, JINJA_ENVIRONMENT) and set up
    by plugin.setup_jinja with a session of the real content (pictures from a scratch folder)."""
    scratch = tmp_path_factory.mktemp("components")
    images = scratch / "content" / "images"
    images.mkdir(parents=True)
    from PIL import Image

    Image.new("RGB", (1600, 900), (11, 95, 91)).save(images / "example.png")
    settings = {"SITEURL": "", "CACHE_CONTENT": False, "JINJA_ENVIRONMENT": {}}
    exec((ROOT / "pelicanconf.py").read_text(encoding="utf-8"), {"__file__": str(ROOT / "pelicanconf.py")}, conf := {})
    settings["JINJA_ENVIRONMENT"] = conf["JINJA_ENVIRONMENT"]
    site = load_site(ROOT / "content")
    session = sessions.Session(settings=settings, site=site, catalog=Catalog(site), plan=None,
                               pictures=Pictures(scratch / "content", scratch / "output", scratch / "cache"), search=None)
    settings[sessions.SESSION] = session
    environment = Environment(loader=FileSystemLoader(str(ROOT / "theme" / "templates")), **settings["JINJA_ENVIRONMENT"])
    plugin.setup_jinja(_Generator(settings, environment))
    return environment


def render(env: Environment, component: str, example: dict) -> str:
    template = env.from_string(f'{{% from "components/{component}.html" import {example["macro"]} %}}'
                               f'{{{{ {example["macro"]}(**params) }}}}')
    params = {k: as_view(v) for k, v in (example.get("params") or {}).items()}
    return template.render(params=params)


def page(component: str, example: dict, html: str) -> str:
    """The fragment inside a minimal valid page with the site's stylesheet."""
    css = (ROOT / "theme" / "static" / "css" / "site.css").as_uri()
    headings = example.get("headings") or [example["name"]]
    heading = "\n".join(f"<h{i}>{escape(text)}</h{i}>" for i, text in enumerate(headings, start=1))
    return (f'<!doctype html>\n<html lang="{example["lang"]}" dir="ltr">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<title>{escape(component)}: {escape(example["name"])}</title>\n<link rel="stylesheet" href="{css}">\n'
            f'</head>\n<body>\n<main>\n{heading}\n{html}\n</main>\n</body>\n</html>\n')


@pytest.fixture(scope="module")
def pages(env, tmp_path_factory) -> dict[str, Path]:
    """Every example rendered into its own page file, by test id."""
    folder = tmp_path_factory.mktemp("component-pages")
    out = {}
    for i, ((component, example), test_id) in enumerate(zip(ALL, IDS)):
        path = folder / f"{i:02d}-{component}.html"
        path.write_text(page(component, example, render(env, component, example)), encoding="utf-8")
        out[test_id] = path
    return out


# ---- the components are documented and self-contained -------------------------------------------

@pytest.mark.parametrize("path", component_files(), ids=lambda p: p.stem)
def test_one_documented_macro_per_file(path):
    source = path.read_text(encoding="utf-8")
    macros = list(Environment(extensions=["jinja2.ext.i18n"]).parse(source).find_all(nodes.Macro))
    assert len(macros) == 1, f"{path.name}: one macro per file, found {[m.name for m in macros]}"
    head = source[: source.index("{% macro")]
    assert head.lstrip().startswith("{#"), f"{path.name}: starts with a comment documenting {macros[0].name}"
    for param in (arg.name for arg in macros[0].args):
        assert re.search(rf"^\s+{param}\s", head, re.M), f"{path.name}: parameter {param!r} is not documented"
        assert re.search(rf"{param}\s+[^\n]*(required|optional)", head), f"{path.name}: {param!r}: required or optional?"
    assert "with context" not in source, f"{path.name}: components take what they show as parameters"


def test_no_template_imports_with_context_and_every_component_has_examples():
    for path in (ROOT / "theme" / "templates").rglob("*.html"):
        assert "with context" not in path.read_text(encoding="utf-8"), path
    assert not (ROOT / "theme" / "templates" / "macros").exists()
    with_examples = {component for component, _ in ALL}
    assert with_examples == {p.stem for p in component_files()}


# ---- every example renders, is valid HTML and passes axe ------------------------------------------

@pytest.mark.parametrize(("component", "example"), ALL, ids=IDS)
def test_example_renders(env, component, example):
    html = render(env, component, example)
    if example.get("renders_nothing"):
        assert not html.strip(), html
        return
    assert html.strip()
    for expected in example.get("contains", ()):
        assert expected in html, f"{expected!r} not in:\n{html}"


def test_examples_are_valid_html(pages):
    java = shutil.which("java")
    if not java or not VNU.exists():
        pytest.fail("java and node_modules/vnu-jar are needed (see README)")
    done = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", "--stdout",
                           *map(str, pages.values())], capture_output=True, text=True, timeout=300)
    messages = json.loads(done.stdout)["messages"]
    names = {p.as_uri(): test_id for test_id, p in pages.items()}
    errors = [f"{names.get(m.get('url'), m.get('url'))}: {m.get('message')} [{(m.get('extract') or '').strip()[:80]}]"
              for m in messages if m.get("type") in ("error", "non-document-error")]
    assert not errors, "\n".join(errors)


@pytest.mark.browser
def test_examples_pass_axe(browser, pages):
    if not AXE.exists():
        pytest.fail("node_modules/axe-core is missing: run `npm ci` (see README)")
    found = []
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
        context.add_init_script(path=str(AXE))
        tab = context.new_page()
        for test_id, path in pages.items():
            tab.goto(path.as_uri(), wait_until="load")
            violations = tab.evaluate(
                "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']}))"
                ".violations.map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).join('; ')})`)", AXE_TAGS)
            found.extend(f"{test_id} ({scheme}): {v}" for v in violations)
        context.close()
    assert not found, "\n".join(found)
