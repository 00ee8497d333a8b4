"""Incremental development builds: only what changed is rendered, indexed and written.

With the content cache on (pelicanconf.py: LOAD_CONTENT_CACHE and CACHE_CONTENT, the
development settings), `icuk_site.build` keeps a manifest of the output folder each build made
(CACHE_PATH/icuk-output.json): every file's size and time, and for every page the key of what it
was made from and the digest of its bytes. The next build still builds into a temporary folder,
but

- a page whose key is unchanged, and whose file in the output folder is as the manifest says,
  is not rendered again (`Writer.write_file` skips it; the search index is given its path and
  reads it only if its language is indexed again);
- the search index of a language whose indexed pages are byte for byte the same is kept as it
  is; only a language with a changed page is indexed again (search.py);
- when the whole build has succeeded, the output folder is brought up to date in place: new
  and changed files are moved in, files the build no longer makes are removed, identical files
  (and their modification times) are left alone. An edit rebuild replaces a handful of files
  instead of writing and deleting thousands.

A page's key is the build's *fingerprint* plus the page's own body. The fingerprint covers
everything else a page may show: this package's code, the theme, the versions of the libraries
that render, the settings, the front-matter of every document and the partners, and the size
and time of every other file under content/ (pictures). So the one rule for templates: a page
may show its own body and any document's front-matter, never another document's body (the
feeds, which do, are keyed on their language's project bodies). tests/test_bench.py checks that an edit rebuild
gives exactly the site a full build gives.

Anything unexpected — no manifest, an output folder this manifest does not describe (a publish
build replaced it), a file changed by hand — makes it a full build. Publish builds (no cache)
never use any of this, and the safe-build promise holds: the output folder is only touched
after the whole build succeeded.
"""

from __future__ import annotations

import dataclasses
import filecmp
import hashlib
import json
import logging
import multiprocessing
import os
import queue
import shutil
import threading
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from itertools import chain
from pathlib import Path

from pelican import signals
from pelican.utils import get_relative_path, path_to_url, sanitised_join
from pelican.writers import FileOverwriteFailedError, Writer

from . import parallel

_pelican_log = logging.getLogger("pelican.writers")  # the messages Pelican's writer logs

MANIFEST = "icuk-output.json"
FORMAT = 1
# The libraries whose output ends up in pages: a new version may render differently.
LIBRARIES = ("pelican", "jinja2", "markupsafe", "markdown", "typogrify", "smartypants", "babel", "pyyaml",
             "feedgenerator", "pillow", "pagefind")
# Settings that say where the build happens, not what it makes.
VOLATILE_SETTINGS = frozenset({"OUTPUT_PATH"})


@dataclass
class Plan:
    """One build's bookkeeping: what the output folder holds, what this build made or kept."""

    target: Path
    manifest_path: Path
    previous: dict | None  # the manifest describing the output folder: its files may be kept
    fingerprint: str = ""
    pages: dict[str, dict] = field(default_factory=dict)  # name -> {"key", "sha"}, made or kept
    kept: set[str] = field(default_factory=set)  # output-relative paths kept as they are
    search: dict[str, dict] = field(default_factory=dict)  # html lang -> digest of its indexed pages
    groups: dict[str, dict] = field(default_factory=dict)  # name -> {"key", "files"} (see Group)

    @property
    def incremental(self) -> bool:
        return self.previous is not None

    def intact(self, rel: str) -> bool:
        """Is the output's file as the manifest describes it?"""
        if self.previous is None:
            return False
        expected = self.previous["files"].get(rel)
        try:
            st = os.stat(self.target / rel)
        except OSError:
            return False
        return expected == [st.st_size, st.st_mtime_ns]

    def reusable(self, name: str, key: str) -> bool:
        entry = self.previous["pages"].get(name) if self.previous else None
        return entry is not None and entry["key"] == key and self.intact(name)

    def keep(self, rel: str) -> None:
        self.kept.add(rel)

    # ---- after the build ------------------------------------------------------------------
    def save(self) -> None:
        """Describe the output folder as it now is (called once it is in place)."""
        files = {}
        for rel, path in _walk_files(self.target):
            st = os.stat(path)
            files[rel] = [st.st_size, st.st_mtime_ns]
        st = os.stat(self.target)
        data = {"format": FORMAT, "output": [st.st_dev, st.st_ino], "fingerprint": self.fingerprint,
                "pages": {name: page for name, page in self.pages.items() if name in files},
                "search": self.search, "files": files,
                "groups": {name: group for name, group in self.groups.items()
                           if all(rel in files for rel in group["files"])}}
        self.manifest_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.manifest_path.with_name(f"{self.manifest_path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, self.manifest_path)

    def forget(self) -> None:
        """The output folder is about to change: until saved again, no manifest describes it."""
        self.manifest_path.unlink(missing_ok=True)


current: Plan | None = None  # the plan of the build in progress (set by icuk_site.build)


def plan(settings: dict, target: Path) -> Plan | None:
    """The plan for a build into `target`: None without the content cache (a publish build)."""
    if not settings.get("CACHE_CONTENT"):
        return None
    manifest = Path(settings["CACHE_PATH"]) / MANIFEST
    previous = None
    if settings.get("LOAD_CONTENT_CACHE"):
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
            st = os.stat(target)
            if data.get("format") == FORMAT and data.get("output") == [st.st_dev, st.st_ino]:
                previous = data
        except (OSError, ValueError):
            pass
    return Plan(target, manifest, previous)


# --------------------------------------------------------------------------------------------
# Keys
# --------------------------------------------------------------------------------------------


def _canonical(value):
    """A repr that is the same in every process (sets sorted)."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_canonical(k)}: {_canonical(v)}" for k, v in sorted(value.items(), key=repr)) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_canonical(v) for v in value) + "]"
    if isinstance(value, set | frozenset):
        return "{" + ", ".join(sorted(_canonical(v) for v in value)) + "}"
    return repr(value)


def fingerprint(settings: dict, site) -> str:
    """Everything a page may show except documents' bodies (see the module docstring)."""
    h = hashlib.sha256()

    def add(*parts) -> None:
        for part in parts:
            h.update(part if isinstance(part, bytes) else str(part).encode())
            h.update(b"\0")

    package = Path(__file__).parent
    for path in sorted(package.glob("*.py")):
        add(path.name, path.read_bytes())
    theme = Path(settings["THEME"])
    for path in sorted(p for p in theme.rglob("*") if p.is_file()):
        add(path.relative_to(theme).as_posix(), path.read_bytes())
    for name in LIBRARIES:
        try:
            add(name, version(name))
        except PackageNotFoundError:
            add(name, "-")
    add(_canonical({k: v for k, v in settings.items() if k not in VOLATILE_SETTINGS}))
    for doc in site.documents:
        add(repr(dataclasses.replace(doc, body="")))
    add(_canonical(site.partners), site.reference_date)
    content = Path(settings["PATH"])
    sources = {doc.source for doc in site.documents}
    for path in sorted(content.rglob("*")):
        rel = path.relative_to(content).as_posix()
        if rel not in sources and path.is_file():
            st = path.stat()
            add(rel, st.st_size, st.st_mtime_ns)
    return h.hexdigest()


def start(settings: dict, site) -> None:
    """Signal `initialized` (after validation): the fingerprint of this build."""
    if current is not None:
        current.fingerprint = fingerprint(settings, site)


def _sha(text: str | bytes) -> str:
    return hashlib.sha256(text.encode() if isinstance(text, str) else text).hexdigest()


_body_shas: dict[str, tuple[str, str]] = {}  # source -> (body, its digest): each body hashed once


def _body_sha(doc) -> str:
    known = _body_shas.get(doc.source)
    if known is None or known[0] is not doc.body:
        known = _body_shas[doc.source] = (doc.body, _sha(doc.body))
    return known[1]


def _page_key(plan: Plan, name: str, template, kwargs: dict) -> str | None:
    """The key of a page, or None when the page is not one this module knows how to key."""
    from . import state
    from .views import ListingView

    item = kwargs.get("article") or kwargs.get("page")
    if item is not None:
        doc = state.current_site().by_source.get(getattr(item, "relative_source_path", "").replace(os.sep, "/"))
        if doc is None:
            return None
        own = _body_sha(doc)
    elif isinstance(kwargs.get("view"), ListingView):
        own = ""  # made from front-matter only
    else:
        return None
    return _sha(f"{plan.fingerprint}\0{name}\0{getattr(template, 'name', '')}\0{own}")


# --------------------------------------------------------------------------------------------
# The writer
# --------------------------------------------------------------------------------------------


class _Capture:
    """Stands in for a template to keep what it rendered."""

    def __init__(self, template):
        self.template = template
        self.name = getattr(template, "name", None)
        self.output: str | None = None

    def render(self, *args, **kwargs) -> str:
        self.output = self.template.render(*args, **kwargs)
        return self.output


class IncrementalWriter(Writer):
    """Pelican's writer, which skips pages kept from the last build and writes in the background.

    Rendering is Python on one core; creating thousands of files is work for the kernel. A
    page's bytes are handed to a helper process (`_Spool`, forked when the writer is made, before
    any thread of the build starts) that creates the file while the next page is rendered;
    the build waits for it before anything reads the
    output (`flush`, signal `finalized`). For a page this writer makes (every page without
    pagination: all of ours) it does what Pelican 4.12's `Writer.write_file` does — same
    context, same checks against writing a file twice, same `content_written` signal — except
    that the file appears a moment later; the search index is given the bytes directly.
    Paginated pages go through Pelican's own code.
    """

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self._spool: _Spool | None = _Spool()
        self._error: BaseException | None = None
        self._helper: parallel.PageHelper | None = None  # renders some article pages (see split_articles)
        self._delegated: dict[str, tuple] = {}  # name -> the write_file call, for pages the helper makes
        self._split: set[int] = set()  # the generators whose pages were shared out (or not)
        self._decided: dict[str, tuple[str | None, bool]] = {}  # name -> (key, reusable), from split_articles
        _writers.append(self)

    def write_file(self, name, template, context, relative_urls=False, paginated=None, template_name=None,
                   override_output=False, url=None, **kwargs):
        if paginated is None:
            paginated = {key: val for key, val in kwargs.items() if key in {"articles", "dates"}}
        if not name or (paginated and template_name in self.settings["PAGINATED_TEMPLATES"]):
            return super().write_file(name, template, context, relative_urls, paginated, template_name,
                                      override_output, url, **kwargs)
        if name in self._delegated and self._delegated[name] is None:  # the helper renders this one
            self._delegated[name] = (name, template, context, relative_urls, override_output, kwargs)
            return None
        plan = current
        if name in self._decided:  # worked out by split_articles a moment ago
            key, reusable = self._decided.pop(name)
        else:
            key = _page_key(plan, name, template, kwargs) if plan is not None else None
            reusable = key is not None and plan.reusable(name, key)
        path = sanitised_join(self.output_path, name)
        if reusable:
            self._written_files.add(path)  # Pelican's write-once check
            plan.keep(name)
            plan.pages[name] = plan.previous["pages"][name]
            _kept_page(plan, name, kwargs)
            return None
        output, localcontext = self.render(name, template, context, relative_urls, kwargs)
        self._written(name, path, output.encode("utf-8"), output, localcontext, override_output, key)
        return None

    def render(self, name, template, context, relative_urls, kwargs) -> tuple[str, dict]:
        """Pelican 4.12's Writer.write_file without pagination, up to the rendered text (pelican/writers.py)."""
        localcontext = context.copy()
        localcontext["localsiteurl"] = localcontext.get("localsiteurl", None)
        if relative_urls:
            relative_url = path_to_url(get_relative_path(name))
            localcontext["SITEURL"] = relative_url
            localcontext["localsiteurl"] = relative_url
        localcontext["output_file"] = name
        localcontext.update(kwargs)
        if localcontext["localsiteurl"]:
            context["localsiteurl"] = localcontext["localsiteurl"]
        return template.render(localcontext), localcontext

    def _written(self, name, path, data: bytes, output: str, localcontext, override: bool, key: str | None,
                 on_disk: bool = False) -> None:
        """… and what follows: the write, the log line, the search index, the signal, the manifest."""
        if self._claim(path, override):
            if not on_disk:
                self._write_later(path, data)
            _pelican_log.info('Writing "%s"', path)
            from . import search

            sha = _sha(data)
            search.stage_written(name, data, sha)
            signals.content_written.send(path, context=localcontext)
            if key is not None:
                current.pages[name] = {"key": key, "sha": sha, **search.page_facts(output)}

    # ---- article pages on two cores -------------------------------------------------------
    def split_articles(self, generator) -> None:
        """Before the first article page: give every other page still to render to a helper process.

        The helper (forked now, so it holds everything Pelican built) renders its pages exactly as
        Pelican's loop below would (`ArticlesGenerator.generate_articles`, Pelican 4.12) and writes
        them; this process renders the others; `join_articles` then does for the helper's pages what
        `write_file` does after rendering, in the same order. A page the helper could not render is
        rendered here again, so any error surfaces as it would without the helper.
        """
        if id(generator) in self._split or not parallel.available():
            return
        self._split.add(id(generator))  # decided once, before the first page
        plan = current
        todo = []
        for article in chain(generator.translations, generator.articles, generator.hidden_translations,
                             generator.hidden_articles):
            name = article.save_as
            kwargs = {"article": article, "category": getattr(article, "category", None), "url": article.url,
                      "blog": True}
            template = generator.get_template(article.template)
            key = _page_key(plan, name, template, kwargs) if plan is not None else None
            reusable = key is not None and plan.reusable(name, key)
            self._decided[name] = (key, reusable)  # write_file needs not work it out again
            if name and not reusable:
                todo.append((name, template, kwargs))
        if len(todo) < parallel.MIN_PAGES:
            return
        theirs = todo[1::2]
        self._delegated = {name: None for name, *_ in theirs}
        relative_urls = generator.settings["RELATIVE_URLS"]

        made: set[str] = set()  # the helper's folders (it writes its own pages)

        def render_one(item):
            name, template, kwargs = item
            output, _ = self.render(name, template, generator.context, relative_urls, kwargs)
            error = _write(sanitised_join(self.output_path, name), output.encode("utf-8"), made)
            if error is not None:
                raise OSError(error)
            return name, output

        self._helper = parallel.PageHelper(theirs, render_one)

    def join_articles(self) -> None:
        """After the article pages: take over the helper's pages (see split_articles)."""
        helper, self._helper = self._helper, None
        if helper is None:
            return
        results, records = helper.results()
        for record in records:  # what the helper logged, as if logged here (a build with errors fails)
            logging.getLogger(record["name"]).log(record["levelno"], "%s", record["message"])
        delegated, self._delegated = self._delegated, {}
        for name, call in delegated.items():
            if call is None:
                continue  # Pelican did not ask for it after all
            _, template, context, relative_urls, override, kwargs = call
            output = results.get(name)
            if output is None:  # the helper failed on it: render it here, errors and all
                self.write_file(name, template, context, relative_urls, override_output=override, **kwargs)
                continue
            key, _ = self._decided.pop(name)
            localcontext = {**context, "output_file": name, **kwargs}
            self._written(name, sanitised_join(self.output_path, name), output.encode("utf-8"), output,
                          localcontext, override, key, on_disk=True)

    def _claim(self, path: str, override: bool) -> bool:
        """Pelican's `_open_w` checks: False when the file must not be written."""
        if path in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(f'Failed to overwrite "{path}" a second time (was previously overwritten)')
            _pelican_log.info('Skipping "%s", not overwriting', path)
            return False
        if path in self._written_files:
            if override:
                _pelican_log.info('Overwriting "%s"', path)
            else:
                raise FileOverwriteFailedError(f'Failed to overwrite "{path}" as Pelican has already written to it '
                                               "previously (set `override=True` if intended)")
        if override:
            self._overridden_files.add(path)
        self._written_files.add(path)
        return True

    def _write_later(self, path: str, data: bytes) -> None:
        if self._error is not None:
            raise self._error
        if self._spool is None:
            self._spool = _Spool()
        self._spool.write(path, data)

    def flush(self) -> None:
        """Wait until every file is written; raise what went wrong, if anything."""
        if self._spool is not None:
            spool, self._spool = self._spool, None
            spool.close()


class _Spool:
    """Files written by a helper: a forked process where there is `fork` (it shares no lock with
    the rendering, as a thread would share the GIL), else a thread. Errors come back at close()."""

    def __init__(self):
        self.error: str | None = None
        if parallel.available():
            ctx = multiprocessing.get_context("fork")
            recv_files, self._send = ctx.Pipe(duplex=False)
            self._recv_result, send_result = ctx.Pipe(duplex=False)
            self._proc = ctx.Process(target=_spool_main, args=(recv_files, send_result), daemon=True,
                                     name="icuk-writer")
            self._proc.start()
            recv_files.close()
            send_result.close()
            self._thread = None
        else:
            self._proc = None
            self._queue: queue.Queue = queue.Queue(maxsize=512)
            self._thread = threading.Thread(target=self._drain, daemon=True, name="icuk-writer")
            self._thread.start()

    def write(self, path: str, data: bytes) -> None:
        if self._proc is not None:
            self._send.send_bytes(os.fsencode(path) + b"\0" + data)
        else:
            self._queue.put((path, data))

    def _drain(self) -> None:
        made: set[str] = set()
        while (item := self._queue.get()) is not None:
            if self.error is None:
                self.error = _write(*item, made)

    def close(self) -> None:
        if self._proc is not None:
            try:
                self._send.send_bytes(b"")
                self.error = self._recv_result.recv()
            except (EOFError, OSError) as e:
                self.error = f"the writing process stopped: {e!r}"
            self._proc.join()
        else:
            self._queue.put(None)
            self._thread.join()
        if self.error is not None:
            raise OSError(f"could not write the output: {self.error}")


def _write(path: str, data: bytes, made: set[str]) -> str | None:
    """Write one file; `made`: the folders this writer already made (one mkdir per folder, not per file)."""
    try:
        folder = os.path.dirname(path)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        with open(path, "wb") as f:
            f.write(data)
    except OSError as e:
        return repr(e)
    return None


def _spool_main(recv_files, send_result) -> None:
    error, made = None, set()
    while message := recv_files.recv_bytes():
        if error is None:
            path, data = message.split(b"\0", 1)
            error = _write(os.fsdecode(path), data, made)
    send_result.send(error)


_writers: list[IncrementalWriter] = []


def flush(*args) -> None:
    """Signal `finalized` (plugin.finish calls it first): every page is on disk before anything looks at the output."""
    while _writers:
        _writers.pop().flush()


def before_article(generator, content=None) -> None:
    """Signal article_generator_write_article: on the first page, maybe split the work."""
    if _writers:
        _writers[-1].split_articles(generator)


def after_articles(generator, writer=None) -> None:
    """Signal article_writer_finalized: the helper's pages, taken over."""
    if _writers:
        _writers[-1].join_articles()


def abandon() -> None:
    """A build failed: stop writing (errors are already being reported)."""
    while _writers:
        writer = _writers.pop()
        writer._error = writer._error or RuntimeError("build abandoned")
        if writer._helper is not None:
            writer._helper.close()
            writer._helper = None
        try:
            writer.flush()
        except BaseException:
            pass


def _kept_page(plan: Plan, name: str, kwargs: dict) -> None:
    """What rendering the page would have done besides writing it."""
    from . import images, search

    search.stage_kept(name, plan.target / name, plan.pages[name])
    view = getattr(kwargs.get("article") or kwargs.get("page"), "view", None)
    picture = getattr(view, "image", None)
    if picture and images._pictures is not None:
        images._pictures(picture)  # its resized versions go into this build's output


class Group:
    """Files made together from known inputs (feeds, sitemap, open data), kept when those are unchanged.

        group = Group("open-data", key)    # key: what the files are made from besides the fingerprint
        if not group.kept:
            …write each file…; group.add(rel)
    """

    def __init__(self, name: str, key: str = ""):
        self.plan = current
        self.name = name
        self.files: list[str] = []
        self.kept = False
        if self.plan is None:
            return
        self.key = _sha(f"{self.plan.fingerprint}\0{name}\0{key}")
        previous = (self.plan.previous or {}).get("groups", {}).get(name)
        if previous and previous["key"] == self.key and all(self.plan.intact(rel) for rel in previous["files"]):
            self.kept = True
            self.files = list(previous["files"])
            self.plan.kept.update(self.files)
        self.plan.groups[name] = {"key": self.key, "files": self.files}

    def add(self, rel: str) -> None:
        self.files.append(rel)


def bodies_key(docs) -> str:
    """A key for files made from these documents' bodies (e.g. a feed)."""
    return _sha("\0".join(f"{doc.source}:{_body_sha(doc)}" for doc in sorted(docs, key=lambda d: d.source)))


def get_writer(pelican):
    """Signal `get_writer`."""
    return IncrementalWriter


# --------------------------------------------------------------------------------------------
# Bringing the output folder up to date
# --------------------------------------------------------------------------------------------


def apply(new: Path, target: Path, kept: set[str]) -> dict[str, int]:
    """Make `target` hold what `new` holds plus the `kept` files it already has; remove `new`."""
    counts = {"added": 0, "changed": 0, "removed": 0, "unchanged": 0}
    made = set(kept)
    for rel, src in _walk_files(new):
        made.add(rel)
        dst = target / rel
        if dst.is_file() and not dst.is_symlink():
            if filecmp.cmp(src, dst, shallow=False):
                counts["unchanged"] += 1
                continue
            counts["changed"] += 1
        else:
            _clear_way(target, dst)
            counts["added"] += 1
        dst.parent.mkdir(parents=True, exist_ok=True)
        os.replace(src, dst)
    for dirpath, files in _walk(target, topdown=False):  # files no longer made, then empty folders
        for rel, path in files:
            if rel not in made:
                os.unlink(path)
                counts["removed"] += 1
        if dirpath != str(target) and not os.listdir(dirpath):
            os.rmdir(dirpath)
    shutil.rmtree(new, ignore_errors=True)
    return counts


def _walk(root: Path, topdown: bool = True):
    """Each folder under `root` with its files as (path relative to `root` with /, full path).
    No os.path.relpath: at thousands of files it was a tenth of an edit rebuild."""
    prefix = len(str(root)) + 1
    for dirpath, _dirs, names in os.walk(root, topdown=topdown):
        rel_dir = dirpath[prefix:].replace(os.sep, "/")
        yield dirpath, [((f"{rel_dir}/{name}" if rel_dir else name), os.path.join(dirpath, name)) for name in names]


def _walk_files(root: Path):
    """(path relative to `root` with /, full path) of every file under `root`."""
    for _dirpath, files in _walk(root):
        yield from files


def _clear_way(root: Path, dst: Path) -> None:
    """Remove whatever stands where `dst` (a file) goes: a folder there, or a file where a folder must be."""
    if dst.is_dir() and not dst.is_symlink():
        shutil.rmtree(dst)
    elif dst.is_symlink():
        dst.unlink()
    parent = dst.parent
    while parent != root and root in parent.parents:
        if parent.is_file() or parent.is_symlink():
            parent.unlink()
            break
        parent = parent.parent
