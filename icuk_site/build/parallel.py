"""Work shared with a second process: half of a list done by a forked helper, half here.

Used for the two parts of a cold build that are Python on one core and independent per item:
the Markdown bodies (session.py, before Pelican reads) and the project pages (writer.py).
`share(items, work)` forks a helper that does every other item, does the rest here, and
returns all results in order. What the helper logs (warnings and errors) is logged again here,
and an item it failed on is done again here, so a problem surfaces (and fails the build)
exactly as it would without the helper.

Only on Linux with two or more cores: `fork` is unsafe on macOS, missing on Windows, and
pointless on one core; there everything runs in this process (`available()` is False; the
tests run both paths). The helper ends with `os._exit`: it must not run this process's exit
handlers, which belong to the build that forked it.
"""

from __future__ import annotations

import logging
import os
import pickle
import sys
from collections.abc import Callable, Sequence

MIN_ITEMS = 64  # below this, the fork and the hand-over cost more than they save


def fork_safe() -> bool:
    """Is forking a process that has imported Pelican, Jinja and friends safe here? (Linux)"""
    return sys.platform == "linux"


def available() -> bool:
    """Is sharing work with a forked helper worth it here?"""
    return fork_safe() and (os.cpu_count() or 1) >= 2


class _Records(logging.Handler):
    """What the helper logs (warnings and worse), to be logged again by the build."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def share(items: Sequence, work: Callable[[object], object]) -> tuple[list, set[int]]:
    """[work(item) for item in items], every other item done by a forked helper where available.

    Returns the results and the indexes the helper did (the caller may owe those items what
    doing them here would have done besides the result, e.g. a signal)."""
    if len(items) < MIN_ITEMS or not available():
        return [work(item) for item in items], set()
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the helper
        os.close(read_fd)
        _help(items, work, write_fd)
    os.close(write_fd)
    results: dict[int, object] = {}
    try:
        results = {i: work(items[i]) for i in range(0, len(items), 2)}
    finally:
        with os.fdopen(read_fd, "rb") as f:
            data = f.read()
        os.waitpid(pid, 0)
    theirs, records = pickle.loads(data) if data else ({}, [])
    for name, level, message in records:  # as if logged here: an error still fails the build
        logging.getLogger(name).log(level, "%s", message)
    done_there = set(theirs)
    results.update(theirs)
    for i in range(1, len(items), 2):  # what the helper failed on: done here, errors and all
        if i not in results:
            results[i] = work(items[i])
    return [results[i] for i in range(len(items))], done_there


def _help(items: Sequence, work: Callable, write_fd: int) -> None:
    code = 0
    try:
        root = logging.getLogger()
        for logger in [root, *logging.Logger.manager.loggerDict.values()]:
            if isinstance(logger, logging.Logger):
                logger.handlers = []  # the build reports; the helper stays quiet
        logged = _Records()
        root.addHandler(logged)
        out = {}
        for i in range(1, len(items), 2):
            try:
                out[i] = work(items[i])
            except Exception:  # done again by the caller, which reports the error as usual
                continue
        data = pickle.dumps((out, logged.records), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_fd, "wb") as f:
            f.write(data)
    except BaseException:
        code = 1
    finally:
        os._exit(code)
