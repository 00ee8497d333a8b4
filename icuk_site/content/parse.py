"""Reading one file: a Markdown file's front-matter, or the partner list — one way of validating both.

`check_fields` walks a YAML mapping against a field table (fields.py): unknown and repeated
keys, each value through its parser, required fields, every problem with its line.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from .documents import Document, Partner
from .fields import FIELDS_BY_KIND, KIND_DIRS, PARTNER_FIELDS, FieldSpec
from .messages import M
from .problems import Invalid, Invalids, Problem, did_you_mean, show
from .routes import reserved_slugs
from .values import PARTNER_ID_RE
from .vocab import LANGS
from .yamlerrors import explain

try:  # libyaml is ~10x faster; fall back to the pure-Python loader
    from yaml import CSafeLoader as Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as Loader  # type: ignore[assignment]

FRONT_MATTER_FENCE = "---"
_FAILED = object()  # the YAML could not be read (the problem is reported)
PARTNER_REF = "partner-ref"  # in `declared`: (PARTNER_REF, rel, partner ID, line) of a file with problems
PAIRED_FIELDS = {
    "project": [("image", "image_alt", M("expected a description of the picture (required with image), got none")),
                ("image_alt", "image", M("expected an image for this image_alt, got none"))],
    "news": [("image", "image_alt", M("expected a description of the picture (required with image), got none")),
             ("image_alt", "image", M("expected an image for this image_alt, got none"))],
    "page": [("nav_label", "nav_order", M("expected a number for the navigation order (required with nav_label), got none")),
             ("nav_order", "nav_label", M("expected a label for nav_order, got none"))],
    "service": [],
}
PROJECT_REF = "project-ref"  # in `declared`: (PROJECT_REF, rel, project ID, line) of a service with problems


UNKNOWN_FIELD = {
    "project": "expected a project field ({fields}), got unknown field {key}{hint}",
    "page": "expected a page field ({fields}), got unknown field {key}{hint}",
    "service": "expected a service field ({fields}), got unknown field {key}{hint}",
    "news": "expected a news field ({fields}), got unknown field {key}{hint}",
    "partner": "expected a partner field ({fields}), got unknown field {key}{hint}",
}


def check_fields(root: yaml.MappingNode, specs: Iterable[FieldSpec], rel: str, offset: int, problems: list[Problem],
                 what: str, prefix: str = "") -> tuple[dict[str, Any], dict[str, int]]:
    """The clean values and the line of each key of a mapping; problems appended.

    `offset`: lines before the YAML text in the file; `what` names the table in messages
    ("project", "partner"); `prefix` goes before each field name ("ujep." for a partner).
    """
    specs = {s.name: s for s in specs}
    constructor = Loader("")  # a constructor bound to nothing; turns nodes into Python values
    values: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in root.value:
        line = key_node.start_mark.line + 1 + offset
        if not isinstance(key_node, yaml.ScalarNode):  # e.g. `[a, b]: c`
            problems.append(Problem(rel, line, f"{prefix}?", M("expected a field name, got a list or mapping")))
            continue
        key = key_node.value
        name = f"{prefix}{key}"
        if key in lines:
            problems.append(Problem(rel, line, name, M("expected each field once, got it again (first on line {first})",
                                                       first=lines[key])))
            continue
        lines[key] = line
        spec = specs.get(key)
        if spec is None:
            problems.append(Problem(rel, line, name, M(UNKNOWN_FIELD[what], fields=", ".join(specs), key=repr(key),
                                                       hint=did_you_mean(str(key), specs))))
            continue
        try:
            try:
                value = constructor.construct_object(value_node, deep=True)
            except (ValueError, yaml.YAMLError):  # e.g. a date with no such day (2026-02-30): read as written
                value = value_node.value if isinstance(value_node, yaml.ScalarNode) else None
            values[key] = spec.parse(value, value_node)
        except (Invalid, Invalids) as e:
            if getattr(e, "partial", None) is not None:
                values[key] = e.partial  # the file has problems (so no Document), but these parts are checked too
            for item in e.items if isinstance(e, Invalids) else [e]:
                where = item.line + offset if item.line else line
                problems.append(Problem(rel, where, f"{name}.{item.field}" if item.field else name, item.message))
    for spec in specs.values():
        if spec.required and spec.name not in lines:
            problems.append(Problem(rel, None, f"{prefix}{spec.name}",
                                    M("expected a {name} ({allowed}), got none", name=spec.name, allowed=M(spec.allowed))))
    return values, lines


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """(yaml, body, body_line) or None when the file has no front-matter block."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FRONT_MATTER_FENCE:
        return None
    for i in range(1, len(lines)):
        if lines[i].rstrip() == FRONT_MATTER_FENCE:
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1 :]), i + 2
    return None


def read_text(path: Path, rel: str, problems: list[Problem]) -> str | None:
    data = path.read_bytes()
    if not data.strip():
        problems.append(Problem(rel, None, "file", M("expected front-matter and text, got an empty file")))
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        problems.append(Problem(rel, line, "file", M("expected UTF-8 text, got the byte 0x{byte:02x} (save the file as UTF-8)",
                                                     byte=data[e.start])))
        return None
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def _compose(text: str, rel: str, offset: int, field: str, problems: list[Problem]):
    """The YAML node tree (None for empty text), or _FAILED with the problem reported."""
    try:
        return yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as e:
        at, message = explain(text, e)
        line = at + 1 + offset if at is not None else (1 if offset else None)
        problems.append(Problem(rel, line, field, message))
        return _FAILED
    except yaml.YAMLError as e:  # pragma: no cover - every reader error has a mark
        problems.append(Problem(rel, 1 if offset else None, field, M("expected valid YAML, got an error: {error}", error=str(e))))
        return _FAILED


def parse_document(path: Path, rel: str, kind: str, problems: list[Problem],
                   declared: set[tuple[str, str, str]] | None = None) -> Document | None:
    """Parse and check one Markdown file; append its problems; None if it is unusable.

    `declared` collects the partner IDs a file with problems names (PARTNER_REF entries), so
    that they are checked too. (Its twin is found by its file name, which any file has.)
    """
    folder_lang = Path(rel).parts[1] if len(Path(rel).parts) > 2 else None

    text = read_text(path, rel, problems)
    if text is None:
        return None
    split = split_front_matter(text)
    if split is None:
        problems.append(Problem(rel, 1, "front-matter",
                                M("expected the file to start with a line '---', the fields, and another '---', "
                                  "got no front-matter")))
        return None
    fm_text, body, body_line = split
    root = _compose(fm_text, rel, 1, "front-matter", problems)  # offset 1: the opening '---'
    if root is _FAILED:
        return None
    if not isinstance(root, yaml.MappingNode):
        problems.append(Problem(rel, 2, "front-matter", M("expected 'field: value' lines, got nothing") if root is None
                                else M("expected 'field: value' lines, got something else")))
        return None

    n_before = len(problems)
    values, lines = check_fields(root, FIELDS_BY_KIND[kind], rel, 1, problems, kind)
    problems.extend(_rules(kind, rel, folder_lang, values, lines))
    if len(problems) > n_before:
        if declared is not None:  # the well-written partner IDs of a broken file: checked by load_site
            declared.update((PARTNER_REF, rel, pid, line + 1) for pid, line in values.get("partners", ()))
            declared.update((PROJECT_REF, rel, slug, line + 1) for slug, line in values.get("projects", ()))
        return None
    partners = values.pop("partners", ())
    lines.update({f"partners:{p}": line + 1 for p, line in partners})
    projects = values.pop("projects", ())
    lines.update({f"projects:{p}": line + 1 for p, line in projects})
    lines.update({f"funding:{i}": f.line + 1 for i, f in enumerate(values.get("funding", ())) if f.line})
    lines["body"] = body_line  # the file's line of the text's first line
    return Document(kind=kind, source=rel, body=body, partners=tuple(p for p, _ in partners),
                    projects=tuple(p for p, _ in projects), lines=lines, **values)


def _rules(kind: str, rel: str, folder_lang: str | None, values: dict, lines: dict) -> list[Problem]:
    """The rules between the fields of one file."""
    out = []
    if "lang" in values and folder_lang in LANGS and values["lang"] != folder_lang:
        out.append(Problem(rel, lines["lang"], "lang", M("expected {folder!r} (the folder this file is in), got {lang!r}",
                                                         folder=folder_lang, lang=values["lang"])))
    if folder_lang not in LANGS:
        out.append(Problem(rel, None, "file", M("expected the file in a language folder ({folders}), got {rel!r}",
                                                folders=", ".join(f"{KIND_DIRS[kind]}/{x}/" for x in LANGS), rel=rel)))
    if "modified" in values and "date" in values and values["modified"] < values["date"]:
        out.append(Problem(rel, lines["modified"], "modified", M("expected a date on or after date {date}, got {modified}",
                                                                 date=str(values["date"]), modified=str(values["modified"]))))
    if values.get("date_precision") == "month" and "date" in values and values["date"].day != 1:
        out.append(Problem(rel, lines["date"], "date", M(
            "expected the 1st of the month with date_precision: month ({first}), got {date}",
            first=values["date"].replace(day=1).isoformat(), date=values["date"].isoformat())))
    # Fields that come in pairs: (field present, field missing, message).
    for name, other, message in PAIRED_FIELDS[kind]:
        if name in values and other not in lines:
            out.append(Problem(rel, lines[name], other, message))
    if values.get("slug") in reserved_slugs(kind):
        out.append(Problem(rel, lines["slug"], "slug", M("expected a slug the site does not use for its own paths "
                                                         "({slugs}), got {slug!r}", slugs=", ".join(sorted(reserved_slugs(kind))),
                                                         slug=values["slug"])))
    return out


def parse_partners(path: Path, rel: str, problems: list[Problem]) -> tuple[dict[str, Partner], set[str] | None]:
    """The valid partners, and every ID the file declares (valid or not) — None when the file
    cannot be read at all: then its own problem is reported and nothing is said about the IDs
    projects use (they cannot be checked against a broken list)."""
    declared: set[str] = set()
    if not path.exists():
        problems.append(Problem(rel, None, "file", M("expected the partner list, got no such file")))
        return {}, None
    text = read_text(path, rel, problems)
    root = _FAILED if text is None else _compose(text, rel, 0, "file", problems)
    if root is _FAILED:
        return {}, None
    if not isinstance(root, yaml.MappingNode):
        problems.append(Problem(rel, 1, "file", M("expected 'partner-id:' entries, got something else")))
        return {}, None
    partners: dict[str, Partner] = {}
    for key_node, value_node in root.value:
        pid, line = key_node.value, key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode):
            problems.append(Problem(rel, line, "file", M("expected a partner ID, got a list or mapping")))
            continue
        if not PARTNER_ID_RE.match(str(pid)):
            problems.append(Problem(rel, line, f"{pid}", M("expected a partner ID of lowercase letters, digits and hyphens, "
                                                           "got {pid!r}", pid=pid)))
            declared.add(str(pid).lower())
            continue
        if pid in declared:
            problems.append(Problem(rel, line, f"{pid}", M("expected each partner ID once, got it again")))
            continue
        declared.add(pid)
        if not isinstance(value_node, yaml.MappingNode):
            problems.append(Problem(rel, line, f"{pid}", M("expected name, kind, short and website below the ID, got {value}",
                                                           value=show(Loader("").construct_object(value_node, deep=True)))))
            continue
        n_before = len(problems)
        values, _ = check_fields(value_node, PARTNER_FIELDS, rel, 0, problems, "partner", prefix=f"{pid}.")
        if len(problems) == n_before:
            names = values["name"]
            partners[pid] = Partner(pid, names["en"], names["cs"], values["kind"], values.get("short"),
                                    values.get("website"))
    return partners, declared
