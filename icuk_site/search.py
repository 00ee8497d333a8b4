"""Full-text search: Pagefind indexes the finished site at the end of every build.

Run from the plugin (signal `finalized`) so that `pelican` alone — and so every build, the
tests and the benchmark — produces the index; there is no separate manual step. Pagefind
makes one index per `<html lang>`; only elements marked `data-pagefind-body` (project and
section page bodies) are indexed, so listing pages and navigation never flood the results.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

log = logging.getLogger(__name__)
BUNDLE = "pagefind"


class SearchIndexError(RuntimeError):
    pass


def index_site(pelican) -> None:
    if not pelican.settings.get("SEARCH_INDEX", True):
        return
    site = Path(pelican.output_path)
    proc = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", BUNDLE, "--silent"],
        capture_output=True, text=True,
    )
    if proc.returncode != 0:
        raise SearchIndexError(f"Pagefind failed ({proc.returncode}): {proc.stderr or proc.stdout}")
    normalise(site / BUNDLE)


def normalise(bundle: Path) -> None:
    """Pagefind lists the languages in pagefind-entry.json in a varying order: sort them, so
    that two builds of the same commit are byte-identical."""
    entry = bundle / "pagefind-entry.json"
    if entry.exists():
        data = json.loads(entry.read_text(encoding="utf-8"))
        if isinstance(data.get("languages"), dict):
            data["languages"] = dict(sorted(data["languages"].items()))
        entry.write_text(json.dumps(data, separators=(",", ":"), sort_keys=True), encoding="utf-8")
