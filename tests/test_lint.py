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
    """Every hook runs a locked tool through `uv run` (so the versions are uv.lock's, as CI's):
    `repo: local` only — nothing to fetch from a code host at commit time."""
    out = run("pre_commit", "validate-config", ".pre-commit-config.yaml")
    assert out.returncode == 0, out.stdout + out.stderr
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert [r["repo"] for r in config["repos"]] == ["local"]
    hooks = {h["id"]: h for h in config["repos"][0]["hooks"]}
    locked = "uv run --frozen --offline "
    assert hooks["ruff-check"]["entry"].startswith(locked + "ruff check") and version("ruff")
    assert hooks["djlint-jinja"]["entry"].startswith(locked + "djlint --lint") and version("djlint")
    check = hooks["content-check"]
    assert check["entry"] == locked + "invoke check --strict" and check["pass_filenames"] is False  # spelling too
    assert all(h["language"] == "system" for h in hooks.values())


def test_pre_commit_runs_offline(tmp_path):
    """`pre-commit run --all-files` with an empty pre-commit cache and every network route
    closed: it passes, so it fetched nothing."""
    import os

    dead = "http://127.0.0.1:9"
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit"), "UV_OFFLINE": "1", "HTTP_PROXY": dead,
           "HTTPS_PROXY": dead, "ALL_PROXY": dead, "http_proxy": dead, "https_proxy": dead,
           "GIT_ALLOW_PROTOCOL": "file"}
    out = subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files", "--show-diff-on-failure"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "content check" in out.stdout and "ruff check" in out.stdout and "djLint" in out.stdout
