"""Linters as CI enforces them: ruff on the Python code, djLint on the Jinja templates (both
configured in pyproject.toml), and a pre-commit configuration that runs the same versions."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version

import yaml

from conftest import ROOT


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_ruff_passes():
    out = run("ruff", "check", "--no-cache", "--output-format", "concise", ".")
    assert out.returncode == 0, out.stdout + out.stderr


def test_djlint_passes_on_the_templates():
    out = run("djlint", "theme/templates", "--lint")
    assert out.returncode == 0, out.stdout + out.stderr


def test_pre_commit_config_is_valid_and_matches_the_locked_tools():
    out = run("pre_commit", "validate-config", ".pre-commit-config.yaml")
    assert out.returncode == 0, out.stdout + out.stderr
    repos = {r["repo"]: r for r in yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"]}
    assert repos["https://github.com/astral-sh/ruff-pre-commit"]["rev"] == f"v{version('ruff')}"
    assert repos["https://github.com/djlint/djLint"]["rev"] == f"v{version('djlint')}"
    (check,) = repos["local"]["hooks"]
    assert check["entry"] == "uv run invoke check" and check["pass_filenames"] is False
