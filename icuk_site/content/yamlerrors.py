"""YAML errors in plain words: the real cause, at the line where the author has to look.

PyYAML says what its parser met ("mapping values are not allowed in this context", "found
character that cannot start any token"); `explain` turns that into what the author did (a tab,
a `: ` in text without quotes, a line indented differently) and the line to fix.
"""

from __future__ import annotations

import yaml

from .messages import M


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _previous(lines: list[str], i: int) -> int | None:
    """The index of the last line before `i` with content (not blank, not a comment)."""
    for j in range(i - 1, -1, -1):
        if lines[j].strip() and not lines[j].lstrip().startswith("#"):
            return j
    return None


TAB = "expected valid YAML, got a tab (indent with spaces, never tabs)"
INDENT = ("expected valid YAML, got a line indented differently from the one above ({line!r}); "
          "start it where the line above starts")


def explain(text: str, error: yaml.MarkedYAMLError) -> tuple[int | None, str]:
    """(0-based line in `text`, message) for a YAML error."""
    lines = text.split("\n")
    problem = error.problem or ""
    context = error.context or ""
    mark = error.problem_mark or error.context_mark
    at = mark.line if mark else None
    ctx = error.context_mark.line if error.context_mark else at

    def line_text(i):
        text = lines[i].strip() if i is not None and 0 <= i < len(lines) else ""
        return text if len(text) <= 60 else text[:59] + "…"

    if at is not None and at < len(lines) and "\t" in lines[at]:
        return at, M(TAB)
    for i, line in enumerate(lines):  # a tab in the indentation or after a key
        if "\t" in line[: len(line) - len(line.lstrip(" \t"))] or ":\t" in line:
            return i, M(TAB)
    if "mapping values are not allowed" in problem and at is not None:
        prev = _previous(lines, at)
        if prev is not None and _indent(lines[at]) > _indent(lines[prev]) and not lines[prev].rstrip().endswith(":"):
            return at, M(INDENT, line=line_text(at))
        return at, M("expected valid YAML, got a value with ': ' and no quotes ({line!r}); put the value in double "
                     "quotes: title: \"Hydrogen: the fuel\"", line=line_text(at))
    if "found unexpected end of stream" in problem and "quoted" in context:
        return ctx, M("expected valid YAML, got a quote that is opened but never closed ({line!r})", line=line_text(ctx))
    if "could not find expected ':'" in problem:
        return ctx, M("expected valid YAML, got a line without ': ' ({line!r}); write 'field: value', and put a text "
                      "that goes on to the next line in double quotes", line=line_text(ctx))
    if "flow sequence" in context or "flow mapping" in context:
        return ctx, M("expected valid YAML, got a list or mapping that is not closed on its line ({line!r}); "
                      "a missing ], }} or comma?", line=line_text(ctx))
    if "cannot start any token" in problem and at is not None:
        char = lines[at][mark.column] if mark and mark.column < len(lines[at]) else ""
        return at, M("expected valid YAML, got a value starting with {char!r} ({line!r}); put the text in double "
                     "quotes", char=char, line=line_text(at))
    if "did not find expected key" in problem or "expected <block end>" in problem:
        if line_text(at).startswith("-"):
            return at, M("expected valid YAML, got a list item where a field belongs ({line!r}); write a list as "
                         "[a, b] or indent it below its field", line=line_text(at))
        value = line_text(at).split(": ", 1)[-1]
        if value[:1] in ("'", '"') and value.count(value[:1]) > 2:
            return at, M("expected valid YAML, got a quote inside a text in the same quotes ({line!r}); use double "
                         "quotes around a text with an apostrophe", line=line_text(at))
        return at, M(INDENT, line=line_text(at))
    return at, M("expected valid YAML, got an error: {error}", error=problem)
