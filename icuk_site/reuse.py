"""Work done once and reused (see docs/performance.md for the measurements behind each).

    memo        a Jinja global: `{% call memo(key…) %}…{% endcall %}` renders its body once per
                build and language for a key, e.g. a project card that appears on a dozen
                listing pages (the per-partner and per-year pages repeat every card).
    ParseCache  validation of each unchanged content file remembered across builds.
    TemplateCodeCache  templates compiled once for all of a build's Jinja environments.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from jinja2 import BytecodeCache, pass_context
from jinja2.runtime import Context

from . import model
from .i18n import context_lang


def make_memo():
    """A fresh `memo` for one Jinja environment (one build).

    The key is what the caller names plus what every fragment depends on implicitly: the
    page's language (gettext, typography) and SITEURL. The body must depend on nothing else.
    """
    cache: dict[tuple, str] = {}

    @pass_context
    def memo(ctx: Context, *key, caller):
        full_key = (context_lang(ctx), ctx.get("SITEURL"), *key)
        try:
            return cache[full_key]
        except KeyError:
            cache[full_key] = out = caller()
            return out

    return memo


class ParseCache:
    """`model.parse_document`, remembered per file from one build to the next.

    A file's result (its Document, or its problems, and the slug it declares) depends only on
    its bytes and on the rules in model.py, so it is reused while the file's modification time
    and size, and model.py itself, are unchanged: an edit rebuild parses one file instead of
    every file. The rules across files (partners, images, twins, duplicates) still run on
    everything in every build (`model.check_site`). Kept in CACHE_PATH next to Pelican's cache.
    """

    FILE = "icuk-validation.pickle"

    def __init__(self, cache_dir: str | Path, load: bool = True):
        self.path = Path(cache_dir) / self.FILE
        self.version = hashlib.sha256(Path(model.__file__).read_bytes()).hexdigest()
        self.old: dict = self._load() if load else {}
        self.new: dict = {}

    def _load(self) -> dict:
        try:
            with open(self.path, "rb") as f:
                data = pickle.load(f)
            return data["files"] if data.get("version") == self.version else {}
        except Exception:  # no cache yet, or one this code cannot read: parse everything
            return {}

    def __call__(self, path: Path, rel: str, kind: str, problems: list, declared: set) -> model.Document | None:
        st = path.stat()
        stamp = (st.st_mtime_ns, st.st_size, kind)
        hit = self.old.get(rel)
        if hit is not None and hit[0] == stamp:
            _, doc, own_problems, own_declared = hit
        else:
            own_problems, own_declared = [], set()
            doc = model.parse_document(path, rel, kind, own_problems, own_declared)
        self.new[rel] = (stamp, doc, own_problems, own_declared)
        problems.extend(own_problems)
        declared.update(own_declared)
        return doc

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            pickle.dump({"version": self.version, "files": self.new}, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.path)  # two builds at once never leave half a file


class TemplateCodeCache(BytecodeCache):
    """Compiled templates, shared by the Jinja environments of a build (Pelican makes one per
    generator, each compiling base.html, the partials and the macros again) and, given a
    folder, kept there between builds. Jinja checks each entry against the template's source."""

    _memory: dict[str, bytes] = {}  # this process's compiled templates, by Jinja's key

    def __init__(self, cache_dir: str | Path | None = None):
        self.directory = Path(cache_dir) / "jinja" if cache_dir else None

    def load_bytecode(self, bucket) -> None:
        data = self._memory.get(bucket.key)
        if data is None and self.directory is not None:
            try:
                data = (self.directory / f"{bucket.key}.cache").read_bytes()
            except OSError:
                return
        if data is not None:
            bucket.bytecode_from_string(data)  # ignored by Jinja if the source changed

    def dump_bytecode(self, bucket) -> None:
        data = bucket.bytecode_to_string()
        self._memory[bucket.key] = data
        if self.directory is not None:
            self.directory.mkdir(parents=True, exist_ok=True)
            tmp = self.directory / f"{bucket.key}.{os.getpid()}.tmp"
            tmp.write_bytes(data)
            os.replace(tmp, self.directory / f"{bucket.key}.cache")
