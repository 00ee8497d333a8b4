"""The problem messages in Czech: every English template has a Czech translation with the same
parameters, and the author's language is chosen from the locale or asked for."""

from __future__ import annotations

import ast
import re
import string

from conftest import ROOT
from icuk_site.content import NEWS_FIELDS, PAGE_FIELDS, PARTNER_FIELDS, PROJECT_FIELDS, SERVICE_FIELDS
from icuk_site.content.messages import M, author_lang, catalog

SOURCES = [*sorted((ROOT / "icuk_site/content").glob("*.py")), ROOT / "icuk_site/authoring/check.py",
           ROOT / "icuk_site/authoring/spelling.py",
           ROOT / "icuk_site/authoring/livereload.py", ROOT / "icuk_site/session.py", ROOT / "tasks.py"]


def _strings(node: ast.AST, constants: dict[str, ast.AST]) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _strings(node.body, constants) + _strings(node.orelse, constants)
    if isinstance(node, ast.Name) and node.id in constants:
        return _strings(constants[node.id], constants)
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id in constants:
        return _strings(constants[node.value.id], constants)
    if isinstance(node, ast.Dict):
        return [s for v in node.values for s in _strings(v, constants)]
    return []


def templates() -> set[str]:
    """Every English template the code says through M(…), and the fields' allowed values."""
    found = set()
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {t.id: n.value for n in tree.body if isinstance(n, ast.Assign)
                     for t in n.targets if isinstance(t, ast.Name)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "M" and node.args:
                found.update(_strings(node.args[0], constants))
    found.update(s.allowed for s in (*PROJECT_FIELDS, *PAGE_FIELDS, *PARTNER_FIELDS, *SERVICE_FIELDS, *NEWS_FIELDS))
    return found


def fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def test_every_message_has_a_czech_translation_with_the_same_parameters():
    cs = catalog("cs")
    missing, wrong = [], []
    for t in sorted(templates()):
        text = cs.gettext(t)
        if text == t and not re.fullmatch(r"[a-z0-9, :/{}…-]+", t):  # lists of IDs are not translated
            missing.append(t)
        elif fields(text) != fields(t):
            wrong.append((t, text))
    assert not missing, "no Czech for:\n" + "\n".join(missing)
    assert not wrong, wrong


def test_czech_message_keeps_values_as_written():
    m = M("expected one of {allowed}, got {value}{hint}", allowed="a, b", value="'x'", hint="")
    assert str(m) == "expected one of a, b, got 'x'"
    assert m.say("cs") == "očekávána jedna z hodnot a, b, zadáno 'x'"


def test_author_language_from_the_locale(monkeypatch):
    for name in ("ICUK_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    assert author_lang() == "en"
    monkeypatch.setenv("LANG", "cs_CZ.UTF-8")
    assert author_lang() == "cs"
    assert author_lang("en") == "en"
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert author_lang() == "en"
    monkeypatch.setenv("ICUK_LANG", "cs")
    assert author_lang() == "cs"


def test_messages_survive_the_parse_cache():
    import pickle

    m = M("expected at most {max_len} characters, got {n}", max_len=150, n=161)
    back = pickle.loads(pickle.dumps(m))
    assert back == m and back.say("cs") == m.say("cs") != str(m)


def test_check_task_speaks_czech_when_asked(project_copy):
    import shutil
    import subprocess
    import sys

    shutil.copy(ROOT / "tasks.py", project_copy / "tasks.py")
    f = project_copy / "content/projects/en/hydrogen.md"
    f.write_text(f.read_text(encoding="utf-8").replace("phase: preparation", "phase: probíhá"), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "invoke", "--search-root", str(project_copy), "check", "--lang", "cs"],
                         cwd=project_copy, capture_output=True, text=True, timeout=120,
                         env={k: v for k, v in __import__("os").environ.items() if k not in ("ICUK_LANG", "LANGUAGE")})
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert ": phase: očekávána jedna z hodnot preparation, pilot, running, completed, zadáno 'probíhá' (měli jste " \
           "na mysli 'running'? 'Probíhá' je český název; napište ID)" in out.stderr
    assert out.stderr.rstrip().endswith("Nalezen 1 problém.")
