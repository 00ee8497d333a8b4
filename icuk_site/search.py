"""Full-text search: Pagefind indexes the finished site at the end of every build.

Run from the plugin (signal `finalized`) so that `pelican` alone — and so every build, the
tests and the benchmark — produces the index; there is no separate manual step. Pagefind
makes one index per `<html lang>`; only elements marked `data-pagefind-body` (project and
section page bodies) are indexed, so listing pages and navigation never flood the results.

How it stays quick (docs/performance.md): Pagefind only reads the pages it indexes. The
writer hands over each page with `data-pagefind-body` as it renders it; once every project and
section page is written (signal `page_writer_finalized`), those pages are laid out in a scratch
folder (in memory under /dev/shm where there is one) and Pagefind indexes them, one process per
`<html lang>`, in the background while the listing pages, feeds and open data are made. At the
end (`finalized`) the build waits for it and puts the merged bundle into the output. Pagefind
keeps languages apart, so this is the bundle one run over every page makes; in an incremental
build (incremental.py) a language whose pages are all unchanged keeps its index. A page with a
body written after Pagefind started (none today) makes the build index again, so the index is
always complete.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

log = logging.getLogger(__name__)
BUNDLE = "pagefind"
ENTRY = "pagefind-entry.json"


class SearchIndexError(RuntimeError):
    pass


MARKER = b"data-pagefind-body"


def _pagefind() -> str:
    from pagefind.service import get_executable  # what `python -m pagefind` runs, minus an interpreter

    exe = get_executable()
    if exe is None:
        raise SearchIndexError("Pagefind's binary is missing (the pagefind[bin] package)")
    return str(exe)


def _scratch_root() -> str | None:
    """Memory-backed /dev/shm when usable (many small files are written there), else the temp dir."""
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK | os.X_OK) else None


SCRATCH_PREFIX = "icuk-search-"


def _remove_stale(root: Path) -> None:
    """Scratch folders of builds that were killed (their process is gone)."""
    for folder in root.glob(f"{SCRATCH_PREFIX}*-*"):
        pid = folder.name[len(SCRATCH_PREFIX):].split("-", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


_HTML_LANG = re.compile(rb"<html\b[^>]*?\slang=\"([^\"]*)\"", re.IGNORECASE)


def _lang_of(data: bytes) -> str:
    match = _HTML_LANG.search(data, 0, 4096)
    return match.group(1).decode("ascii", "replace") if match else ""


def _owned(rel: str, language: str) -> bool:
    """Is a bundle file part of one language's index? (index/, fragment/ … `<lang>_…`, `pagefind.<lang>_….pf_meta`)"""
    name = rel.rsplit("/", 1)[-1]
    return name.startswith((f"{language}_", f"pagefind.{language}_"))


class _Collision(Exception):
    """Two groups of pages came out as one Pagefind language: index them together instead."""


class _Indexing:
    """The search index of one build: pages staged as written, indexed per language once all are.

    Each `<html lang>` is indexed by its own Pagefind run (in parallel): Pagefind keeps languages
    apart anyway, so the bundle is the same as one run over every page, and an incremental build
    (incremental.py) runs Pagefind only for a language whose pages changed, keeping the rest.
    """

    def __init__(self, output: Path, plan=None):
        self.output = output
        self.plan = plan  # incremental.Plan or None
        root = _scratch_root()
        _remove_stale(Path(root or tempfile.gettempdir()))
        self.scratch = Path(tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-", dir=root))
        # (output-relative path, html lang, sha256, the page's bytes or the kept file holding them)
        self.staged: list[tuple[str, str, str, bytes | Path]] = []
        self.seen: set[str] = set()  # pages the writer handed over directly
        self.late = False  # a page with a body was staged after Pagefind started
        self.launched = False
        self.procs: list[subprocess.Popen] = []
        self.collector: threading.Thread | None = None
        self.error: BaseException | None = None
        self.digests: dict[str, dict] = {}

    # ---- staging ----------------------------------------------------------------------------
    def add(self, path: str) -> None:
        """A page written into this build's output (signal content_written)."""
        rel = os.path.relpath(path, self.output).replace(os.sep, "/")
        if path.endswith(".html") and rel not in self.seen:
            self.add_written(rel, Path(path).read_bytes())

    def add_written(self, rel: str, data: bytes, sha: str | None = None) -> None:
        """A page the writer writes, with its bytes (it may not be on disk yet)."""
        self.seen.add(rel)
        if rel.endswith(".html"):
            self._stage(rel, data, sha)

    def add_kept(self, rel: str, path: Path, facts: dict | None = None) -> None:
        """A page kept as it is in the output folder (incremental build). With what the last build
        recorded about it (`facts`: indexed, lang, sha), it is only read if its language is indexed again."""
        if facts is None or "indexed" not in facts:
            if rel.endswith(".html"):
                self._stage(rel, path.read_bytes())
        elif facts["indexed"]:
            self.staged.append((rel, facts["lang"], facts["sha"], path))
            self.late = self.late or self.launched

    def _stage(self, rel: str, data: bytes, sha: str | None = None) -> None:
        if MARKER not in data:
            return
        # Kept in memory until launch(): Pagefind numbers pages in the order it finds them, so the
        # folders it reads are made in a fixed (sorted) order, whatever order pages come in.
        self.staged.append((rel.replace(os.sep, "/"), _lang_of(data), sha or hashlib.sha256(data).hexdigest(), data))
        self.late = self.late or self.launched

    def _place(self, folder: Path, pages: list[tuple[str, str, str, bytes | Path]]) -> None:
        made: set[Path] = set()
        for rel, _, _, source in sorted(pages, key=lambda page: page[0]):
            target = folder / rel
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            if isinstance(source, bytes):
                target.write_bytes(source)
            else:
                shutil.copyfile(source, target)

    # ---- indexing ---------------------------------------------------------------------------
    def launch(self) -> None:
        if self.launched or not self.staged:
            return
        self.launched = True
        groups: dict[str, list[tuple[str, str, str, bytes | Path]]] = {}
        for page in self.staged:
            groups.setdefault(page[1], []).append(page)
        self.digests = {
            lang: {"digest": hashlib.sha256(repr(sorted((rel, sha) for rel, _, sha, _ in pages)).encode()).hexdigest()}
            for lang, pages in groups.items()
        }
        keep = self._unchanged_languages()
        runs = []
        for i, lang in enumerate(sorted(groups)):
            if lang not in keep:
                site, bundle = self.scratch / "site" / str(i), self.scratch / "bundle" / str(i)
                self._place(site, groups[lang])
                runs.append((lang, bundle, self._start(site, bundle, f"log-{i}")))
        self.collector = threading.Thread(target=self._collect, args=(runs, keep), daemon=True)
        self.collector.start()  # merges the bundles as soon as Pagefind is done, while the build goes on

    def _start(self, site: Path, bundle: Path, log_name: str) -> subprocess.Popen:
        with open(self.scratch / log_name, "wb") as log_file:
            proc = subprocess.Popen([_pagefind(), "--site", str(site), "--output-path", str(bundle), "--silent"],
                                    stdout=log_file, stderr=subprocess.STDOUT)
        proc.log_path = self.scratch / log_name  # type: ignore[attr-defined]
        self.procs.append(proc)
        return proc

    def _unchanged_languages(self) -> dict[str, dict]:
        """html lang -> the previous build's record, for languages whose pages are all unchanged."""
        plan = self.plan
        if plan is None or not plan.incremental:
            return {}
        previous = plan.previous.get("search") or {}
        same = {lang: previous[lang] for lang, d in self.digests.items()
                if lang in previous and previous[lang].get("digest") == d["digest"]}
        bundle_files = [rel for rel in plan.previous["files"] if rel.startswith(f"{BUNDLE}/")]
        if same and not all(plan.intact(rel) for rel in bundle_files):
            return {}
        return same

    def _collect(self, runs, keep) -> None:
        try:
            for _, _, proc in runs:
                self._wait(proc)
            try:
                files, entry = self._merge(runs, keep)
            except _Collision:
                for proc in self.procs:
                    proc.kill()
                site, bundle = self.scratch / "site" / "all", self.scratch / "bundle" / "all"
                self._place(site, self.staged)
                proc = self._start(site, bundle, "log-all")
                self._wait(proc)
                files, entry = self._merge([("", bundle, proc)], {})
            self._write(files, entry)
        except BaseException as e:  # reported by finish() on the build's thread
            self.error = e

    @staticmethod
    def _wait(proc: subprocess.Popen) -> None:
        returncode = proc.wait()
        if returncode != 0:
            raise SearchIndexError(f"Pagefind failed ({returncode}): "
                                   f"{proc.log_path.read_bytes().decode(errors='replace')}")  # type: ignore[attr-defined]

    def _merge(self, runs, keep) -> tuple[dict[str, Path | None], dict]:
        """The bundle's files (name -> file to copy, or None: keep the output's) and its entry."""
        files: dict[str, Path | None] = {}
        languages: dict[str, dict] = {}
        entry: dict = {}
        for lang, bundle, _ in runs:
            entry = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
            self.digests.setdefault(lang, {})["languages"] = sorted(entry["languages"])
            for language, info in entry["languages"].items():
                if language in languages:
                    raise _Collision(language)
                languages[language] = info
            for path in bundle.rglob("*"):
                rel = path.relative_to(bundle).as_posix()
                if path.is_file() and rel != ENTRY:
                    files.setdefault(rel, path)  # files every run writes are the same in each
        if keep:
            previous_entry = json.loads((self.plan.target / BUNDLE / ENTRY).read_text(encoding="utf-8"))
            entry = entry or previous_entry
            previous_files = [rel[len(BUNDLE) + 1:] for rel in self.plan.previous["files"]
                              if rel.startswith(f"{BUNDLE}/") and rel != f"{BUNDLE}/{ENTRY}"]
            kept_languages = [language for lang in keep for language in keep[lang].get("languages", ())]
            for language in kept_languages:
                if language in languages or language not in previous_entry["languages"]:
                    raise _Collision(language)
                languages[language] = previous_entry["languages"][language]
            for lang in keep:
                self.digests[lang] = keep[lang]
            for rel in previous_files:
                if any(_owned(rel, language) for language in kept_languages):
                    files[rel] = None
            if not runs:  # nothing indexed again: the whole bundle stays as it is
                files.update({rel: None for rel in previous_files})
            wasm = {"wasm.unknown.pagefind"} | {f"wasm.{i['wasm']}.pagefind" for i in languages.values() if i.get("wasm")}
            for rel in wasm:
                if rel not in files and rel in previous_files:
                    files[rel] = None
        entry = {**entry, "languages": dict(sorted(languages.items()))}
        return files, entry

    def _write(self, files: dict[str, Path | None], entry: dict) -> None:
        plan = self.plan if self.plan is not None and self.plan.incremental else None
        out = self.output / BUNDLE
        out.mkdir(parents=True, exist_ok=True)
        made = {out}
        for rel, source in sorted(files.items()):
            if source is None or (plan is not None and plan.intact(f"{BUNDLE}/{rel}")
                                  and _same_file(source, plan.target / BUNDLE / rel)):
                plan.keep(f"{BUNDLE}/{rel}")  # as it is in the output folder
                continue
            target = out / rel
            if target.parent not in made:  # one mkdir per folder, not per file (they are costly here)
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            shutil.copyfile(source, target)
        (out / ENTRY).write_text(json.dumps(entry, separators=(",", ":"), sort_keys=True), encoding="utf-8")

    def finish(self) -> None:
        if not self.staged:  # no page marks a body: Pagefind indexes every page, as it would the output
            proc = subprocess.run([_pagefind(), "--site", str(self.output), "--output-subdir", BUNDLE, "--silent"],
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            if proc.returncode != 0:
                raise SearchIndexError(f"Pagefind failed ({proc.returncode}): {proc.stdout.decode(errors='replace')}")
            normalise(self.output / BUNDLE)
            return
        if self.late:  # start again, with every page
            self.stop()
            shutil.rmtree(self.output / BUNDLE, ignore_errors=True)
            for folder in ("site", "bundle"):
                shutil.rmtree(self.scratch / folder, ignore_errors=True)
            self.launched, self.late, self.error, self.procs = False, False, None, []
            if self.plan is not None:
                self.plan.kept = {rel for rel in self.plan.kept if not rel.startswith(f"{BUNDLE}/")}
        self.launch()
        self.collector.join()
        if self.error is not None:
            raise self.error
        if self.plan is not None:
            self.plan.search = self.digests

    def stop(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                proc.kill()
        if self.collector is not None:
            self.collector.join()
        self.collector = None

    def close(self) -> None:
        try:
            self.stop()
        finally:
            shutil.rmtree(self.scratch, ignore_errors=True)


def _same_file(a: Path, b: Path) -> bool:
    import filecmp

    return filecmp.cmp(a, b, shallow=False)


_current: _Indexing | None = None


def close() -> None:
    """Stop this build's indexing: Pagefind runs killed, scratch folder removed (also at exit)."""
    global _current
    if _current is not None:
        _current.close()
        _current = None


atexit.register(close)  # a build that failed half-way leaves no Pagefind process or scratch folder behind


def start(pelican) -> None:
    """Signal `initialized`: a new build, a new index."""
    global _current
    close()
    if pelican.settings.get("SEARCH_INDEX", True):
        from . import incremental

        _current = _Indexing(Path(pelican.settings["OUTPUT_PATH"]), incremental.current)


def page_written(path, context=None) -> None:
    """Signal `content_written`: stage the page if Pagefind indexes it."""
    if _current is not None:
        _current.add(path)


def stage_written(rel: str, data: bytes, sha: str | None = None) -> None:
    """A page the writer writes (incremental.IncrementalWriter), before content_written."""
    if _current is not None:
        _current.add_written(rel, data, sha)


def stage_kept(rel: str, path: Path, facts: dict | None = None) -> None:
    """A page an incremental build kept as it is (incremental.py)."""
    if _current is not None:
        _current.add_kept(rel, path, facts)


def page_facts(html: str) -> dict:
    """What an incremental build records about a page for the search index."""
    head = html[:4096].encode()
    return {"indexed": MARKER.decode() in html, "lang": _lang_of(head)}


def launch(generator=None, writer=None) -> None:
    """Signal `page_writer_finalized`: every project and section page is written; start indexing."""
    if _current is not None:
        _current.launch()


def index_site(pelican) -> None:
    """Signal `finalized`: wait for Pagefind and put its bundle into the output."""
    if _current is None:
        return
    try:
        _current.finish()
    finally:
        close()


def normalise(bundle: Path) -> None:
    """Pagefind lists the languages in pagefind-entry.json in a varying order: sort them, so
    that two builds of the same commit are byte-identical."""
    entry = bundle / "pagefind-entry.json"
    if entry.exists():
        data = json.loads(entry.read_text(encoding="utf-8"))
        if isinstance(data.get("languages"), dict):
            data["languages"] = dict(sorted(data["languages"].items()))
        entry.write_text(json.dumps(data, separators=(",", ":"), sort_keys=True), encoding="utf-8")
