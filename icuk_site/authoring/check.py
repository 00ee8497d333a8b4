"""`invoke check`: validate all content with the build's own validator, build nothing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..content import ContentError, load_site


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    lines: tuple[str, ...]

    def __str__(self) -> str:
        return "\n".join(self.lines)


def check(content_dir: str | Path, shown_as: str = "content") -> CheckResult:
    """Validate all content with `load_site` (the build's own validator), build nothing.

    Problems are listed one per line as `content/<path>:<line>: <field>: …` (paths as seen
    from the project folder, so editors can jump to them); else one line "OK: …".
    """
    try:
        site = load_site(content_dir)
    except ContentError as e:
        n = len(e.problems)
        prefix = f"{shown_as.rstrip('/')}/" if shown_as else ""
        return CheckResult(False, (*(f"{prefix}{p}" for p in e.problems),
                                   f"{n} problem{'s' if n != 1 else ''} found."))
    projects = {d.slug for d in site.documents if d.kind == "project"}
    pages = {d.slug for d in site.documents if d.kind == "page"}
    return CheckResult(True, (f"OK: {len(projects)} projects, {len(pages)} pages, {len(site.partners)} partners",))
