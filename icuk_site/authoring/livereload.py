"""The livereload server `invoke livereload` serves the site with, and its build error page.

While the last build failed, every page the browser asks for is the error page (the problems
with file and line, in the author's language): the reload after a broken edit shows what is
wrong, and the next good build shows the real page again. The error page is written outside
output/ (which keeps the last good build, as every failed build does), in its own folder that
the server answers from instead; pictures, scripts and the stylesheet still come from output/
(or, before any good build, the stylesheet from the theme).
"""

from __future__ import annotations

import re
import shutil
import signal
from contextlib import contextmanager
from pathlib import Path

from ..content.messages import M, author_lang

PROBLEM_RE = re.compile(r"^\s*(?P<where>[^\s:][^:]*?(?::\d+)?): (?P<field>[\w.-]+): (?P<message>.+)$")


def livereload_server(port: int):
    """A livereload `Server` whose reload script runs under the site's Content-Security-Policy.

    livereload 2.7 adds an *inline* `<script>` to every page it serves to load livereload.js;
    our pages allow scripts from the site only (`script-src 'self'`), so the browser blocked
    it and never refreshed. This injects `<script src="/livereload.js?port=…">` instead: the
    same script, loaded from the same origin (its WebSocket is same-origin too: `connect-src
    'self'`). The served files are not changed on disk.
    """
    import livereload.server as lr

    script = f'<script src="/livereload.js?port={int(port)}"></script>'.encode()

    class Injector(lr.LiveScriptInjector):
        def transform_first_chunk(self, status_code, headers, chunk, finishing):
            self.script = script
            return super().transform_first_chunk(status_code, headers, chunk, finishing)

    lr.LiveScriptInjector = Injector  # Server.serve() subclasses this name for its output transform
    return lr.Server()


def _is_page(path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    return not name or name.endswith((".html", ".htm")) or "." not in name


class BuildErrorPage:
    """The error page of the last failed build (`show`), until the next good one (`clear`)."""

    def __init__(self, folder: Path, theme: Path, lang: str | None = None):
        self.folder = Path(folder)
        self.theme = Path(theme)
        self.lang = author_lang(lang)
        self.failed = False

    def show(self, problems: list[str]) -> Path:
        from jinja2 import Environment, FileSystemLoader, select_autoescape

        lang = self.lang
        items = []
        for text in problems or [M("the build failed without a message (see the terminal)").say(lang)]:
            m = PROBLEM_RE.match(text)
            items.append(m.groupdict() if m else {"where": "", "field": "", "message": text})
        env = Environment(loader=FileSystemLoader(str(self.theme / "templates")), autoescape=select_autoescape())
        html = env.get_template("build-error.html").render(
            lang=lang, problems=items,
            title=M("The build failed").say(lang),
            eyebrow=M("Preview (invoke livereload)").say(lang),
            tagline=M("Usti Region – a new start").say(lang),
            intro=(M("1 problem stops the build:") if len(items) == 1
                   else M("Problems that stop the build: {n}", n=len(items))).say(lang),
            hint=M("Fix them and save: this page reloads by itself and shows the real page after the next good "
                   "build. output/ still holds the last good build.").say(lang))
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / "index.html").write_text(html, encoding="utf-8")
        css = self.theme / "static/css/site.css"
        if css.is_file():  # for a first build that failed: output/ has no stylesheet yet
            (self.folder / "theme/css").mkdir(parents=True, exist_ok=True)
            shutil.copyfile(css, self.folder / "theme/css/site.css")
        self.failed = True
        return self.folder / "index.html"

    def clear(self) -> None:
        self.failed = False
        shutil.rmtree(self.folder, ignore_errors=True)

    def attach(self, server) -> None:
        """Make `server` (a livereload Server) answer page requests with the error page while failed."""
        base = getattr(server, "SFH", None)
        if base is None:
            return
        page = self

        class Handler(base):
            async def get(self, path, include_body=True):
                if page.failed:
                    if _is_page(path):
                        self.root, path = str(page.folder), "index.html"
                    elif not (Path(self.root) / path).is_file() and (page.folder / path).is_file():
                        self.root = str(page.folder)
                return await super().get(path, include_body)

        server.SFH = Handler


@contextmanager
def sigint_ignored():
    """Ctrl+C is not sent to processes started inside (the warm build server ignores it for its
    whole life: Python keeps an ignored SIGINT ignored), so only `invoke livereload` answers it
    and ends them quietly."""
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def quiet_builder(cls):
    """A subclass of the warm builder `cls` whose server process does not see Ctrl+C."""

    class Quiet(cls):
        def _start(self) -> None:
            with sigint_ignored():
                super()._start()

    Quiet.__name__ = cls.__name__
    return Quiet
