"""Build the site safely: into a temporary folder next to the output, swapped in only on success.

A content mistake, a template error or any error Pelican logs leaves the previous output
folder exactly as it was. With the content cache on (development), a successful build updates
the output folder in place instead, changing only what changed (incremental.py). Used by
`python -m icuk_site.build`, tasks.py, the warm build process, the tests and the benchmark.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings

from .. import session as sessions
from ..content import BuildAborted
from . import incremental
from .clock import source_date_epoch


class _ErrorCounter(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


@dataclass
class BuildResult:
    ok: bool
    output: Path
    seconds: float
    problems: list[str] = field(default_factory=list)


def build(settings_file: str | Path = "pelicanconf.py", output: str | Path | None = None,
          overrides: dict | None = None) -> BuildResult:
    """Build with a settings file; returns a result (never raises for content problems)."""
    start = time.perf_counter()
    override = dict(overrides or {})
    if output is not None:
        override["OUTPUT_PATH"] = str(Path(output).resolve())
    if "SOURCE_DATE_EPOCH" not in override:  # the build's time, for whatever writes a date
        override["SOURCE_DATE_EPOCH"] = source_date_epoch(Path(settings_file).resolve().parent)
    settings = read_settings(str(settings_file), override=override)
    target = Path(settings["OUTPUT_PATH"]).resolve()
    tmp = target.parent / f".{target.name}.building-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    settings["OUTPUT_PATH"] = str(tmp)
    settings[sessions.TARGET] = str(target)  # the session plans an incremental build against it

    counter = _ErrorCounter()
    pelican_log = logging.getLogger("pelican")
    pelican_log.addHandler(counter)
    try:
        Pelican(settings).run()
    except BuildAborted as e:
        shutil.rmtree(tmp, ignore_errors=True)
        return BuildResult(False, target, time.perf_counter() - start, [str(p) for p in e.error.problems])
    finally:
        pelican_log.removeHandler(counter)
        session = settings.pop(sessions.SESSION, None)
        if session is not None:
            session.close()  # nothing may still write into the temporary folder
        if counter.records or not (session and session.finished):
            shutil.rmtree(tmp, ignore_errors=True)
    if counter.records:
        return BuildResult(False, target, time.perf_counter() - start, [r.getMessage() for r in counter.records])
    plan = session.plan
    if plan is not None and plan.incremental:
        plan.forget()  # until the output folder is up to date, no manifest describes it
        incremental.apply(tmp, target, plan.kept)
    else:
        _swap(tmp, target)
    if plan is not None:
        plan.save()
    return BuildResult(True, target, time.perf_counter() - start)


def _swap(new: Path, target: Path) -> None:
    old = target.parent / f".{target.name}.old-{os.getpid()}"
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)
