"""The `funding:` field of a project: which EU programme funds it, with its number and period.

    funding:
      - programme: op-vvv                                  # FUNDING_PROGRAMMES (vocab.py)
        number: CZ.02.2.69/0.0/0.0/18_055/0014194          # as the programme writes it (FUNDING_NUMBERS)
        fund: esf                                          # optional, programmes of the ESI Funds only
        project: Podpora a rozvoj inovačního prostředí …   # optional: the funded project's own name
        start: 2019-01-01                                  # optional period, YYYY-MM-DD
        end: 2022-06-30

Every wrong key of every item is reported at once, each at its line. A funding without its
number is valid (the sources do not always give it) but `rules.funding_numbers` makes it a
warning, so that it is not a silent gap. The page shows it through render/funding.py.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .messages import M
from .problems import Invalid, Invalids, show
from .values import choice, date, text
from .vocab import FUNDING_NUMBERS, FUNDING_PROGRAMMES, FUNDS, FUNDS_OF

KEYS = ("programme", "number", "fund", "project", "start", "end")
PROJECT_MAX = 200
# What a programme's number is called, in the author's language.
NUMBER_NAMES = {"registration number": M("registration number"),
                "grant agreement number": M("grant agreement number")}


@dataclass(frozen=True)
class Funding:
    programme: str
    number: str | None = None
    fund: str | None = None
    project: str | None = None  # the funded project's own name, when the page's title is not it
    start: dt.date | None = None
    end: dt.date | None = None
    line: int | None = field(default=None, compare=False)  # of the item, within the YAML text

    @property
    def facts(self) -> tuple:
        """What the English and the Czech file must agree on (the project's name is worded per language)."""
        return (self.programme, self.number, self.fund, self.start, self.end)

    def shown(self) -> str:
        """The item as an author wrote it, in a message."""
        parts = [f"programme: {self.programme}"] + [f"{k}: {getattr(self, k)}" for k in ("number", "fund", "start", "end")
                                                     if getattr(self, k) is not None]
        return "{" + ", ".join(parts) + "}"


def number_name(programme: str) -> M:
    return NUMBER_NAMES[FUNDING_NUMBERS[programme].what]


def _number(value: Any, programme: str | None) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # a grant agreement number read by YAML as a whole number
    if not isinstance(value, str) or not value.strip():
        raise Invalid(M("expected the funding's number as text, got {value}", value=show(value)))
    value = value.strip()
    if programme is None:
        return value
    spec = FUNDING_NUMBERS[programme]
    if not re.fullmatch(spec.pattern, value):
        raise Invalid(M("expected a {what} of {programme} like {example}, got {value}", what=number_name(programme),
                        programme=programme, example=spec.example, value=show(value)))
    return value


def _item(item: Any, item_node: yaml.Node, line: int) -> tuple[Funding | None, list[Invalid]]:
    if not isinstance(item, dict):
        return None, [Invalid(M("expected a mapping like {{programme: op-vvv, number: …}}, got {value}",
                                value=show(item)), line)]
    lines = ({k.value: k.start_mark.line + 1 for k, _ in item_node.value if isinstance(k, yaml.ScalarNode)}
             if isinstance(item_node, yaml.MappingNode) else {})
    problems: list[Invalid] = []
    unknown = sorted(str(k) for k in item if k not in KEYS)
    for key in unknown:
        problems.append(Invalid(M("expected only the keys {keys}, got {key!r}", keys=", ".join(KEYS), key=key),
                                lines.get(key, line)))
    values: dict[str, Any] = {}

    def parse(key: str, parser) -> None:
        if item.get(key) is None:
            return
        try:
            values[key] = parser(item[key])
        except Invalid as e:
            problems.append(Invalid(e.message, lines.get(key, line)))

    if "programme" not in item:
        problems.append(Invalid(M("expected a programme ({allowed}), got none", allowed=", ".join(FUNDING_PROGRAMMES)), line))
    parse("programme", lambda v: choice(FUNDING_PROGRAMMES)(v, None))
    programme = values.get("programme")
    parse("number", lambda v: _number(v, programme))
    if "fund" in item and programme is not None and not FUNDS_OF[programme]:
        problems.append(Invalid(M("expected no fund for {programme} (it is not one of the EU's structural funds), got "
                                  "{value}", programme=programme, value=show(item["fund"])), lines.get("fund", line)))
    else:
        funds = {k: FUNDS[k] for k in FUNDS_OF[programme]} if programme else FUNDS
        parse("fund", lambda v: choice(funds)(v, None))
    parse("project", lambda v: text(PROJECT_MAX)(v, None))
    parse("start", lambda v: date(v, None))
    parse("end", lambda v: date(v, None))
    if "start" in values and "end" in values and values["end"] < values["start"]:
        problems.append(Invalid(M("expected the end on or after the start {start}, got {end}", start=str(values["start"]),
                                  end=str(values["end"])), lines.get("end", line)))
    if problems or programme is None:
        return None, problems
    return Funding(line=line, **values), []


def _plain(node: yaml.Node) -> Any:
    """The value of a node tree whose YAML could not be made into Python values as a whole (e.g. a
    date with no such day, 2022-02-30): every scalar that cannot be read is kept as written."""
    if isinstance(node, yaml.SequenceNode):
        return [_plain(n) for n in node.value]
    if isinstance(node, yaml.MappingNode):
        return {_plain(k): _plain(v) for k, v in node.value}
    try:
        return yaml.SafeLoader("").construct_object(node)
    except (ValueError, yaml.YAMLError):
        return node.value


def funding(value: Any, node: yaml.Node) -> tuple[Funding, ...]:
    """A list of fundings; every wrong key of every item is reported, each at its line."""
    if value is None and isinstance(node, yaml.SequenceNode):  # one item's value could not be read
        value = _plain(node)
    if not isinstance(value, list) or not value:
        raise Invalid(M("expected a list of fundings (e.g. [{{programme: op-vvv, number: …}}]), got {value}",
                        value=show(value)))
    items = node.value if isinstance(node, yaml.SequenceNode) else []
    out, problems = [], []
    for item, item_node in zip(value, items, strict=False):
        found, wrong = _item(item, item_node, item_node.start_mark.line + 1)
        problems.extend(wrong)
        if found is not None:
            out.append(found)
    seen: set[tuple] = set()
    for f in out:
        if f.facts in seen:
            problems.append(Invalid(M("expected each funding once, got {item} twice", item=f.shown()), f.line))
        seen.add(f.facts)
    if problems:
        raise Invalids(problems)
    return tuple(out)
