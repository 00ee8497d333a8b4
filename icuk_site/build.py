"""Build the site safely: into a temporary folder next to the output, swapped in only on success.

A content mistake, a template error or any error Pelican logs leaves the previous output
folder exactly as it was. Used by tasks.py, the tests and the benchmark:

    python -m icuk_site.build [--settings publishconf.py] [--output DIR]
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings

from .plugin import BuildAborted

log = logging.getLogger("icuk_site.build")


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
    settings = read_settings(str(settings_file), override=override)
    target = Path(settings["OUTPUT_PATH"]).resolve()
    tmp = target.parent / f".{target.name}.building-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    settings["OUTPUT_PATH"] = str(tmp)

    counter = _ErrorCounter()
    pelican_log = logging.getLogger("pelican")
    pelican_log.addHandler(counter)
    try:
        Pelican(settings).run()
    except BuildAborted as e:
        shutil.rmtree(tmp, ignore_errors=True)
        return BuildResult(False, target, time.perf_counter() - start, [str(p) for p in e.error.problems])
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        pelican_log.removeHandler(counter)
    if counter.records:
        shutil.rmtree(tmp, ignore_errors=True)
        problems = [r.getMessage() for r in counter.records]
        return BuildResult(False, target, time.perf_counter() - start, problems)
    _swap(tmp, target)
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


if __name__ == "__main__":
    sys.exit(main())
