"""When each source file last changed: from the git history, in one `git log` pass per build.

`changes(content_dir, publish=…, epoch=…)` returns a `History`: for every Markdown file under
the content folder (by its path relative to it, as `Document.source`), the time of the last
commit that changed it, as an aware UTC datetime. The session puts it on each document
(`Document.changed`); "Last updated", the feeds' `<updated>`, the sitemap's `<lastmod>` and
JSON-LD `dateModified` follow from it (`Document.updated`, `updated_at`).

- The time is the commit's committer time (`%ct`, as SOURCE_DATE_EPOCH uses) on the main line
  (`--first-parent`): when the change became part of the published history — for work done on a
  branch, the merge that brought it (and a merge's own edits count). A pure rename (git's similarity 100 %) is not a change: the file
  keeps the date of its last edit under its old name.
- A file that is not committed, or changed since (`git status`): a development build dates it
  by the build's own day (SOURCE_DATE_EPOCH when the environment sets it, else the clock; the
  day, so that the edit loop's rebuilds keep their pages): the preview shows the edit as new. A publish build dates it by the build's
  SOURCE_DATE_EPOCH (no clock: reproducible) and warns, since what it publishes is not in the history.
- A shallow clone (CI without `fetch-depth: 0`) knows only its last commits: every file changed
  before them would be dated by the oldest one. The history is still used, with a warning.
- No git or no repository (a source tarball, the benchmark's copy): no history; every document
  keeps its front-matter dates (`modified`, else `date`), with one warning.

Three processes per build (rev-parse, log, status), whatever the number of files.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..content.messages import M

UTC = dt.timezone.utc


@dataclass
class History:
    times: dict[str, dt.datetime] = field(default_factory=dict)  # source -> when it last changed
    uncommitted: tuple[str, ...] = ()  # sources not in the history as they are now
    warnings: list[M] = field(default_factory=list)  # the session prints them


def _git(where: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "core.quotePath=false", *args], cwd=where, capture_output=True,
                          check=True, timeout=60).stdout.decode("utf-8", "surrogateescape")


def parse_log(out: str) -> dict[str, dt.datetime]:
    """`git log -M --name-status -z --format=%x01%ct` (newest first) -> source -> last change."""
    times: dict[str, dt.datetime] = {}
    renamed: dict[str, str] = {}  # an older name -> the name the file has now
    for chunk in out.split("\x01")[1:]:
        stamp, _, rest = chunk.partition("\0")
        when = dt.datetime.fromtimestamp(int(stamp), UTC)
        fields = rest.lstrip("\n").split("\0")
        i = 0
        while i < len(fields) and fields[i]:
            status = fields[i]
            if status[0] in "RC":
                old, new = fields[i + 1], fields[i + 2]
                i += 3
                now = renamed.get(new, new)
                if status[0] == "R":
                    renamed[old] = now
                if status != "R100":  # moved and edited: a change
                    times.setdefault(now, when)
                continue
            path = fields[i + 1]
            i += 2
            if status[0] != "D":
                times.setdefault(renamed.get(path, path), when)
    return times


def _uncommitted(out: str) -> list[str]:
    """Paths of `git status --porcelain=v1 -z --untracked-files=all`: changed, added or untracked."""
    paths, fields, i = [], out.split("\0"), 0
    while i < len(fields) and fields[i]:
        entry = fields[i]
        paths.append(entry[3:])
        i += 2 if entry[0] in "RC" else 1  # a rename is followed by its old name
    return paths


def build_day() -> dt.datetime:
    """A development build's own time, to the day (midnight UTC): SOURCE_DATE_EPOCH if the
    environment sets it, else the clock. The day, not the second: the pages show only the date,
    and every rebuild of the edit loop during the day keeps the pages it need not render again
    (the date is part of every page's key, build/incremental.py)."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    now = dt.datetime.fromtimestamp(int(value) if value else int(time.time()), UTC)
    return dt.datetime(now.year, now.month, now.day, tzinfo=UTC)


def changes(content_dir: str | Path, *, publish: bool, epoch: int | None) -> History:
    """The history of the Markdown files under `content_dir` (see the module docstring)."""
    where = Path(content_dir).resolve()
    history = History()
    try:
        top, shallow = _git(where, "rev-parse", "--show-toplevel", "--is-shallow-repository").split()
        # The main line only (--first-parent): a change made on a branch dates from the merge that
        # brought it to the published history, and a merge's own edits (conflicts resolved) count.
        log = _git(where, "log", "--first-parent", "--diff-merges=first-parent", "-M", "--name-status", "-z",
                   "--format=%x01%ct", "--relative", "--", ".")
        status = _git(where, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", ".")
    except (OSError, ValueError, subprocess.SubprocessError):
        history.warnings.append(M("no git history for {folder}: pages are dated by their front-matter "
                                  "(modified, else date)", folder=str(where)))
        return history
    history.times = {p: t for p, t in parse_log(log).items() if p.endswith(".md")}
    if shallow == "true":
        history.warnings.append(M(
            "{folder} is a shallow clone: files last changed before its oldest commit are dated by that commit. "
            "Fetch the whole history (git fetch --unshallow; in CI actions/checkout with fetch-depth: 0)", folder=top))
    prefix = where.relative_to(Path(top).resolve()).as_posix() if where != Path(top).resolve() else ""
    # git status names paths from the top of the repository, whatever the folder it runs in
    pending = sorted(p.removeprefix(f"{prefix}/") if prefix else p for p in _uncommitted(status))
    pending = [p for p in pending if p.endswith(".md")]
    history.uncommitted = tuple(pending)
    if pending:
        if publish:
            when = dt.datetime.fromtimestamp(int(epoch), UTC) if epoch is not None else build_day()
            files = ", ".join(pending[:10]) + (f" (+{len(pending) - 10})" if len(pending) > 10 else "")
            history.warnings.append(M("not committed, dated by the build's SOURCE_DATE_EPOCH ({when}): {files}",
                                      when=when.isoformat(), files=files))
        else:
            when = build_day()
        for p in pending:
            history.times[p] = when
    return history
