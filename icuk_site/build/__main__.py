"""python -m icuk_site.build [--settings publishconf.py] [--output DIR] — the safe build (safe.py)."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from .safe import build


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the site safely: output/ is replaced only on success.")
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--output", default=None)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    from pelican.log import init as init_logging

    init_logging(level=logging.INFO if args.verbose else logging.WARNING)
    result = build(args.settings, args.output)
    if not result.ok:  # the problems were already printed (session) or logged (Pelican)
        print(f"Build failed; {result.output} was left as it was.", file=sys.stderr)
        return 1
    print(f"Built {result.output} in {result.seconds:.2f} s")
    return 0


def exit_now(code: int) -> None:
    """End the command without tearing down the objects of a whole site (slow at thousands of
    pages; docs/performance.md). Only after `build` returned: every file is written, the session is closed (no
    Pagefind run, no scratch folder left) and nothing is registered with atexit; output and
    logs are flushed first. An exception still ends the command the usual way."""
    sys.stdout.flush()
    sys.stderr.flush()
    logging.shutdown()
    os._exit(code)


if __name__ == "__main__":
    exit_now(main())
