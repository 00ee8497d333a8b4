"""Spelling for `invoke check`: the prose of both languages against Hunspell dictionaries.

What is prose: each document's `title`, `summary`, `image_alt`, `nav_label` and its Markdown text
— not code (fenced, indented, `inline`), link targets, bare URLs and e-mail addresses, HTML tags,
attribute blocks (`{#id}`), front-matter keys, IDs or slugs. A phrase marked `[…]{lang=en}`
(render/lang_spans.py), or `<span lang="cs">…</span>`, in the text is checked in its own language;
the four fields are plain text (a mark there is shown as written), all checked in the document's.
Words with digits ("RIS3", "4.0") and one-letter words are not checked; hyphenated words are
checked part by part.

The dictionaries are Debian's (`hunspell-cs`, `hunspell-en-gb`: /usr/share/hunspell/*.dic,
installed by `uv run invoke test`), read in-process by Hunspell itself through the `chunspell`
wheel (the same engine as the `hunspell` command, no extra program; why not the pure-Python
spylls: docs/performance.md, "Evaluated and not done").
A phrase marked in a language without a dictionary here is not checked. Known besides: the project
word list `content/data/words.txt` (names and terms, one word form per line, `#` comments) and
every word of a partner's name or short name in `content/data/partners.yaml`.

An unknown word is a *warning*: names and new terms are common, and a preview or a quick check
must not stop on them. `invoke check --strict` (the commit hook, the test suite and so CI) makes
them problems: nothing is published until each word is fixed or added to the list
(docs/authoring.md, "Spelling"). A missing dictionary is said once, the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..content.body import TEXT_FIELDS, text_lines
from ..content.documents import Document, Partner
from ..content.messages import M
from ..content.problems import Problem

DICT_DIR = Path("/usr/share/hunspell")
DICTIONARIES = {"cs": ("cs_CZ", "hunspell-cs"), "en": ("en_GB", "hunspell-en-gb")}
WORDS_FILE = "data/words.txt"
MAX_SUGGESTIONS = 3  # per word
MAX_SUGGESTED = 10  # words with suggestions per check (Hunspell takes ~0.3 s a word); the rest are named only

LANG_SPAN_RE = re.compile(r"\[([^\]\n]+)\]\{lang=([a-z]{2,3})(?:-[A-Za-z0-9]{2,8})?\}")  # as render/lang_spans.py
HTML_SPAN_RE = re.compile(r"""<span\s+lang=["']([a-z]{2,3})(?:-[A-Za-z0-9]{2,8})?["']\s*>([^<\n]*)</span>""")
REF_DEF_RE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s")
NOT_PROSE = [re.compile(p) for p in (
    r"\]\([^)]*\)",  # a link's or picture's target (its text stays)
    r"\]\[[^\]]*\]",  # a reference link's label
    r"<[^>\n]*>",  # HTML tags, autolinks <https://…>
    r"\b(?:https?|ftp|mailto|tel):\S+|\bwww\.\S+",  # bare URLs
    r"\S+@\S+\.\w+",  # e-mail addresses
    r"\{[#:.][^}]*\}|\{SITEURL\}",  # attribute blocks {#id}, the site address placeholder
    r"\b[\w-]+(?:\.[\w-]+)*\.(?:json|jsonld|csv|xml|html|txt|md|pdf|svg|png|jpe?g|webp|zip)\b",  # file names
    r"&#?\w+;",  # HTML entities
    r"(?<![#\w])#\w+",  # hashtags (#novýzačátek)
)]
WORD_RE = re.compile(r"\w+(?:['’-]\w+)*(\.?)")
SKIP_RE = re.compile(r"[\d_]")


@dataclass(frozen=True)
class Piece:
    """A run of prose in one language at one line of a file."""
    path: str
    line: int | None
    field: str
    lang: str
    text: str


def prose(doc: Document) -> Iterator[Piece]:
    """Every run of prose of a document, with its line and language."""
    for name in TEXT_FIELDS:
        value = getattr(doc, name, None)
        if isinstance(value, str):  # plain text, not Markdown: a `[…]{lang=en}` there is shown as written
            yield Piece(doc.source, doc.line_of(name), name, doc.lang, _not_prose_removed(value))
    start = doc.line_of("body")
    for i, line in text_lines(doc.body):
        if REF_DEF_RE.match(line):
            continue
        yield from _split_langs(doc.source, start + i if start else None, "text", doc.lang, line)


def _split_langs(path: str, line: int | None, field: str, lang: str, text: str) -> Iterator[Piece]:
    for m in LANG_SPAN_RE.finditer(text):
        yield Piece(path, line, field, m.group(2), m.group(1))
    for m in HTML_SPAN_RE.finditer(text):
        yield Piece(path, line, field, m.group(1), m.group(2))
    yield Piece(path, line, field, lang, _not_prose_removed(HTML_SPAN_RE.sub(" ", LANG_SPAN_RE.sub(" ", text))))


def _not_prose_removed(text: str) -> str:
    for pattern in NOT_PROSE:
        text = pattern.sub(" ", text)
    return text


def words(text: str) -> Iterator[str]:
    """The words of a text that are checked, each with its full stop if one follows ("Sb.",
    "etc."): the dictionaries list abbreviations with theirs."""
    for m in WORD_RE.finditer(text):
        word = m.group(0).replace("’", "'")
        if len(word.rstrip(".")) > 1 and not SKIP_RE.search(word):
            yield word


def read_word_list(path: Path) -> list[str]:
    """The project's own words: one per line; blank lines and `#` comments are skipped."""
    if not path.is_file():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            out.append(word)
    return out


def partner_words(partners: Iterable[Partner]) -> set[str]:
    return {w for p in partners for name in (p.name_en, p.name_cs, p.short or "") for w in words(name)}


class Speller:
    """One Hunspell dictionary per language, with the project's words added; made per check."""

    def __init__(self, dict_dir: Path = DICT_DIR, extra: Iterable[str] = ()):
        self.dict_dir = Path(dict_dir)
        self.extra = set(extra)
        self._hunspell: dict[str, object] = {}
        self._known: dict[tuple[str, str], bool] = {}
        self.missing: list[Problem] = []  # a dictionary that could not be read, said once

    def _dictionary(self, lang: str):
        if lang not in self._hunspell:
            self._hunspell[lang] = self._load(lang)
        return self._hunspell[lang]

    def _load(self, lang: str):
        name, package = DICTIONARIES[lang]
        dic = self.dict_dir / f"{name}.dic"
        if not dic.is_file() or not (self.dict_dir / f"{name}.aff").is_file():
            self.missing.append(Problem(str(dic), None, "spelling", M(MISSING[lang], package=package)))
            return None
        try:
            from hunspell import Hunspell  # the chunspell wheel
        except ImportError:  # pragma: no cover - in the locked environment
            self.missing.append(Problem(str(dic), None, "spelling", M(
                "expected the Python package chunspell (run `uv sync --locked`), got none; the text was not "
                "spell-checked")))
            return None
        h = Hunspell(name, hunspell_data_dir=str(self.dict_dir))
        for word in self.extra:
            h.add(word)
        return h

    def known(self, lang: str, word: str) -> bool:
        """`word` as it stands ("know-how", "Sb."), else without its full stop, else each part of a
        hyphenated word ("DIGIT-ME": "DIGIT" and "ME")."""
        key = (lang, word)
        if key not in self._known:
            h = self._dictionary(lang) if lang in DICTIONARIES else None
            bare = word.rstrip(".")
            self._known[key] = h is None or any(self._spell(h, w) for w in dict.fromkeys((word, bare))) or (
                "-" in bare and all(len(part) < 2 or self._spell(h, part) for part in bare.split("-")))
        return self._known[key]

    def _spell(self, h, word: str) -> bool:
        return word in self.extra or h.spell(word)

    def suggest(self, lang: str, word: str) -> tuple[str, ...]:
        h = self._dictionary(lang)
        return tuple(h.suggest(word)[:MAX_SUGGESTIONS]) if h is not None else ()


def unknown_words(docs: Iterable[Document], speller: Speller, words_file: str = WORDS_FILE) -> list[Problem]:
    """One problem per unknown word and line, with Hunspell's suggestions."""
    out: list[Problem] = []
    suggestions: dict[tuple[str, str], tuple[str, ...]] = {}
    for doc in docs:
        for piece in prose(doc):
            for word in dict.fromkeys(words(piece.text)):
                if speller.known(piece.lang, word):
                    continue
                word = word.rstrip(".")
                key = (piece.lang, word)
                if key not in suggestions:  # Hunspell's suggestions take ~0.3 s a word: for the first few
                    suggestions[key] = speller.suggest(piece.lang, word) if len(suggestions) < MAX_SUGGESTED else ()
                out.append(Problem(piece.path, piece.line, piece.field, unknown(word, piece.lang, suggestions[key],
                                                                                words_file)))
    return out


MISSING = {
    "cs": "expected the Czech Hunspell dictionary, got no such file (install the Debian package {package}; "
          "`uv run invoke test` installs it): the Czech text was not spell-checked",
    "en": "expected the English Hunspell dictionary, got no such file (install the Debian package {package}; "
          "`uv run invoke test` installs it): the English text was not spell-checked",
}


def unknown(word: str, lang: str, suggestions: tuple[str, ...], words_file: str) -> M:
    hint = (M(" (did you mean {choices}?)", choices=", ".join(repr(s) for s in suggestions)) if suggestions else "")
    if lang == "cs":
        return M("expected a word the Czech dictionary knows, got {word!r}{hint}; if it is right (a name, a term), "
                 "add it to content/{file}", word=word, hint=hint, file=words_file)
    return M("expected a word the English dictionary knows, got {word!r}{hint}; if it is right (a name, a term), "
             "add it to content/{file}", word=word, hint=hint, file=words_file)
