"""The quality gates' summary at the end of a test run (a pytest plugin, loaded by tests/conftest.py).

The gate tests (tests/quality/) record figures through the `gates` and `gate` fixtures: errors per
gate, what was checked, notes, and free lines (the publish build, the heaviest page …). A test's
records travel with its own report (`user_properties`), and the summary is made from the reports.
That way it is the same whether the tests ran in this process or in pytest-xdist's workers
(`uv run invoke test` runs two): a worker's memory never reaches the process that prints.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pytest

EVENTS = "icuk-gate-events"  # the user_properties name a test's records travel under
GATE_OF_MODULE = {
    "test_html": "1 HTML (Nu checker)",
    "test_links": "2 links",
    "test_accessibility": "3 accessibility (axe)",
    "test_keyboard": "4 keyboard / 320 px",
    "test_lighthouse": "5 Lighthouse",
    "test_lighthouse_gate": "5 Lighthouse",  # the planted regression: the gate still fails
    "test_strict": "6 strict, self-contained",
    "test_reproducible": "7 reproducible",
}


@dataclass
class Gate:
    checked: str = ""
    errors: int | None = None
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)


class Gates:
    """What a test process's gate tests record; each record waits in `outbox` until the test's
    report takes it (pytest_runtest_makereport)."""

    def __init__(self):
        self.outbox: list[tuple] = []

    def record(self, gate: str, errors: int, checked: str = "", *notes: str) -> None:
        """Add a test's error count to its gate (several tests may make up one gate)."""
        self.outbox.append(("record", gate, errors, checked, list(notes)))

    def line(self, text: str, first: bool = False) -> None:
        """A line under the gates (`first`: above the other lines)."""
        self.outbox.append(("line", text, first))


class Summary:
    """The table at the end of the run, from the records the reports brought."""

    def __init__(self):
        self.gates: dict[str, Gate] = defaultdict(Gate)
        self.lines: list[str] = []

    def apply(self, event: tuple) -> None:
        if event[0] == "record":
            _, gate, errors, checked, notes = event
            g = self.gates[gate]
            g.errors = (g.errors or 0) + errors
            if checked and checked not in g.checked:
                g.checked = f"{g.checked}; {checked}" if g.checked else checked
            g.notes.extend(notes)
            return
        _, text, first = event
        if text not in self.lines:
            self.lines.insert(0 if first else len(self.lines), text)


RECORDED = pytest.StashKey[Gates]()  # this process's records, waiting for a report
SUMMARY = pytest.StashKey[Summary]()  # what the reports brought


@pytest.fixture(scope="session")
def gates(request) -> Gates:
    return request.config.stash.setdefault(RECORDED, Gates())


@pytest.fixture
def gate(request, gates):
    """gate(errors, checked="", *notes): record figures for this test module's gate."""
    name = GATE_OF_MODULE[request.module.__name__.rsplit(".", 1)[-1]]
    return lambda errors, checked="", *notes: gates.record(name, errors, checked, *notes)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Each report takes what was recorded since the last one (a session fixture's line too)."""
    report = (yield).get_result()
    recorded = item.config.stash.get(RECORDED, None)
    if recorded is not None and recorded.outbox:
        report.user_properties.append((EVENTS, list(recorded.outbox)))
        recorded.outbox.clear()


_config: pytest.Config | None = None


def pytest_configure(config):
    global _config
    _config = config


def pytest_runtest_logreport(report):
    """In the process that prints (the only one without xdist, the controller with it)."""
    if _config is None or hasattr(_config, "workerinput"):  # an xdist worker: its controller adds up
        return
    summary = _config.stash.setdefault(SUMMARY, Summary())
    for name, events in report.user_properties:
        if name == EVENTS:
            for event in events:
                summary.apply(tuple(event))
    module = report.nodeid.split("::")[0].rsplit("/", 1)[-1].removesuffix(".py")
    if module in GATE_OF_MODULE:
        summary.gates[GATE_OF_MODULE[module]].seconds += report.duration


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    gates = config.stash.get(SUMMARY, None)
    if not gates or not gates.gates:
        return
    tr = terminalreporter
    tr.write_sep("=", "quality gates (publish build)")
    for name in sorted(gates.gates):
        g = gates.gates[name]
        errors = "not run" if g.errors is None else f"{g.errors} error{'s' if g.errors != 1 else ''}"
        tr.write_line(f"{name:<26} {errors:<10} {g.seconds:6.1f} s  {g.checked}")
        for note in g.notes:
            tr.write_line(f"{'':<46}{note}")
    for line in gates.lines:
        tr.write_line(line)
