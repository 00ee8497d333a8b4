"""Dates from history (build/history.py): "Last updated" and the feeds' <updated> come from the
last commit that changed each page's own file. In a temporary repository made from a copy of
the site, one file is committed with a known date: exactly that page's date and feed entry move."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import build_copy
from icuk_site.build import history
from icuk_site.build.history import parse_log
from icuk_site.content import load_site, url_for

ROOT = Path(__file__).resolve().parents[1]
SITE = load_site(ROOT / "content")
# A page's "Last updated" is never before its own `date` (a file first published after the
# commit's day shows its date): the front-matter date of each page, by output path.
DATE_OF = {d.url: d.date.isoformat() for d in SITE.documents}


def floor(pages: dict[str, str], day: str) -> dict[str, str]:
    """What each page shows when its file's last commit was on `day`."""
    return {k: max(day, DATE_OF.get(k, day)) for k in pages}

FIRST = "2026-11-28T10:00:00+00:00"
LATER = "2026-11-29T12:34:56+00:00"
LABEL = re.compile(r"^\s*(Last updated|Naposledy aktualizováno)")


def git(repo: Path, *args: str, date: str = FIRST, env: dict | None = None) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@icuk.invalid", "GIT_COMMITTER_NAME": "T",
           "GIT_COMMITTER_EMAIL": "t@icuk.invalid", "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
           "GIT_CEILING_DIRECTORIES": str(repo.parent), **(env or {})}
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True).stdout


@pytest.fixture
def repo(project_copy) -> Path:
    git(project_copy, "init", "-q", "-b", "main")
    git(project_copy, "add", "-A")
    git(project_copy, "commit", "-q", "-m", "the site")
    return project_copy


def shown_dates(out: Path) -> dict[str, str]:
    """Every page's "Last updated" date (the <time> after the label), by output path."""
    dates = {}
    for page in sorted(out.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        label = soup.find(string=LABEL)
        if label is not None:
            dates[page.relative_to(out).as_posix()] = label.find_next("time")["datetime"]
    return dates


def feed_dates(out: Path) -> dict[str, str]:
    """Every feed entry's <updated>, by entry id."""
    dates = {}
    for feed in sorted((out / "feeds").glob("*.xml")):
        for entry in re.findall(r"<entry>(.*?)</entry>", feed.read_text(encoding="utf-8"), re.S):
            dates[re.search(r"<id>([^<]*)</id>", entry)[1]] = re.search(r"<updated>([^<]*)</updated>", entry)[1]
    return dates


def built(project: Path, **overrides) -> tuple[dict[str, str], dict[str, str]]:
    result = build_copy(project, **overrides)
    assert result.ok, result.problems
    return shown_dates(project / "output"), feed_dates(project / "output")


def test_one_commit_moves_exactly_its_page_and_feed_entry(repo):
    pages, entries = built(repo)
    project = url_for("project", "en", slug="hydrogen")
    section = SITE.get("page", "about", "cs").url
    # every project and section page shows its date, all from the one commit
    assert project in pages and section in pages and len(pages) >= 20
    assert pages == floor(pages, "2026-11-28"), pages
    assert set(entries.values()) == {FIRST}, entries
    source = repo / "content/projects/en/hydrogen.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nA sentence added later.\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "hydrogen: one more sentence", date=LATER)

    pages2, entries2 = built(repo)
    assert {k for k in pages if pages[k] != pages2[k]} == {project}
    assert pages2[project] == "2026-11-29"
    moved = {k for k in entries if entries[k] != entries2[k]}
    assert len(moved) == 1 and next(iter(moved)).endswith("/" + project), moved
    assert entries2[next(iter(moved))] == LATER
    # the newest entry comes first in its feed
    feed = (repo / "output" / url_for("feed", "en")).read_text(encoding="utf-8")
    assert feed.index(f"/{project}</id>") < feed.index("<entry>", feed.index("<entry>") + 1)


def test_an_uncommitted_edit_is_dated_by_the_build_in_development_and_warned_about_when_publishing(
        repo, monkeypatch, capsys):
    source = repo / "content/pages/en/about.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nNot committed yet.\n", encoding="utf-8")
    about = url_for("page", "en", slug="about")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2026, 11, 30, 9, tzinfo=dt.timezone.utc).timestamp())))
    pages, _ = built(repo)
    assert pages[about] == "2026-11-30"  # the build's own day (here pinned)
    others = {k: v for k, v in pages.items() if k != about}
    assert others == floor(others, "2026-11-28")
    assert "not committed" not in capsys.readouterr().err
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    pages, _ = built(repo, SITEURL="https://example.org/usti")
    assert pages[about] == "2026-11-28"  # a publish build: SOURCE_DATE_EPOCH, the last commit's time
    err = capsys.readouterr().err
    assert "not committed" in err and "pages/en/about.md" in err


def test_a_shallow_clone_is_named_in_a_warning(repo, tmp_path, capsys):
    git(repo, "commit", "-q", "--allow-empty", "-m", "second", date=LATER)
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    built(clone)
    assert "shallow clone" in capsys.readouterr().err
    full = tmp_path / "full"
    git(tmp_path, "clone", "-q", f"file://{repo}", str(full))
    built(full)
    assert "shallow clone" not in capsys.readouterr().err


def test_without_git_the_front_matter_dates_stay(project_copy, capsys, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(project_copy.parent))
    pages, _ = built(project_copy)
    assert pages == {k: DATE_OF[k] for k in pages} and pages  # every file's date: in the content
    assert "no git history" in capsys.readouterr().err


def test_a_pure_rename_keeps_the_date_of_the_last_edit():
    t1, t2, t3 = 1764000000, 1764100000, 1764200000
    log = (f"\x01{t3}\0\nR100\0projects/en/old.md\0projects/en/new.md\0R087\0pages/a.md\0pages/b.md\0"
           f"\x01{t2}\0\nM\0projects/en/old.md\0M\0pages/a.md\0D\0pages/gone.md\0"
           f"\x01{t1}\0\nA\0projects/en/old.md\0A\0pages/a.md\0A\0pages/c.md\0")
    times = {k: int(v.timestamp()) for k, v in parse_log(log).items()}
    # new.md: its last edit under its old name; b.md: moved and edited, a change; gone.md: deleted
    assert times == {"projects/en/new.md": t2, "pages/b.md": t3, "pages/c.md": t1}


def test_one_git_log_for_all_files(repo, monkeypatch):
    calls = []
    real = history._git

    def counting(where, *args):
        calls.append(args[0])
        return real(where, *args)

    monkeypatch.setattr(history, "_git", counting)
    found = history.changes(repo / "content", publish=False, epoch=None)
    assert calls == ["rev-parse", "log", "status"]
    assert len(found.times) >= 20 and not found.uncommitted and not found.warnings
