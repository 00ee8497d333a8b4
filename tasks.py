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


@task
def livereload(c, port=PORT):
    """Build, serve at http://127.0.0.1:8000 and rebuild + refresh the browser on every change."""
    from livereload import Server

    if not _run(_build_cmd()):
        print("The first build failed; fix the problems above — the site rebuilds on save.", file=sys.stderr)

    def rebuild_site():
        if not _run(_build_cmd()):
            print("Build failed; the browser keeps showing the last good build.", file=sys.stderr)

    server = Server()
    for path in WATCHED:
        server.watch(str(ROOT / path), rebuild_site)
    server.serve(host=HOST, port=int(port), root=str(OUTPUT), open_url_delay=None)


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
