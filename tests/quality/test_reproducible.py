"""Gate 7: reproducible. Two clean publish builds of the same sources, in separate processes with
different hash seeds and output folders, give byte-identical trees. The build's time is
SOURCE_DATE_EPOCH: set from the last commit, or derived from git by icuk_site/build/clock.py when unset."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from icuk_site.build.clock import FALLBACK_SOURCE_DATE_EPOCH, source_date_epoch

from .conftest import ROOT


def tree_digest(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def git_epoch() -> int | None:
    try:
        return int(subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True,
                                  text=True, check=True).stdout.strip())
    except (OSError, ValueError, subprocess.SubprocessError):
        return None  # e.g. a source tarball: the build uses its fixed fallback


def publish_build(output: Path, seed: str, epoch: str | None) -> None:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env.update(PYTHONHASHSEED=seed, SITEURL="https://example.org/usti", ICUK_CACHE="0")
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = epoch
    done = subprocess.run([sys.executable, "-m", "icuk_site.build", "--settings", "publishconf.py",
                           "--output", str(output)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr


def test_two_clean_builds_are_byte_identical(tmp_path, gate):
    first, second = tmp_path / "a" / "output", tmp_path / "b" / "site"
    publish_build(first, "1", None)  # SOURCE_DATE_EPOCH derived from git by the build
    publish_build(second, "2", str(git_epoch() or FALLBACK_SOURCE_DATE_EPOCH))  # … and set explicitly
    a, b = tree_digest(first), tree_digest(second)
    differ = sorted(k for k in a.keys() & b.keys() if a[k] != b[k])
    only = sorted(a.keys() ^ b.keys())
    gate(len(differ) + len(only), f"{len(a)} files, built twice")
    assert len(a) > 30
    assert not only, f"files in one build only: {only[:20]}"
    assert not differ, f"{len(differ)} files differ between two builds: {differ[:20]}"


def test_source_date_epoch_comes_from_the_environment_then_git_then_a_fixed_value(monkeypatch, tmp_path):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert source_date_epoch(ROOT) == 1700000000
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert source_date_epoch(ROOT) == (git_epoch() or FALLBACK_SOURCE_DATE_EPOCH)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))  # no repository above tmp_path
    assert source_date_epoch(tmp_path) == FALLBACK_SOURCE_DATE_EPOCH
