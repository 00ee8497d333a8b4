"""Rules across files that the twins, the navigation and the pictures folder must keep.

    twins       the English and the Czech file of one project state the same facts (category,
                phase, partners, years, picture, funding; a service's audience, years, calls,
                projects; a news item's date, precision, projects, partners, picture): each file
                stays complete for its translator,
                and a difference is a problem on the second-language file, naming the first
    nav_order   two pages of a language in the same place of the navigation (a warning)
    pictures    a file in content/images/ that no page uses (a warning: it is not published)
    funding     a declared EU funding without its number (a warning: the notice is incomplete)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from .documents import Document
from .funding import number_name
from .messages import M
from .problems import Problem
from .vocab import DEFAULT_LANG, LANGS

TWIN_FACTS = {"project": ("category", "phase", "partners", "years", "image", "funding"),
              "service": ("audience", "years", "calls", "projects"),
              "news": ("date", "date_precision", "projects", "partners", "image")}
LIST_FACTS = ("partners", "audience", "projects")


def _shown(name: str, value) -> str:
    if value is None or value == ():
        return M("nothing")
    if name in LIST_FACTS:
        return "[" + ", ".join(value) + "]"
    if name == "calls":
        return "[" + ", ".join(f"{{opens: {c.opens}, closes: {c.closes}}}" for c in value) + "]"
    if name == "funding":
        return "[" + ", ".join(f.shown() for f in value) + "]"
    if name == "years":
        return f"{{start: {value.start}" + (f", end: {value.end}}}" if value.end else "}")
    if isinstance(value, dt.date):
        return value.isoformat()
    return repr(value)


def twins(docs: Iterable[Document], reported: set[tuple[str, str]] = frozenset()) -> list[Problem]:
    """`reported`: (source, field) already with a problem — not compared again (one mistake, one report)."""
    by_key = {(d.kind, d.key, d.lang): d for d in docs}
    out = []
    for (kind, key, lang), doc in by_key.items():
        if kind not in TWIN_FACTS or lang == DEFAULT_LANG:
            continue
        first = by_key.get((kind, key, DEFAULT_LANG))
        if first is None:
            continue
        for name in TWIN_FACTS[kind]:
            if (doc.source, name) in reported or (first.source, name) in reported:
                continue
            mine, theirs = getattr(doc, name), getattr(first, name)
            if name in ("partners", "projects"):  # order is not a fact
                same = sorted(mine) == sorted(theirs)
            elif name == "funding":  # the funded project's name is worded in each language
                same = [f.facts for f in mine] == [f.facts for f in theirs]
            else:
                same = mine == theirs
            if not same:
                line = doc.line_of(name) or doc.line_of("slug")
                out.append(Problem(doc.source, line, name, M(
                    "expected the same {field} as the English version {other} ({value}), got {mine}",
                    field=name, other=first.source, value=_shown(name, theirs),
                    mine=_shown(name, mine))))
    return out


def nav_orders(docs: Iterable[Document]) -> list[Problem]:
    out = []
    for lang in LANGS:
        seen: dict[int, Document] = {}
        for doc in sorted((d for d in docs if d.kind == "page" and d.lang == lang and d.nav_order), key=lambda d: d.source):
            if doc.nav_order in seen:
                out.append(Problem(doc.source, doc.line_of("nav_order"), "nav_order", M(
                    "expected a place in the navigation no other page takes, got {n} (also in {other}); the order of "
                    "the two is left to chance", n=doc.nav_order, other=seen[doc.nav_order].source)))
            else:
                seen[doc.nav_order] = doc
    return out


def unused_pictures(images_dir: Path, shown_as: str, docs: Iterable[Document]) -> list[Problem]:
    used = {d.image for d in docs if d.image}
    if not images_dir.is_dir():
        return []
    out = []
    for path in sorted(images_dir.rglob("*")):
        name = path.relative_to(images_dir).as_posix()
        if path.is_file() and not path.name.startswith(".") and name not in used:
            size = path.stat().st_size / 1e6
            out.append(Problem(f"{shown_as}/{name}", None, "image", M(
                "expected a picture a page uses (image: {name}), got a picture no page uses ({size:.1f} MB); it is "
                "not published — delete it or name it in a page", name=name, size=size)))
    return out


def funding_numbers(docs: Iterable[Document]) -> list[Problem]:
    """A declared funding without its number: the page shows the notice, but without the number
    the programme's statement requires (e.g. Horizon 2020's "under grant agreement No …")."""
    out = []
    for doc in docs:
        for i, f in enumerate(doc.funding):
            if f.number is None:
                out.append(Problem(doc.source, doc.line_of(f"funding:{i}") or doc.line_of("funding"), "funding.number", M(
                    "expected the {what} of this {programme} funding, got none; the notice is shown without it — add "
                    "it when a source gives it", what=number_name(f.programme), programme=f.programme)))
    return out
