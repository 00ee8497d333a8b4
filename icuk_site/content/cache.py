"""Validation of each unchanged content file remembered across builds (Pelican's own file cache).

A file's result (its Document, or its problems, and the slug it declares) depends only on its
bytes and on the rules in this package, so it is reused while the file's stamp (Pelican's
CHECK_MODIFIED_METHOD: mtime by default) and the rules are unchanged: an edit rebuild parses
one file instead of every file. The rules across files (site.check_site) still run on
everything in every build. Kept in CACHE_PATH next to Pelican's own cache.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pelican.cache import FileStampDataCacher

from .documents import Document
from .parse import parse_document

FILE = "icuk-validation.pickle"


def rules_version() -> str:
    """A digest of the code that validates: a change to it makes every file parsed again."""
    h = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        h.update(path.read_bytes())
    return h.hexdigest()


class ParseCache(FileStampDataCacher):
    """`parse_document`, remembered per file from one build to the next (see the module docstring)."""

    def __init__(self, settings: dict, load: bool = True):
        super().__init__(settings, FILE, caching_policy=True, load_policy=load)
        self.version = rules_version()
        self.seen: set[str] = set()

    def __call__(self, path: Path, rel: str, kind: str, problems: list, declared: set) -> Document | None:
        name = str(path)
        self.seen.add(name)
        hit = self.get_cached_data(name)
        if hit is not None and hit[0] == (self.version, kind):
            _, doc, own_problems, own_declared = hit
        else:
            own_problems, own_declared = [], set()
            doc = parse_document(path, rel, kind, own_problems, own_declared)
        self.cache_data(name, ((self.version, kind), doc, own_problems, own_declared))
        problems.extend(own_problems)
        declared.update(own_declared)
        return doc

    def save_cache(self) -> None:
        """Save what this build parsed (files deleted since are dropped)."""
        self._cache = {name: entry for name, entry in self._cache.items() if name in self.seen}
        super().save_cache()
