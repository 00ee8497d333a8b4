"""What the test suite needs besides the Python environment, and how `uv run invoke test` gets it.

    uv run python scripts/setup_tools.py     # only report what is missing (installs nothing)

- System packages (Debian): Chromium for the browser tests, Java for the Nu HTML checker, the
  DejaVu fonts Chromium renders with, the Hunspell dictionaries for spelling, and Node.js + npm
  for the locked quality tools. As root with apt-get they are installed (`apt-get update` first);
  otherwise the set-up stops at once with ONE message naming what is missing and the command.
- The npm tools locked in package-lock.json: `npm ci` when node_modules is missing or differs
  from the lock file (npm's own record of what it installed, node_modules/.package-lock.json).

`plan()` only decides (it is what tests/test_setup_tools.py checks); `apply()` runs the commands.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Need:
    what: str  # for people
    package: tuple[str, ...]  # Debian packages that provide it
    paths: tuple[str, ...] = ()  # present when all of these exist ...
    commands: tuple[str, ...] = ()  # ... and all of these are on PATH


NEEDS = (
    Need("Chromium at /usr/bin/chromium (browser tests, Lighthouse)", ("chromium",), paths=("/usr/bin/chromium",)),
    Need("Java (Nu HTML checker)", ("default-jre-headless",), commands=("java",)),
    Need("DejaVu fonts (what Chromium renders with)", ("fonts-dejavu-core",),
         paths=("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",)),
    Need("Czech Hunspell dictionary (spelling)", ("hunspell-cs",), paths=("/usr/share/hunspell/cs_CZ.dic",)),
    Need("British English Hunspell dictionary (spelling)", ("hunspell-en-gb",), paths=("/usr/share/hunspell/en_GB.dic",)),
    Need("Node.js and npm (the locked quality tools)", ("nodejs", "npm"), commands=("node", "npm")),
)
NPM_CI = ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"]


@dataclass
class Machine:
    """What plan() looks at; `Machine.here()` reads this machine, the tests make up their own."""
    exists: Callable[[str], bool]
    which: Callable[[str], str | None]
    is_root: bool
    has_apt: bool
    npm_state: str | None  # None: node_modules matches package-lock.json; else why it does not

    @classmethod
    def here(cls, root: Path = ROOT) -> Machine:
        return cls(exists=os.path.exists, which=shutil.which, is_root=hasattr(os, "geteuid") and os.geteuid() == 0,
                   has_apt=shutil.which("apt-get") is not None, npm_state=npm_state(root))


@dataclass
class Plan:
    missing: list[Need] = field(default_factory=list)
    commands: list[list[str]] = field(default_factory=list)  # to run, in order
    stop: str = ""  # set: print it and stop (nothing is run)


def npm_state(root: Path) -> str | None:
    """None when node_modules holds exactly what package-lock.json locks, else the reason."""
    lock_file, installed_file = root / "package-lock.json", root / "node_modules" / ".package-lock.json"
    if not lock_file.exists():
        return None  # no npm tools
    if not (root / "node_modules").is_dir():
        return "node_modules is missing"
    if not installed_file.exists():
        return "node_modules was not installed by npm (no node_modules/.package-lock.json)"
    locked = json.loads(lock_file.read_text(encoding="utf-8")).get("packages", {})
    installed = json.loads(installed_file.read_text(encoding="utf-8")).get("packages", {})
    for name, entry in locked.items():
        if not name:
            continue  # the project itself
        have = installed.get(name)
        if have is None:
            if not entry.get("optional"):  # optional ones for other platforms are never installed
                return f"{name} is not installed"
        elif have.get("version") != entry.get("version"):
            return f"{name} is {have.get('version')}, package-lock.json has {entry.get('version')}"
    extra = sorted(set(installed) - set(locked))
    return f"{extra[0]} is installed but not in package-lock.json" if extra else None


def _present(need: Need, machine: Machine) -> bool:
    return all(machine.exists(p) for p in need.paths) and all(machine.which(c) for c in need.commands)


def plan(machine: Machine) -> Plan:
    """What to do on `machine`: apt-get (root + apt), or stop with one message; then npm ci if needed."""
    result = Plan(missing=[n for n in NEEDS if not _present(n, machine)])
    if result.missing:
        packages = [p for n in result.missing for p in n.package]
        install = ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages]
        if machine.is_root and machine.has_apt:
            result.commands += [["apt-get", "update", "-qq"], install]
        else:
            what = "; ".join(n.what for n in result.missing)
            if machine.has_apt:
                how = f"sudo apt-get update && sudo {' '.join(install)}"
            else:
                how = f"install the equivalents of the Debian packages {' '.join(packages)}"
            result.stop = f"The test suite needs what is missing on this machine: {what}.\nInstall with:\n    {how}"
            return result
    if machine.npm_state is not None:
        result.commands.append(NPM_CI)
    return result


def apply(p: Plan, root: Path = ROOT, log=print) -> None:
    """Run the plan's commands (apt-get without questions); stop at the first failure."""
    for cmd in p.commands:
        log("$ " + " ".join(cmd))
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        done = subprocess.run(cmd, cwd=root, env=env, stdin=subprocess.DEVNULL)
        if done.returncode != 0:
            raise SystemExit(f"`{' '.join(cmd)}` failed (exit {done.returncode})")


def main() -> int:
    machine = Machine.here()
    p = plan(machine)
    if p.stop:
        print(p.stop, file=sys.stderr)
        return 1
    for n in p.missing:
        print(f"missing: {n.what} (Debian: {' '.join(n.package)})")
    if machine.npm_state:
        print(f"npm tools: {machine.npm_state}")
    for cmd in p.commands:
        print("would run: " + " ".join(cmd))
    if not p.commands:
        print("nothing missing")
    return 0


if __name__ == "__main__":
    sys.exit(main())
