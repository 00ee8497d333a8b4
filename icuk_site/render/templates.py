"""Template work done once per build and reused (docs/performance.md has the measurements).

    make_memo      a Jinja global: `{% call memo(key…) %}…{% endcall %}` renders its body once per
                   build and language for a key, e.g. a project card that appears on a dozen
                   listing pages (the per-partner and per-year pages repeat every card).
    TemplateCodeCache  templates compiled once for all of a build's Jinja environments (and,
                   given a folder, kept there between builds).
"""

from __future__ import annotations

import os
from pathlib import Path

from jinja2 import BytecodeCache, pass_context
from jinja2.runtime import Context

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


class TemplateCodeCache(BytecodeCache):
    """Compiled templates, shared by the Jinja environments of one build (Pelican makes one per
    generator, each compiling base.html, the partials and the macros again) through `memory`
    (the session's), and kept in `cache_dir` between builds when given. Jinja checks each entry
    against the template's source."""

    def __init__(self, memory: dict[str, bytes], cache_dir: str | Path | None = None):
        self.memory = memory
        self.directory = Path(cache_dir) / "jinja" if cache_dir else None

    def load_bytecode(self, bucket) -> None:
        data = self.memory.get(bucket.key)
        if data is None and self.directory is not None:
            try:
                data = (self.directory / f"{bucket.key}.cache").read_bytes()
            except OSError:
                return
        if data is not None:
            bucket.bytecode_from_string(data)  # ignored by Jinja if the source changed

    def dump_bytecode(self, bucket) -> None:
        data = bucket.bytecode_to_string()
        self.memory[bucket.key] = data
        if self.directory is not None:
            self.directory.mkdir(parents=True, exist_ok=True)
            tmp = self.directory / f"{bucket.key}.{os.getpid()}.tmp"
            tmp.write_bytes(data)
            os.replace(tmp, self.directory / f"{bucket.key}.cache")
