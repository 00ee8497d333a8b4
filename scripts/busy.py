"""Keep the machine busy, to check that the test suite's gates hold on a loaded machine.

    uv run python scripts/busy.py 4               # 4 processes spinning on the CPU for 15 minutes
    uv run python scripts/busy.py 4 --seconds 60  # ... for one minute

N processes each spin on the CPU (plain Python arithmetic, no I/O, little memory) and stop by
themselves after --seconds (default 900, at most 3600); Ctrl+C or SIGTERM to this process stops
them all at once. It prints one line when it starts and one when it stops.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import signal
import sys
import time

MAX_SECONDS = 3600


def spin(until: float) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops us
    x = 0
    while time.monotonic() < until:
        for _ in range(100_000):
            x = (x * 31 + 7) % 1_000_003


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("processes", type=int, help="how many processes spin on the CPU")
    parser.add_argument("--seconds", type=float, default=900.0, help=f"how long (default 900, at most {MAX_SECONDS})")
    args = parser.parse_args(argv)
    if not 1 <= args.processes <= 64:
        parser.error("processes: 1 to 64")
    seconds = min(max(args.seconds, 0.0), MAX_SECONDS)
    until = time.monotonic() + seconds
    workers = [mp.Process(target=spin, args=(until,), daemon=True) for _ in range(args.processes)]
    for w in workers:
        w.start()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"busy: {args.processes} processes spinning for {seconds:.0f} s (pid {os.getpid()})", flush=True)
    start = time.monotonic()
    try:
        for w in workers:
            w.join(max(0.0, until - time.monotonic()) + 5)
    except KeyboardInterrupt:
        pass
    finally:
        for w in workers:
            if w.is_alive():
                w.terminate()
        for w in workers:
            w.join(5)
    print(f"busy: stopped after {time.monotonic() - start:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
