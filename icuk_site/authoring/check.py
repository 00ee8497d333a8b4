"""`invoke check`: validate all content with the build's own validator, build nothing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..content import ContentError, load_site
from ..content.messages import M, author_lang
from . import spelling


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    lines: tuple[str, ...]

    def __str__(self) -> str:
        return "\n".join(self.lines)


def check(content_dir: str | Path, shown_as: str = "content", lang: str | None = None, strict: bool = False,
          dict_dir: str | Path = spelling.DICT_DIR) -> CheckResult:
    """Validate all content with `load_site` (the build's own validator), build nothing.

    Problems are listed one per line as `content/<path>:<line>: <field>: …` (paths as seen
    from the project folder, so editors can jump to them); else one line "OK: …". Warnings
    (a picture no page uses, two pages in one navigation place) come first, marked as such.
    TODO placeholders are always problems here (and so in the commit hook). The prose is
    spell-checked (spelling.py): an unknown word is a warning, and a problem when `strict`
    (`invoke check --strict`: the commit hook and the test suite); so is a missing dictionary
    (`dict_dir`: Hunspell's .dic/.aff files). Messages are in `lang`, else the author's language
    (content.messages.author_lang).
    """
    lang = author_lang(lang)
    prefix = f"{shown_as.rstrip('/')}/" if shown_as else ""
    try:
        site = load_site(content_dir, strict=True)
    except ContentError as e:
        n = len(e.problems)
        found = M("1 problem found.") if n == 1 else M("{n} problems found.", n=n)
        return CheckResult(False, (*(f"{prefix}{p.text(lang)}" for p in e.problems), found.say(lang)))
    content_dir = Path(content_dir)
    speller = spelling.Speller(dict_dir, extra=[*spelling.read_word_list(content_dir / spelling.WORDS_FILE),
                                                *spelling.partner_words(site.partners.values())])
    spelt = spelling.unknown_words(site.documents, speller)
    spelt = sorted(set(spelt), key=lambda p: (p.path, p.line or 0, p.field, p.message)) + speller.missing
    if strict and spelt:
        n = len(spelt)
        found = M("1 problem found.") if n == 1 else M("{n} problems found.", n=n)
        return CheckResult(False, (*(_shown(prefix, p, lang) for p in spelt), found.say(lang)))
    warning = M("warning").say(lang)
    projects = {d.key for d in site.documents if d.kind == "project"}
    pages = {d.key for d in site.documents if d.kind == "page"}
    news = {d.key for d in site.documents if d.kind == "news"}
    services = {d.key for d in site.documents if d.kind == "service"}
    ok = M("OK: {projects} projects, {news} news items, {services} services, {pages} pages, {partners} partners",
           projects=len(projects), news=len(news), services=len(services), pages=len(pages),
           partners=len(site.partners))
    warnings = (*site.warnings, *spelt)
    return CheckResult(True, (*(f"{_shown(prefix, p, lang)} ({warning})" for p in warnings), ok.say(lang)))


def _shown(prefix: str, problem, lang: str) -> str:
    """A problem as the author reads it; a path outside the content (a dictionary) as it is."""
    return problem.text(lang) if problem.path.startswith("/") else f"{prefix}{problem.text(lang)}"
