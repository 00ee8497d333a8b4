"""Build the site safely: into a temporary folder next to the output, swapped in only on success.

A content mistake, a template error or any error Pelican logs leaves the previous output
folder exactly as it was. With the content cache on (development), a successful build updates
the output folder in place instead, changing only what changed (incremental.py). Used by
tasks.py, the tests and the benchmark:

    python -m icuk_site.build [--settings publishconf.py] [--output DIR]
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings

from . import incremental, reader, search
from .plugin import BuildAborted

log = logging.getLogger("icuk_site.build")


class _ErrorCounter(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


# Used when neither SOURCE_DATE_EPOCH nor git can say when the sources last changed
# (e.g. a source tarball): 2026-01-01T00:00:00Z.
FALLBACK_SOURCE_DATE_EPOCH = 1767225600


def source_date_epoch(where: str | Path = ".") -> int:
    """The build's time (reproducible builds): $SOURCE_DATE_EPOCH, else the last commit's time
    (`git log -1 --format=%ct`), else FALLBACK_SOURCE_DATE_EPOCH. Never the clock."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if value:
        return int(value)
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=Path(where).resolve(),
                             capture_output=True, text=True, timeout=30, check=True).stdout.strip()
        return int(out)
    except (OSError, ValueError, subprocess.SubprocessError):
        log.warning("SOURCE_DATE_EPOCH unset and no git history: using %d", FALLBACK_SOURCE_DATE_EPOCH)
        return FALLBACK_SOURCE_DATE_EPOCH


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
    # With the content cache on, unchanged pages are kept rather than made again (incremental.py).
    plan = incremental.current = incremental.plan(settings, target)

    counter = _ErrorCounter()
    pelican_log = logging.getLogger("pelican")
    pelican_log.addHandler(counter)
    try:
        Pelican(settings).run()
        incremental.flush()  # normally done at `finalized`; never swap in a half-written folder
    except BaseException as e:
        # First stop everything that may still write into the temporary folder (the page and
        # file helpers, Pagefind and its copying), then remove it.
        incremental.abandon()
        search.close()
        reader.finish_prefetch()
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(e, BuildAborted):
            return BuildResult(False, target, time.perf_counter() - start, [str(p) for p in e.error.problems])
        raise
    finally:
        pelican_log.removeHandler(counter)
        incremental.current = None
    if counter.records:
        shutil.rmtree(tmp, ignore_errors=True)
        problems = [r.getMessage() for r in counter.records]
        return BuildResult(False, target, time.perf_counter() - start, problems)
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--output", default=None)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    from pelican.log import init as init_logging

    init_logging(level=logging.INFO if args.verbose else logging.WARNING)
    result = build(args.settings, args.output)
    if not result.ok:  # the problems were already printed (plugin) or logged (Pelican)
        print(f"Build failed; {result.output} was left as it was.", file=sys.stderr)
        return 1
    print(f"Built {result.output} in {result.seconds:.2f} s")
    return 0


def exit_now(code: int) -> None:
    """End the command without tearing down the objects of a whole site (0.2–0.3 s at thousands
    of pages). By then every file is written, every helper process and Pagefind run has ended
    and the scratch folders are gone; output and logs are flushed first. An exception still
    ends the command the usual way (traceback, atexit clean-up)."""
    sys.stdout.flush()
    sys.stderr.flush()
    logging.shutdown()
    os._exit(code)


if __name__ == "__main__":
    exit_now(main())
