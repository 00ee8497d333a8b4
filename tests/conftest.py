"""Shared fixtures: one real build of the site per test session, and throw-away copies of
the project for tests that break the content on purpose."""

from __future__ import annotations

import os
import shutil
import socket
import sys
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from icuk_site.build.safe import build

# The quality gates' summary (the `gates`/`gate` fixtures and the end-of-run table), here so
# that pytest-xdist's controller, which collects no test, loads it too.
pytest_plugins = ["gatesummary"]

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))  # the benchmark (scripts/bench.py, bench_content.py)
ARTIFACTS = ROOT / "test-artifacts"


# `uv run invoke test` runs the suite in two pytest-xdist workers, a test file at a time
# (`--dist=loadfile`, so a module's fixtures are made once). The files that share an expensive
# session fixture go to one worker together, so it is made once: the browser crawl of every page
# (axe, 320 px, CSP) and the Lighthouse runs (which also keeps our Lighthouse runs from competing
# with each other). xdist's own `xdist_group` marks do not group under pytest 9 (xdist 3.8 renames
# `item._nodeid`, which pytest 9 no longer reads), hence this scheduler.
SHARED = {"crawl": ("test_accessibility.py", "test_keyboard.py", "test_strict.py"),
          "lighthouse": ("test_lighthouse.py", "test_lighthouse_gate.py")}
GROUP_OF_FILE = {name: group for group, names in SHARED.items() for name in names}


def pytest_xdist_make_scheduler(config, log):
    """`--dist=loadfile`, with the files of each SHARED group as one unit of work."""
    if config.getvalue("dist") != "loadfile":
        return None  # xdist's own scheduler for the other modes
    from xdist.scheduler import LoadScopeScheduling

    # Units go out in collection order, not most tests first: tests/quality comes first, so the
    # two longest units (the crawl, Lighthouse) start at once, one per worker.
    config.option.loadscopereorder = False

    class FilesAndGroups(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            file = nodeid.split("::", 1)[0]
            return "group:" + GROUP_OF_FILE.get(Path(file).name, file)

    return FilesAndGroups(config, log)


def pytest_collection_modifyitems(config, items):
    """A test that uses a shared fixture outside its group's files would make it twice: refuse."""
    for item in items:
        for group, names in SHARED.items():
            if group in item.fixturenames and item.path.name not in names:
                raise pytest.UsageError(f"{item.nodeid} uses the `{group}` fixture: add {item.path.name} "
                                        f"to SHARED[{group!r}] in tests/conftest.py")


class Built:
    """A built site: read pages as text or parsed HTML by their output path."""

    def __init__(self, root: Path):
        self.root = root

    def path(self, rel: str) -> Path:
        rel = rel.lstrip("/")
        p = self.root / rel
        return p / "index.html" if (rel == "" or rel.endswith("/")) else p

    def text(self, rel: str) -> str:
        return self.path(rel).read_text(encoding="utf-8")

    def html(self, rel: str) -> BeautifulSoup:
        return BeautifulSoup(self.text(rel), "html.parser")

    def pages(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Built:
    """The real content, built once with the development settings."""
    out = tmp_path_factory.mktemp("site") / "output"
    result = build(ROOT / "pelicanconf.py", out, {"LOAD_CONTENT_CACHE": False, "CACHE_CONTENT": False})
    assert result.ok, result.problems
    return Built(out)


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A copy of the project's content, theme and settings to break on purpose."""
    for name in ("content", "theme"):
        shutil.copytree(ROOT / name, tmp_path / name)
    (tmp_path / "content/images").mkdir(exist_ok=True)  # pictures go here (may be empty)
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


@pytest.fixture(scope="session")
def mistakes_built(tmp_path_factory) -> Path:
    """The real project built once for tests/test_mistakes*.py; each test works on a copy of it
    (`project`, output/ included)."""
    root = tmp_path_factory.mktemp("built")
    for name in ("content", "theme"):
        shutil.copytree(ROOT / name, root / name)
    (root / "content/images").mkdir(exist_ok=True)
    for name in ("pelicanconf.py", "publishconf.py", "tasks.py"):
        shutil.copy(ROOT / name, root / name)
    for lang in ("en", "cs"):  # the mistakes are made in a project with years (the real one has none)
        path = root / f"content/projects/{lang}/hydrogen.md"
        text = path.read_text(encoding="utf-8")
        if "\nyears:" not in text:
            path.write_text(text.replace("\npartners:", "\nyears: {start: 2019}\npartners:", 1), encoding="utf-8")
    result = build_copy(root)
    assert result.ok, result.problems
    return root


@pytest.fixture
def project(mistakes_built, tmp_path) -> Path:
    """A copy of `mistakes_built` to plant a mistake in."""
    root = tmp_path / "p"
    shutil.copytree(mistakes_built, root, symlinks=True)
    return root


def build_copy(project: Path, **overrides):
    """Build a project copy into project/output (never touching the real cache)."""
    return build(project / "pelicanconf.py", project / "output",
                 {"LOAD_CONTENT_CACHE": False, "CACHE_CONTENT": False, **overrides})


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def served(site) -> str:
    """The built site on a local HTTP server; yields its base URL."""
    handler = partial(_QuietHandler, directory=str(site.root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def author_env(lang: str = "C.UTF-8", **extra: str) -> dict[str, str]:
    """This environment as an author's command sees it: the language of the messages from LANG
    alone (no ICUK_LANG, LANGUAGE, LC_ALL or LC_MESSAGES of the machine running the tests)."""
    env = {**os.environ, "LANG": lang, **extra}
    for name in ("ICUK_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        env.pop(name, None)
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, timeout: float = 60) -> None:
    """Until a server answers on 127.0.0.1:`port` (`invoke livereload` builds first, then serves)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            if time.monotonic() > deadline:
                pytest.fail(f"nothing answered on port {port} within {timeout} s")
            time.sleep(0.05)


# The page's livereload.js has its WebSocket open: a reload the server sends now reaches it.
LIVERELOAD_CONNECTED = "() => window.LiveReload !== undefined && window.LiveReload.connector._isSocketConnected()"


def save_edit(path: Path, old: str, new: str) -> None:
    """Replace `old` by `new` in `path` as an editor saves it; the file's time moves on by at least a
    second, so livereload's watcher (it polls the files' times) cannot miss the change even where
    file times are kept to the second."""
    before = path.stat().st_mtime_ns
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    after = path.stat()
    os.utime(path, ns=(after.st_atime_ns, max(after.st_mtime_ns, before + 1_000_000_000)))


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (see README)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()
