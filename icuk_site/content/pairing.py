"""Twins: the files of one document in each language, paired by their translation key.

The key is the file name the twins share (`projects/en/hydrogen.md` ↔ `projects/cs/hydrogen.md`:
"hydrogen", documents.key_of); each file has its own `slug`, the last part of its address
(`projects/hydrogen.html`, `cs/projekty/vodik.html`). The key is the document's stable ID: open
data, JSON-LD @id and the site's own references (footer pages, security.txt) use it, so a
translated address never changes what the document is. Every kind in fields.KIND_DIRS is
paired the same way. The rules, each a problem naming the files:

    names   a file name that is no key (lowercase letters, digits and hyphens, like an ID)
    keys    two files of one kind and language with one name (in different folders below the
            language folder): one key, two documents
    slugs   two files of one kind and language with one slug: one address, two pages
    twins   a key in one language only: the twin is missing; when the other language has files
            with no twin either, they are named (a twin saved under its own slug, probably)
"""

from __future__ import annotations

from collections.abc import Iterable

from .documents import Document, key_of
from .messages import M
from .problems import Problem
from .values import SLUG_RE
from .vocab import LANGS

MISSING_TWIN = {
    "en": "expected the English twin {twin} (a file of the same name in the English folder), got none{hint}",
    "cs": "expected the Czech twin {twin} (a file of the same name in the Czech folder), got none{hint}",
}
ORPHANS_HINT = {
    "en": " (without a Czech twin in the English folder: {files}; if one of them is the twin, rename it {name})",
    "cs": " (without an English twin in the Czech folder: {files}; if one of them is the twin, rename it {name})",
}
MAX_NAMED = 3  # orphans named in a hint
FILE_LINE = 1  # a problem with the file as a whole (its name, its twin) points at its first line


def folder_lang(rel: str) -> str | None:
    """The language folder a content file is in (`projects/cs/x.md` → "cs"), if any."""
    parts = rel.split("/")
    return parts[1] if len(parts) > 2 else None


def check(files: Iterable[tuple[str, str]], docs: Iterable[Document], kind_dirs: dict[str, str]) -> list[Problem]:
    """`files`: (kind, rel) of every content file found, readable or not (a file with problems
    still has its name, so its twin is not reported missing too); `docs`: the valid documents."""
    problems: list[Problem] = []
    by_key: dict[tuple[str, str, str], str] = {}  # (kind, key, lang) -> the first file
    for kind, rel in sorted(files, key=lambda f: f[1]):
        lang, key = folder_lang(rel), key_of(rel)
        if lang not in LANGS:
            continue  # reported by parse: not in a language folder
        if not SLUG_RE.match(key):
            problems.append(Problem(rel, FILE_LINE, "file", M(
                "expected a file name of lowercase letters, digits and hyphens (it is the document's ID and "
                "pairs it with its twin), got {name!r}", name=rel.rsplit("/", 1)[-1])))
        first = by_key.setdefault((kind, key, lang), rel)
        if first != rel:
            problems.append(Problem(rel, FILE_LINE, "file", M(
                "expected one file named {name} in {folder}/ (the name pairs it with its twin), got another "
                "(also {other})", name=f"{key}.md", folder=f"{kind_dirs[kind]}/{lang}", other=first)))
    problems += _slugs(docs, kind_dirs)
    orphans: dict[tuple[str, str], list[str]] = {}
    for (kind, key, lang), rel in by_key.items():
        for other in LANGS:
            if other != lang and (kind, key, other) not in by_key:
                orphans.setdefault((kind, lang), []).append(rel)
                break
    for (kind, lang), rels in orphans.items():
        for rel in rels:
            for other in LANGS:
                if other == lang or (kind, key_of(rel), other) in by_key:
                    continue
                twin = f"{kind_dirs[kind]}/{other}/{key_of(rel)}.md"
                candidates = orphans.get((kind, other), [])
                hint = M(ORPHANS_HINT[other], files=_named(candidates), name=f"{key_of(rel)}.md") if candidates else ""
                problems.append(Problem(rel, FILE_LINE, "file", M(MISSING_TWIN[other], twin=twin, hint=hint)))
    return problems


def _named(rels: list[str]) -> str:
    shown = ", ".join(rels[:MAX_NAMED])
    return shown + (", …" if len(rels) > MAX_NAMED else "")


def _slugs(docs: Iterable[Document], kind_dirs: dict[str, str]) -> list[Problem]:
    out = []
    seen: dict[tuple[str, str, str], Document] = {}
    for doc in sorted(docs, key=lambda d: d.source):
        first = seen.setdefault((doc.kind, doc.slug, doc.lang), doc)
        if first is not doc:
            out.append(Problem(doc.source, doc.line_of("slug"), "slug", M(
                "expected a slug no other file in {folder}/ uses (two pages would get one address), got {slug!r} "
                "(also in {other})", folder=f"{kind_dirs[doc.kind]}/{doc.lang}", slug=doc.slug, other=first.source)))
    return out
