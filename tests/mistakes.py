"""Helpers of tests/test_mistakes*.py: plant a mistake in a copy of the built project, then check
that `invoke check` (in English, and in Czech by the locale) and the build refuse it.

The commands run as `python -m …` in the project copy, forked from a warm server
(tests/forkrun.py) instead of three new interpreters per mistake;
test_mistakes.py::test_forked_commands_say_what_the_real_ones_say runs the real interpreters
and checks that both say the same, byte for byte.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import forkrun
from forkrun import Command
from test_build import tree_digest

from conftest import author_env

EN, CS = "projects/en/hydrogen.md", "projects/cs/hydrogen.md"


def edit(project: Path, rel: str, old: str, new: str) -> None:
    path = project / "content" / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(project: Path, rel: str, start: str) -> int:
    lines = (project / "content" / rel).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith(start))


def env(lang: str = "C.UTF-8") -> dict[str, str]:
    """An author's command in a project copy: its language from LANG alone, no content cache."""
    return author_env(lang, ICUK_CACHE="0")


def run(project: Path, *cmd: str, lang: str = "C.UTF-8") -> subprocess.CompletedProcess:
    """`python CMD…` in a new interpreter, in the project folder."""
    return subprocess.run([sys.executable, *cmd], cwd=project, env=env(lang), capture_output=True, text=True,
                          timeout=300)


def refusing_commands(project: Path, settings: str = "pelicanconf.py") -> list[Command]:
    """`invoke check` under LANG=C.UTF-8 and LANG=cs_CZ.UTF-8, and the build with `settings`."""
    return [Command(["-m", "invoke", "check"], project, env("C.UTF-8")),
            Command(["-m", "invoke", "check"], project, env("cs_CZ.UTF-8")),
            Command(["-m", "icuk_site.build", "--settings", settings, "--output", str(project / "output")], project,
                    env("C.UTF-8"))]


def forked():
    """This process's fork server (tests/forkrun.py)."""
    return forkrun.shared()


def assert_refused(project: Path, en: list[str], cs: list[str], settings: str = "pelicanconf.py") -> None:
    """`invoke check` (en, and cs by the locale) and the build refuse, naming the problems;
    no traceback; output/ unchanged. Each expected text is `where: field: …` — several parts
    separated by " … " must all be on one line of the report."""
    before = tree_digest(project / "output")
    out, out_cs, build = forked().run(*refusing_commands(project, settings))
    assert out.returncode == 1, out.stdout + out.stderr
    assert out_cs.returncode == 1
    assert build.returncode == 1, build.stdout + build.stderr
    for proc in (out, out_cs, build):
        assert "Traceback" not in proc.stdout + proc.stderr, proc.stderr
    for expected, report, prefix in ((en, out.stderr, "content/"), (cs, out_cs.stderr, "content/"), (en, build.stderr, "  ")):
        for text in expected:
            parts = text.split(" … ")
            lines = [x.removeprefix(prefix) for x in report.splitlines()]
            parts[0] = parts[0].removeprefix("content/")
            assert any(x.startswith(parts[0]) and all(p in x for p in parts[1:]) for x in lines), \
                f"{text!r} not in:\n{report}"
    assert tree_digest(project / "output") == before
