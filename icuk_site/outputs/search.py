"""Full-text search: Pagefind indexes the pages of every build, one run per language.

Run from the plugin so that `pelican` alone — and so every build, the tests and the benchmark
— produces the index. Only elements marked `data-pagefind-body` (project and section page
bodies) are indexed, so listing pages and navigation never flood the results.

How it stays quick (docs/performance.md): Pagefind only reads the pages it indexes. Every page
the writer announces (`content_written`, written or kept) is staged; once the project and
section pages are all announced (`page_writer_finalized`), they are laid out in a scratch folder
(in memory under /dev/shm where there is one) and Pagefind indexes each `<html lang>` in its own
process, in the background while the listing pages, feeds and open data are made. At the end
the build waits for it and puts the merged bundle into the output. Pagefind keeps languages
apart, so this is the bundle one run over every page makes; in an incremental build a
language whose indexed pages are all unchanged keeps its index. A page with a body announced
after Pagefind started would be missing from the index: the build fails instead.
"""

from __future__ import annotations

import filecmp
import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

BUNDLE = "pagefind"
ENTRY = "pagefind-entry.json"
MARKER = b"data-pagefind-body"
SCRATCH_PREFIX = "icuk-search-"
_HTML_LANG = re.compile(rb"<html\b[^>]*?\slang=\"([^\"]*)\"", re.IGNORECASE)


class SearchIndexError(RuntimeError):
    pass


def _pagefind() -> str:
    from pagefind.service import get_executable  # what `python -m pagefind` runs, minus an interpreter

    exe = get_executable()
    if exe is None:
        raise SearchIndexError("Pagefind's binary is missing (the pagefind[bin] package)")
    return str(exe)


def scratch_root() -> str | None:
    """Memory-backed /dev/shm when usable (many small files are written there), else the temp dir."""
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK | os.X_OK) else None


def page_facts(data: bytes) -> dict:
    """What the index needs to know about a page (kept in the incremental manifest)."""
    match = _HTML_LANG.search(data, 0, 4096)
    return {"indexed": MARKER in data, "lang": match.group(1).decode("ascii", "replace") if match else "",
            "sha": hashlib.sha256(data).hexdigest()}


def _owned(rel: str, language: str) -> bool:
    """Is a bundle file part of one language's index? (index/, fragment/ … `<lang>_…`, `pagefind.<lang>_….pf_meta`)"""
    return rel.rsplit("/", 1)[-1].startswith((f"{language}_", f"pagefind.{language}_"))


class SearchIndex:
    """The search index of one build (the session holds it): pages staged as announced, indexed per language."""

    def __init__(self, output: Path, plan=None):
        self.output = output
        self.plan = plan  # incremental.Plan or None
        self.scratch = Path(tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-", dir=scratch_root()))
        self.staged: dict[str, tuple[str, str, bytes | Path]] = {}  # rel -> (html lang, sha, bytes or kept file)
        self.launched = self.late = False  # late: a page with a body came after launch()
        self.procs: list[subprocess.Popen] = []
        self.collector: threading.Thread | None = None
        self.error: BaseException | None = None
        self.digests: dict[str, dict] = {}

    def page(self, path: str, kept: bool = False) -> None:
        """A page announced by the writer (signal content_written): written, or kept as it is."""
        if not path.endswith(".html"):
            return
        rel = os.path.relpath(path, self.output).replace(os.sep, "/")
        if kept and self.plan is not None and "indexed" in self.plan.pages.get(rel, {}):
            facts, source = self.plan.pages[rel], self.plan.target / rel  # read only if its language is indexed again
        else:
            source = (self.plan.target / rel) if kept else Path(path)
            source = source.read_bytes()
            facts = page_facts(source)
            if self.plan is not None:
                self.plan.note(rel, **facts)
        if facts["indexed"]:
            self.staged[rel] = (facts["lang"], facts["sha"], source)
            self.late = self.late or self.launched

    # ---- indexing ---------------------------------------------------------------------------
    def launch(self) -> None:
        """Signal page_writer_finalized: index what is staged, in the background."""
        if self.launched or not self.staged:
            return
        self.launched = True
        groups: dict[str, list[str]] = {}
        for rel in sorted(self.staged):  # Pagefind numbers pages in the order it finds them
            groups.setdefault(self.staged[rel][0], []).append(rel)
        self.digests = {lang: {"digest": hashlib.sha256(repr([(rel, self.staged[rel][1]) for rel in rels]).encode())
                               .hexdigest()} for lang, rels in groups.items()}
        keep = self._unchanged_languages()
        runs = []
        for i, lang in enumerate(sorted(groups)):
            if lang not in keep:
                site, bundle = self.scratch / f"site-{i}", self.scratch / f"bundle-{i}"
                for rel in groups[lang]:
                    target = site / rel
                    target.parent.mkdir(parents=True, exist_ok=True)
                    source = self.staged[rel][2]
                    target.write_bytes(source) if isinstance(source, bytes) else shutil.copyfile(source, target)
                log = open(self.scratch / f"log-{i}", "wb")
                self.procs.append(subprocess.Popen([_pagefind(), "--site", str(site), "--output-path", str(bundle),
                                                    "--silent"], stdout=log, stderr=subprocess.STDOUT))
                log.close()
                runs.append((lang, bundle, self.procs[-1], self.scratch / f"log-{i}"))
        self.collector = threading.Thread(target=self._collect, args=(runs, keep), daemon=True)
        self.collector.start()

    def _unchanged_languages(self) -> dict[str, dict]:
        """html lang -> the previous build's record, for languages whose pages are all unchanged."""
        plan = self.plan
        if plan is None or not plan.incremental:
            return {}
        previous = plan.previous.get("search") or {}
        same = {lang: previous[lang] for lang, d in self.digests.items()
                if lang in previous and previous[lang].get("digest") == d["digest"]}
        if same and not all(plan.intact(rel) for rel in plan.previous["files"] if rel.startswith(f"{BUNDLE}/")):
            return {}
        return same

    def _collect(self, runs, keep) -> None:
        """Wait for Pagefind; merge the runs and the kept languages into one bundle in the output."""
        try:
            files: dict[str, Path | None] = {}  # bundle file -> the file to copy, or None: keep the output's
            languages: dict[str, dict] = {}
            entry: dict = {}
            for lang, bundle, proc, log in runs:
                if proc.wait() != 0:
                    raise SearchIndexError(f"Pagefind failed ({proc.returncode}): {log.read_bytes().decode(errors='replace')}")
                entry = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
                self.digests[lang]["languages"] = sorted(entry["languages"])
                self._add_languages(languages, entry["languages"])
                for path in bundle.rglob("*"):
                    rel = path.relative_to(bundle).as_posix()
                    if path.is_file() and rel != ENTRY:
                        files.setdefault(rel, path)  # files every run writes are the same in each
            if keep:
                previous = json.loads((self.plan.target / BUNDLE / ENTRY).read_text(encoding="utf-8"))
                entry = entry or previous
                kept = [language for lang in keep for language in keep[lang].get("languages", ())]
                self._add_languages(languages, {language: previous["languages"][language] for language in kept})
                self.digests.update(keep)
                old = [rel[len(BUNDLE) + 1:] for rel in self.plan.previous["files"]
                       if rel.startswith(f"{BUNDLE}/") and rel != f"{BUNDLE}/{ENTRY}"]
                wasm = {"wasm.unknown.pagefind"} | {f"wasm.{i['wasm']}.pagefind" for i in languages.values() if i.get("wasm")}
                for rel in old:
                    if not runs or any(_owned(rel, language) for language in kept) or (rel in wasm and rel not in files):
                        files[rel] = None
            self._write(files, {**entry, "languages": dict(sorted(languages.items()))})
        except BaseException as e:  # reported by finish() on the build's thread
            self.error = e

    @staticmethod
    def _add_languages(languages: dict, new: dict) -> None:
        for language, info in new.items():
            if language in languages:  # two html langs Pagefind reads as one language: index them apart
                raise SearchIndexError(f"two page languages make Pagefind's language {language!r}: "
                                       "give every page of one language the same <html lang>")
            languages[language] = info

    def _write(self, files: dict[str, Path | None], entry: dict) -> None:
        plan = self.plan if self.plan is not None and self.plan.incremental else None
        out = self.output / BUNDLE
        for rel, source in sorted(files.items()):
            if source is None or (plan is not None and plan.intact(f"{BUNDLE}/{rel}")
                                  and filecmp.cmp(source, plan.target / BUNDLE / rel, shallow=False)):
                plan.kept.add(f"{BUNDLE}/{rel}")  # as it is in the output folder
                continue
            (out / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, out / rel)
        out.mkdir(parents=True, exist_ok=True)
        (out / ENTRY).write_text(json.dumps(entry, separators=(",", ":"), sort_keys=True), encoding="utf-8")

    def finish(self) -> None:
        """Signal finalized: wait for the index."""
        if not self.staged:
            raise SearchIndexError("no page marks its text with data-pagefind-body: there is nothing to index")
        if self.late:
            raise SearchIndexError("a page with data-pagefind-body was written after indexing began "
                                   "(page_writer_finalized): write it with the project and section pages")
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
        """Stop indexing and remove the scratch folder (the session calls it at the end of every build)."""
        try:
            self.stop()
        finally:
            shutil.rmtree(self.scratch, ignore_errors=True)


def remove_stale(root: Path | None = None) -> None:
    """Scratch folders of builds that were killed (their process is gone)."""
    for folder in Path(root or scratch_root() or tempfile.gettempdir()).glob(f"{SCRATCH_PREFIX}*-*"):
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
