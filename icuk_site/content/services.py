"""The values only services have: who a service is for, the projects it belongs to, its calls.

A *call* is one round of applications (e.g. the sixth call for innovation vouchers, 21 April –
31 May 2020). Its status — upcoming, open or closed — is never written by an author: it follows
from the build's date (`call_status`, with Site.reference_date: SOURCE_DATE_EPOCH), so a call is
never shown as open after it closed, and the same sources build the same pages.

Parsers take (value, node) and return the clean value or raise `Invalid`/`Invalids`, as in values.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import yaml

from .messages import M
from .problems import Invalid, Invalids, show
from .values import date, id_hint, id_list, text
from .vocab import AUDIENCES

CALL_KEYS = ("name", "opens", "closes")


@dataclass(frozen=True)
class Call:
    """One round of applications: open from `opens` to `closes`, both days included. Twins
    state the same dates; the name is each language's own."""

    opens: dt.date
    closes: dt.date
    name: str | None = field(default=None, compare=False)


def call_status(call: Call, today: dt.date) -> str:
    """upcoming | open | closed on `today` (the build's date, never the clock)."""
    if today < call.opens:
        return "upcoming"
    return "open" if today <= call.closes else "closed"


def audiences(value: Any, node: yaml.Node) -> tuple[str, ...]:
    """A list of audience IDs (vocab.AUDIENCES), at least one, each once; every wrong item reported."""
    if isinstance(value, str):
        value, items = [value], [node]
    elif isinstance(value, list) and value:
        items = node.value if isinstance(node, yaml.SequenceNode) else [node] * len(value)
    else:
        raise Invalid(M("expected a list of audiences ({allowed}), got {value}", allowed=", ".join(AUDIENCES),
                        value=show(value)))
    out, problems = [], []
    for item, item_node in zip(value, items, strict=False):
        line = item_node.start_mark.line + 1
        if not isinstance(item, str) or item not in AUDIENCES:
            hint = id_hint(item, AUDIENCES) if isinstance(item, str) else ""
            problems.append(Invalid(M("expected one of {allowed}, got {value}{hint}", allowed=", ".join(AUDIENCES),
                                      value=show(item), hint=hint), line))
        elif item in out:
            problems.append(Invalid(M("expected each audience once, got {id!r} twice", id=item), line))
        else:
            out.append(item)
    if problems:
        raise Invalids(problems)
    return tuple(sorted(out, key=list(AUDIENCES).index))


def project_ids(value: Any, node: yaml.Node) -> tuple[tuple[str, int], ...]:
    """A service's projects, by ID (whether such a project exists is checked across files, content/site.py)."""
    return id_list(value, node, lambda v: M("expected a list of project IDs (file names in content/projects/en/, e.g. "
                                            "[hydrogen, smart-ii-ur]), got {value}", value=v),
                   lambda i: M("expected a project ID (its file name, lowercase, e.g. 'hydrogen'), got {value}",
                               value=show(i)),
                   lambda i: M("expected each project once, got {id!r} twice", id=i))


_call_name = text(150)


def _scalar(node: yaml.Node) -> Any:
    """A node's value; a date with no such day (2020-02-30) as written, for date() to explain."""
    try:
        return yaml.SafeLoader("").construct_object(node, deep=True)
    except (ValueError, yaml.YAMLError):
        return node.value if isinstance(node, yaml.ScalarNode) else None


def calls(value: Any, node: yaml.Node) -> tuple[Call, ...]:
    """A list of {opens: date, closes: date, name: text (optional)}; closes on or after opens."""
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        raise Invalid(M("expected a list of calls like [{{opens: 2020-04-21, closes: 2020-05-31}}], got {value}",
                        value=show(value)))
    out, problems = [], []
    for item_node in node.value:  # read item by item: one impossible date must not hide the others
        line = item_node.start_mark.line + 1
        if not isinstance(item_node, yaml.MappingNode):
            problems.append(Invalid(M("expected a mapping with opens, closes and an optional name, got {value}",
                                      value=show(_scalar(item_node))), line))
            continue
        item = {str(k.value): (_scalar(v), k.start_mark.line + 1) for k, v in item_node.value}
        unknown = sorted(k for k in item if k not in CALL_KEYS)
        if unknown:
            problems.append(Invalid(M("expected only the keys {keys}, got {unknown}", keys=", ".join(CALL_KEYS),
                                      unknown=", ".join(unknown)), line))
            continue
        clean, bad = {}, False
        for key in CALL_KEYS:
            if key not in item:
                if key != "name":
                    problems.append(Invalid(M("expected the call's {key} date (YYYY-MM-DD), got none", key=key), line,
                                            field=key))
                    bad = True
                continue
            raw, key_line = item[key]
            try:
                clean[key] = _call_name(raw, None) if key == "name" else date(raw, None)
            except Invalid as e:
                problems.append(Invalid(e.message, key_line, field=key))
                bad = True
        if bad:
            continue
        if clean["closes"] < clean["opens"]:
            problems.append(Invalid(M("expected the closing date on or after the opening date {opens}, got {closes}",
                                      opens=str(clean["opens"]), closes=str(clean["closes"])),
                                    item["closes"][1], field="closes"))
            continue
        out.append(Call(clean["opens"], clean["closes"], clean.get("name")))
    if problems:
        raise Invalids(problems)
    return tuple(sorted(out, key=lambda c: c.opens))
