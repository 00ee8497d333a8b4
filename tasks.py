"""Tasks for authors and maintainers: `uv run invoke --list`.

Every build goes through icuk_site.build: it validates all content first, builds into a
temporary folder and replaces output/ only when the build succeeded.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
OUTPUT = ROOT / "output"
CACHE = ROOT / "cache"
THEME = ROOT / "theme"
TRANSLATIONS = THEME / "translations"
POT = TRANSLATIONS / "messages.pot"
HOST, PORT = "127.0.0.1", 8000

# What `livereload` watches: content, theme, partner data, the plugin package and settings.
WATCHED = ["content", "theme/templates", "theme/static", "theme/translations", "icuk_site", "pelicanconf.py"]


def _build_cmd(settings: str = "pelicanconf.py", output: Path = OUTPUT) -> list[str]:
    return [sys.executable, "-m", "icuk_site.build", "--settings", settings, "--output", str(output)]


def _run(cmd: list[str], env: dict | None = None) -> bool:
    """Run a build in a fresh interpreter (so edits to the plugin code take effect)."""
    print("$", shlex.join(cmd))
    return subprocess.run(cmd, cwd=ROOT, env={**os.environ, **(env or {})}).returncode == 0


def _fail(message: str) -> None:
    print(message, file=sys.stderr)
    sys.exit(1)


@task
def clean(c):
    """Remove the generated output and the content cache."""
    for path in (OUTPUT, CACHE):
        shutil.rmtree(path, ignore_errors=True)


@task
def build(c):
    """Build the site with development settings into output/."""
    if not _run(_build_cmd()):
        _fail("Build failed (see above); output/ is unchanged.")


@task(clean)
def rebuild(c):
    """Clean, then build from scratch."""
    build(c)


@task
def serve(c, port=PORT):
    """Serve output/ at http://127.0.0.1:8000 (no rebuilds)."""
    from pelican.server import ComplexHTTPRequestHandler, RootedHTTPServer

    RootedHTTPServer.allow_reuse_address = True
    server = RootedHTTPServer(str(OUTPUT), (HOST, int(port)), ComplexHTTPRequestHandler)
    print(f"Serving output/ at http://{HOST}:{port} — Ctrl+C to stop")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        server.server_close()


@task(help={"lang": "the language of the problem messages: en or cs (default: your locale's)"})
def livereload(c, port=PORT, lang=None):
    """Build, serve at http://127.0.0.1:8000 and rebuild + refresh the browser on every change.

    Rebuilds run in a warm build process (icuk_site/build/warm.py): Python and the libraries are
    loaded once, and each rebuild is a fresh fork of that process, so an edit shows up about
    half a second sooner than with `invoke build`. A change to icuk_site/ restarts it.
    While the last build failed, the browser shows the problems instead of any page
    (icuk_site/authoring/livereload.py); output/ keeps the last good build. Ctrl+C stops it.
    """
    from icuk_site.authoring import livereload_server
    from icuk_site.authoring.livereload import BuildErrorPage, quiet_builder
    from icuk_site.build.warm import WarmBuilder
    from icuk_site.content.messages import M, author_lang

    lang = author_lang(lang)
    os.environ["ICUK_LANG"] = lang  # the builds' problems in the author's language
    builder = quiet_builder(WarmBuilder)(ROOT)
    errors = BuildErrorPage(CACHE / "build-error", THEME, lang)

    def build_site(first: bool = False) -> None:
        # livereload skips a reload within 3 s of the last one ("too many changes"); after a build
        # the browser must always show its result (the error page, or the fixed page).
        from livereload.handlers import LiveReloadHandler

        LiveReloadHandler._last_reload_time = 0
        result = builder.build("pelicanconf.py", OUTPUT)
        if result.ok:
            errors.clear()
            print(f"Built {OUTPUT} in {result.seconds:.2f} s")
            return
        errors.show(result.problems)
        if first:
            message = M("The first build failed; fix the problems above — the site rebuilds on save.")
        else:
            message = M("Build failed; the browser shows the problems until the next good build.")
        print(message.say(lang), file=sys.stderr)

    try:
        build_site(first=True)
        server = livereload_server(int(port))  # its reload script passes the pages' CSP
        errors.attach(server)
        for path in WATCHED:
            server.watch(str(ROOT / path), build_site)
        server.serve(host=HOST, port=int(port), root=str(OUTPUT), open_url_delay=None)
    except KeyboardInterrupt:
        pass  # Ctrl+C: stop quietly
    finally:
        builder.close()
        errors.clear()
    print(M("Stopped.").say(lang))


@task
def publish(c, output=str(OUTPUT)):
    """Build with production settings (publishconf.py; SITEURL from the environment)."""
    if not _run(_build_cmd("publishconf.py", Path(output))):
        _fail("Publish build failed (see above); the output folder is unchanged.")


@task(publish)
def gh_pages(c):
    """Publish the production build to the gh-pages branch (ghp-import; adds .nojekyll)."""
    c.run(f"ghp-import -n -b gh-pages -m 'Publish site' {shlex.quote(str(OUTPUT))}")


@task
def translations(c):
    """Extract theme strings, update the Czech catalog and compile it (reports untranslated)."""
    c.run(f"pybabel extract -F babel.cfg -o {POT} --no-location --sort-output --project 'ICUK site' .")
    c.run(f"pybabel update -i {POT} -d {TRANSLATIONS} --no-fuzzy-matching --ignore-obsolete")
    c.run(f"pybabel compile -d {TRANSLATIONS} --statistics")


# --------------------------------------------------------------------------------------------
# Authoring: the logic is in icuk_site/authoring/; these tasks only call it.
# --------------------------------------------------------------------------------------------

def _new(kind: str, title: str, **options) -> None:
    from icuk_site.authoring import AuthoringError, new_content

    try:
        made = new_content(ROOT / "content", kind, title, **options)
    except AuthoringError as e:
        _fail(f"new-{kind}: {e}")
    for path in made.paths:
        print(f"created {path.relative_to(ROOT)}")
    print("Next: replace the TODOs in both files, then run `uv run invoke check` (or `uv run invoke livereload`).")


@task(help={"title": "the English title (the English slug and both files' name are made from it)",
            "category": "support | infrastructure | education (default: support)",
            "date": "publication date YYYY-MM-DD (default: today)",
            "slug": "the English slug and file name, if not the one made from the title",
            "title-cs": "the Czech title (default: the English one, to translate); the Czech slug is made from it",
            "slug-cs": "the Czech slug, if not the one made from the Czech title"})
def new_project(c, title, category=None, date=None, slug=None, title_cs=None, slug_cs=None):
    """Create a project in English and Czech (content/projects/{en,cs}/<slug>.md, one name), ready to build."""
    _new("project", title, category=category, date=date, slug=slug, title_cs=title_cs, slug_cs=slug_cs)


@task(help={"title": "the English title (the English slug and both files' name are made from it)",
            "date": "publication date YYYY-MM-DD (default: today)",
            "slug": "the English slug and file name, if not the one made from the title",
            "title-cs": "the Czech title (default: the English one, to translate); the Czech slug is made from it",
            "slug-cs": "the Czech slug, if not the one made from the Czech title"})
def new_page(c, title, date=None, slug=None, title_cs=None, slug_cs=None):
    """Create a section page in English and Czech (content/pages/{en,cs}/<slug>.md, one name), ready to build."""
    _new("page", title, date=date, slug=slug, title_cs=title_cs, slug_cs=slug_cs)


@task(help={"title": "the English title (the slug is made from it)",
            "date": "the day it happened, YYYY-MM-DD (default: today)",
            "slug": "the slug, if not the one made from the title",
            "title-cs": "the Czech title (default: the English one, to translate)"})
def new_news(c, title, date=None, slug=None, title_cs=None):
    """Create a news item in English and Czech (content/news/{en,cs}/<slug>.md), ready to build."""
    _new("news", title, date=date, slug=slug, title_cs=title_cs)


@task(help={"lang": "the language of the messages: en or cs (default: your locale's, e.g. LANG=cs_CZ.UTF-8)",
            "strict": "unknown words (spelling) are problems, not warnings: exit 1 (the commit hook and CI)"})
def check(c, lang=None, strict=False):
    """Check all content without building: every problem as path:line: field: …; spelling warnings."""
    from icuk_site.authoring import check as check_content

    result = check_content(ROOT / "content", lang=lang, strict=strict)
    print(result, file=sys.stdout if result.ok else sys.stderr)
    if not result.ok:
        sys.exit(1)


@task(help={"verify": "only report whether the docs are up to date (exit 1 if not)"})
def docs(c, verify=False):
    """Regenerate the field tables in docs/authoring.md and docs/authoring.cs.md from the model."""
    from icuk_site.authoring import update_docs

    changed = update_docs(ROOT, write=not verify)
    for path in changed:
        print(f"{'out of date' if verify else 'updated'}: {path.relative_to(ROOT)}")
    if verify and changed:
        _fail("Run `uv run invoke docs` to regenerate the tables.")


@task(help={"siteurl": "the public address to check against (default: publishconf.py's)"})
def check_external_links(c, siteurl=""):
    """Fetch every external link of a publish build and report the broken ones (needs the network)."""
    import importlib.util
    import tempfile

    spec = importlib.util.spec_from_file_location("linkcheck", ROOT / "scripts/quality/linkcheck.py")
    linkcheck = importlib.util.module_from_spec(spec)
    sys.modules["linkcheck"] = linkcheck
    spec.loader.exec_module(linkcheck)
    with tempfile.TemporaryDirectory() as tmp:
        env = {"SITEURL": siteurl} if siteurl else {}
        if not _run(_build_cmd("publishconf.py", Path(tmp) / "site"), env):
            _fail("Publish build failed (see above).")
        url = siteurl or subprocess.run([sys.executable, "-c", "import publishconf; print(publishconf.SITEURL)"],
                                        cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
        sys.exit(linkcheck.main([str(Path(tmp) / "site"), "--siteurl", url, "--external"]))


@task(help={"projects": "synthetic projects per language (0: the real site as it is)",
            "runs": "runs of each build; the median is reported (default 3)",
            "profile": "also profile one full build into this text file (pyinstrument)"})
def bench(c, projects=1000, runs=3, profile=""):
    """Time full, cached and edit builds against plain Pelican (scripts/bench.py; docs/performance.md)."""
    cmd = [sys.executable, str(ROOT / "scripts" / "bench.py"), "--projects", str(projects), "--runs", str(runs)]
    if profile:
        cmd += ["--profile", str(Path(profile).resolve())]
    if subprocess.run(cmd, cwd=ROOT).returncode != 0:
        _fail("Benchmark failed (see above).")


# --------------------------------------------------------------------------------------------
# The test suite on any machine: `uv run invoke test` (README, "Two commands"; .ci/run).
# --------------------------------------------------------------------------------------------

@task(help={"args": "pytest arguments as one string, e.g. --args='-k links -x' (or after --: invoke test -- -k links)"})
def test(c, args=""):
    """Install what the test suite needs (system packages as root, `npm ci`), then run pytest with its exit code.

    Debian packages (chromium, default-jre-headless, fonts-dejavu-core, hunspell-cs, hunspell-en-gb,
    nodejs + npm when npm is missing) are installed with apt-get as root; otherwise it stops at once
    with one message naming what is missing and the command to install it (scripts/setup_tools.py).
    """
    import importlib.util

    spec = importlib.util.spec_from_file_location("setup_tools", ROOT / "scripts" / "setup_tools.py")
    setup_tools = importlib.util.module_from_spec(spec)
    sys.modules["setup_tools"] = setup_tools  # dataclasses look their module up there
    spec.loader.exec_module(setup_tools)

    plan = setup_tools.plan(setup_tools.Machine.here(ROOT))
    if plan.stop:
        _fail(plan.stop)
    setup_tools.apply(plan, ROOT)
    extra = [*shlex.split(args), *shlex.split(c.remainder)]
    # Two pytest-xdist workers, a test file at a time: about half the suite's time on two cores
    # (tests/conftest.py keeps the files that share the browser crawl or Lighthouse together).
    # `-n 0` runs it in one process.
    workers = [] if any(a.startswith(("-n", "--numprocesses", "-pno:xdist")) or a == "no:xdist" for a in extra) \
        else ["--numprocesses=2", "--dist=loadfile"]
    cmd = [sys.executable, "-m", "pytest", *workers, *extra]
    print("$ pytest", shlex.join(cmd[3:]), flush=True)
    sys.exit(subprocess.run(cmd, cwd=ROOT, stdin=subprocess.DEVNULL).returncode)
