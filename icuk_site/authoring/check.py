"""`invoke check`: validate all content with the build's own validator, build nothing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..content import ContentError, load_site
from ..content.messages import M, author_lang


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    lines: tuple[str, ...]

    def __str__(self) -> str:
        return "\n".join(self.lines)


def check(content_dir: str | Path, shown_as: str = "content", lang: str | None = None) -> CheckResult:
    """Validate all content with `load_site` (the build's own validator), build nothing.

    Problems are listed one per line as `content/<path>:<line>: <field>: …` (paths as seen
    from the project folder, so editors can jump to them); else one line "OK: …". Warnings
    (a picture no page uses, two pages in one navigation place) come first, marked as such.
    Strict: TODO placeholders are problems here (and so in the commit hook). Messages are in
    `lang`, else the author's language (content.messages.author_lang).
    """
    lang = author_lang(lang)
    prefix = f"{shown_as.rstrip('/')}/" if shown_as else ""
    try:
        site = load_site(content_dir, strict=True)
    except ContentError as e:
        n = len(e.problems)
        found = M("1 problem found.") if n == 1 else M("{n} problems found.", n=n)
        return CheckResult(False, (*(f"{prefix}{p.text(lang)}" for p in e.problems), found.say(lang)))
    warning = M("warning").say(lang)
    projects = {d.slug for d in site.documents if d.kind == "project"}
    pages = {d.slug for d in site.documents if d.kind == "page"}
    news = {d.slug for d in site.documents if d.kind == "news"}
    ok = M("OK: {projects} projects, {news} news items, {pages} pages, {partners} partners", projects=len(projects),
           news=len(news), pages=len(pages), partners=len(site.partners))
    return CheckResult(True, (*(f"{prefix}{p.text(lang)} ({warning})" for p in site.warnings), ok.say(lang)))
