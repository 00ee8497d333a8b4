"""Problems found in the content, as authors read them: ``path:line: field: expected …, got …``."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .messages import M, author_lang, say


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        return self.text()

    def text(self, lang: str | None = None) -> str:
        """`path:line: field: message`, the message in `lang` (default: the author's language)."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field}: {say(self.message, lang)}"


class ContentError(Exception):
    """Raised with every problem found in the content, never just the first."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.path, p.line or 0, p.field, p.message))
        super().__init__(self.report())

    def report(self, lang: str | None = None) -> str:
        lang = author_lang(lang)
        n = len(self.problems)
        head = (M("1 content problem found (nothing was built):") if n == 1
                else M("{n} content problems found (nothing was built):", n=n))
        return "\n".join([head.say(lang), *(f"  {p.text(lang)}" for p in self.problems)])


class BuildAborted(SystemExit):
    """The content has problems: they were printed; the build stops before writing anything.

    A SystemExit (code 1) so that the `pelican` command exits without a traceback.
    """

    def __init__(self, error: ContentError):
        super().__init__(1)
        self.error = error


class Invalid(Exception):
    """A single value is wrong (the message says how); `line` when it is not the field's own line,
    `field` when the problem is in a part of the value (e.g. `name.cs`)."""

    def __init__(self, message: str, line: int | None = None, field: str | None = None):
        super().__init__(message)
        self.message = message  # an M: said in the author's language when shown
        self.line = line
        self.field = field


class Invalids(Exception):
    """Several parts of one value are wrong: each is reported (an author fixes them in one go)."""

    def __init__(self, items: list[Invalid], partial=None):
        super().__init__("; ".join(map(str, items)))
        self.items = items
        self.partial = partial  # the parts that were right (e.g. the well-written IDs of a list), or None


def show(value: Any) -> str:
    """A value as an author recognises it in a message."""
    if isinstance(value, str):
        return repr(value) if value else M("an empty string")
    if value is None:
        return M("nothing")
    if isinstance(value, bool):
        return M("{value} (YAML reads yes/no/on/off/true/false as a yes/no value; quote it)", value=str(value).lower())
    if isinstance(value, list):
        return M("a list")
    if isinstance(value, dict):
        return M("a mapping")
    if isinstance(value, dt.date):
        return value.isoformat()
    return repr(value)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return M(" (did you mean {choice!r}?)", choice=close[0]) if close else ""
