"""The build's time: reproducible builds take it from the sources, never from the clock."""

from __future__ import annotations

import logging
import os
import subprocess
from pathlib import Path

log = logging.getLogger("icuk_site.build")

# Used when neither SOURCE_DATE_EPOCH nor git can say when the sources last changed
# (e.g. a source tarball): 2026-01-01T00:00:00Z.
FALLBACK_SOURCE_DATE_EPOCH = 1767225600


def source_date_epoch(where: str | Path = ".") -> int:
    """$SOURCE_DATE_EPOCH, else the last commit's time (`git log -1 --format=%ct`), else
    FALLBACK_SOURCE_DATE_EPOCH. Never the clock."""
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
