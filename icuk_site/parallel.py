"""Markdown bodies rendered on the second core while Pelican reads on the first.

Rendering a body (Markdown, then the language's typography) is most of what a cold build spends
reading, and Pelican reads one file after another. When the reader is first asked for a file, it
looks up which files of that kind Pelican's content cache does not hold (those Pelican will ask
for); if there are many, a forked worker process renders them too, from the other end of the
list. Each body is claimed once, by whichever process gets to it first (a shared array under a
lock), so the two never do the same work and the reader never waits for a body it could render
itself sooner. The worker runs the same code on the same text: the HTML is the same.

The same goes for the project pages of a cold build: `PageHelper` is a process forked when
Pelican starts writing them, which renders every other one while this process renders the rest
(incremental.IncrementalWriter.split_articles).

Only where `fork` exists (Linux) and there are two or more cores; otherwise nothing changes.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue as queue_module
from collections.abc import Callable, Sequence

MIN_BODIES = 64  # below this, starting a process costs more than it saves
FREE, MAIN, WORKER = 0, 1, 2

Render = Callable[[object], str]  # a document -> its body as HTML


def available() -> bool:
    return (os.cpu_count() or 1) >= 2 and "fork" in multiprocessing.get_all_start_methods()


class Prefetch:
    """Bodies of `docs` shared between this process and one forked worker."""

    def __init__(self, docs: Sequence, make_render: Callable[[], Render]):
        ctx = multiprocessing.get_context("fork")
        self.index = {id(d): i for i, d in enumerate(docs)}
        self.claims = ctx.RawArray("b", len(docs))
        self.lock = ctx.Lock()
        self.results = ctx.Queue()
        self.ready: dict[int, str | None] = {}
        self.finished = False
        self.worker = ctx.Process(target=_work, args=(docs, make_render, self.claims, self.lock, self.results),
                                  daemon=True, name="icuk-render")
        self.worker.start()

    def take(self, doc) -> str | None:
        """The body if the worker renders it (waits for it), None if the caller should."""
        i = self.index.get(id(doc))
        if i is None:
            return None
        with self.lock:
            if self.claims[i] == FREE:
                self.claims[i] = MAIN
                return None
            if self.claims[i] == MAIN:  # asked twice: render again
                return None
        while i not in self.ready and not self.finished:
            try:
                item = self.results.get(timeout=1)
            except queue_module.Empty:
                if not self.worker.is_alive():
                    break
                continue
            if item is None:
                self.finished = True
            else:
                self.ready[item[0]] = item[1]
        return self.ready.pop(i, None)  # None (e.g. the worker failed): the caller renders it

    def close(self) -> None:
        if self.worker.is_alive():
            self.worker.terminate()
        self.worker.join()
        self.results.close()


def _work(docs, make_render, claims, lock, results) -> None:
    render = make_render()
    for i in reversed(range(len(docs))):
        with lock:
            if claims[i] != FREE:
                continue
            claims[i] = WORKER
        try:
            results.put((i, render(docs[i])))
        except Exception:  # the reader renders it again and reports the error properly
            results.put((i, None))
    results.put(None)
    results.close()
    results.join_thread()


# --------------------------------------------------------------------------------------------
# Pages rendered by a helper process (incremental.IncrementalWriter.split_articles)
# --------------------------------------------------------------------------------------------

MIN_PAGES = 200  # below this, the fork and the hand-over cost more than they save


class PageHelper:
    """A forked process that renders and writes some pages; `results()` hands back their text
    (and what it logged, to be logged again by the build: an error still fails the build)."""

    def __init__(self, items: Sequence, render_one: Callable[[object], tuple[str, str]]):
        ctx = multiprocessing.get_context("fork")
        self._results, send = ctx.Pipe(duplex=False)
        self._proc = ctx.Process(target=_help, args=(items, render_one, send), daemon=True, name="icuk-pages")
        self._proc.start()
        send.close()

    def results(self) -> tuple[dict[str, str], list[dict]]:
        try:
            results, records = self._results.recv()
        except (EOFError, OSError):  # the helper died: its pages are rendered by the caller
            results, records = {}, []
        self._proc.join()
        return results, records

    def close(self) -> None:
        if self._proc.is_alive():
            self._proc.terminate()
        self._proc.join()


class _Records(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.records: list[dict] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append({"name": record.name, "levelno": record.levelno, "message": record.getMessage()})


def _help(items, render_one, send) -> None:
    capture = _Records()
    for logger in [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]:
        if isinstance(logger, logging.Logger):
            logger.handlers = []
    logging.getLogger().addHandler(capture)
    results = {}
    for item in items:
        try:
            name, output = render_one(item)
        except Exception:  # rendered again by the caller, which reports the error as usual
            continue
        results[name] = output
    send.send((results, capture.records))
    send.close()
