"""The set-up behind `uv run invoke test` (scripts/setup_tools.py) decides right: what is missing
-> which install command, or one message that names it all. Nothing is installed here."""

from __future__ import annotations

import importlib.util
import json
import sys

import pytest

from conftest import ROOT

spec = importlib.util.spec_from_file_location("setup_tools", ROOT / "scripts" / "setup_tools.py")
setup_tools = importlib.util.module_from_spec(spec)
sys.modules["setup_tools"] = setup_tools
spec.loader.exec_module(setup_tools)

ALL_PATHS = {p for n in setup_tools.NEEDS for p in n.paths}
ALL_COMMANDS = {c for n in setup_tools.NEEDS for c in n.commands}


def machine(missing_paths=(), missing_commands=(), *, root=True, apt=True, npm_state=None):
    paths, commands = ALL_PATHS - set(missing_paths), ALL_COMMANDS - set(missing_commands)
    return setup_tools.Machine(exists=paths.__contains__, which=lambda c: f"/usr/bin/{c}" if c in commands else None,
                               is_root=root, has_apt=apt, npm_state=npm_state)


def test_nothing_missing_runs_nothing():
    plan = setup_tools.plan(machine())
    assert (plan.missing, plan.commands, plan.stop) == ([], [], "")


def test_root_with_apt_updates_then_installs_only_what_is_missing():
    plan = setup_tools.plan(machine(["/usr/bin/chromium", "/usr/share/hunspell/cs_CZ.dic"], ["java"]))
    assert plan.stop == ""
    assert plan.commands == [
        ["apt-get", "update", "-qq"],
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium", "default-jre-headless", "hunspell-cs"],
    ]


def test_every_package_on_a_bare_debian_machine_then_npm_ci():
    plan = setup_tools.plan(machine(ALL_PATHS, ALL_COMMANDS, npm_state="node_modules is missing"))
    assert plan.commands[1][5:] == ["chromium", "default-jre-headless", "fonts-dejavu-core", "hunspell-cs",
                                    "hunspell-en-gb", "nodejs", "npm"]
    assert plan.commands[2] == setup_tools.NPM_CI  # after apt: npm may come from it


def test_not_root_stops_at_once_with_one_message_naming_all_and_the_command():
    plan = setup_tools.plan(machine(["/usr/bin/chromium", "/usr/share/hunspell/en_GB.dic"], ["java"], root=False,
                                    npm_state="node_modules is missing"))
    assert plan.commands == []  # not even npm ci: the one message comes first
    assert "Chromium" in plan.stop and "Java" in plan.stop and "British English Hunspell" in plan.stop
    assert ("sudo apt-get update && sudo apt-get install -y -qq --no-install-recommends "
            "chromium default-jre-headless hunspell-en-gb") in plan.stop


def test_no_apt_names_the_debian_packages():
    plan = setup_tools.plan(machine([], ["node", "npm"], root=True, apt=False))
    assert plan.commands == [] and "Node.js and npm" in plan.stop and "nodejs npm" in plan.stop
    assert "apt-get" not in plan.stop


def test_not_root_but_nothing_missing_still_runs_npm_ci():
    plan = setup_tools.plan(machine(root=False, npm_state="lighthouse is 12.2.2, package-lock.json has 12.2.3"))
    assert (plan.commands, plan.stop) == ([setup_tools.NPM_CI], "")


@pytest.fixture
def project(tmp_path):
    lock = {"lockfileVersion": 3, "packages": {
        "": {"name": "tools", "devDependencies": {"a": "1.0.0"}},
        "node_modules/a": {"version": "1.0.0"},
        "node_modules/fsevents": {"version": "2.3.3", "optional": True},
    }}
    (tmp_path / "package-lock.json").write_text(json.dumps(lock), encoding="utf-8")
    return tmp_path


def installed(root, packages):
    (root / "node_modules").mkdir(exist_ok=True)
    (root / "node_modules" / ".package-lock.json").write_text(json.dumps({"packages": packages}), encoding="utf-8")


def test_npm_state(project):
    assert setup_tools.npm_state(project) == "node_modules is missing"
    (project / "node_modules").mkdir()
    assert "not installed by npm" in setup_tools.npm_state(project)
    installed(project, {"node_modules/a": {"version": "1.0.0"}})
    assert setup_tools.npm_state(project) is None  # the optional package for another platform may be absent
    installed(project, {"node_modules/a": {"version": "0.9.0"}})
    assert setup_tools.npm_state(project) == "node_modules/a is 0.9.0, package-lock.json has 1.0.0"
    installed(project, {"node_modules/a": {"version": "1.0.0"}, "node_modules/b": {"version": "1.0.0"}})
    assert "node_modules/b is installed but not in package-lock.json" == setup_tools.npm_state(project)
    installed(project, {})
    assert setup_tools.npm_state(project) == "node_modules/a is not installed"
    (project / "package-lock.json").unlink()
    assert setup_tools.npm_state(project) is None  # no npm tools at all

