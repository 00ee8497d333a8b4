"""Incremental development builds: what changed is made again, the rest is kept
(docs/performance.md, "Incremental builds and the safe build", says why and what is kept).

With the content cache on (pelicanconf.py: the development settings), the safe build keeps a
manifest of the output folder each build made (CACHE_PATH/icuk-output.json): every file's size
and time, and for every page its key and what the search index needs to know about it. The next
build still builds into a temporary folder, but does not render a page whose key is unchanged
and whose file is as the manifest says (writer.py skips it and announces it as kept), keeps
files made together from known inputs (`Group`: feeds, sitemap, open data) and a language's
unchanged search index (outputs/search.py), and once the whole build has succeeded brings the
output folder up to date in place (`apply`). Anything unexpected (no manifest, an output folder
it does not describe, a file changed by hand) makes it a full build; publish builds never use
any of this.

A page's key is the build's *fingerprint* — this package's code, the theme, the versions of the
libraries that render, the settings, the front-matter of every document and the partners, and
the size and time of every other file under content/ (pictures) — plus the page's own body. So
a page may show its own body and any document's front-matter, never another document's body
(the feeds, which do, are keyed on their language's project bodies: `bodies_key`).
"""

from __future__ import annotations

import dataclasses
import filecmp
import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

MANIFEST = "icuk-output.json"
FORMAT = 2
PACKAGE = Path(__file__).resolve().parents[1]  # icuk_site/
# The libraries whose output ends up in pages: a new version may render differently.
LIBRARIES = ("pelican", "jinja2", "markupsafe", "markdown", "typogrify", "smartypants", "babel", "pyyaml",
             "feedgenerator", "pillow", "pagefind", "pyicu-wheels")
# Settings that say where or how the build happens, not what it makes.
VOLATILE_SETTINGS = frozenset({"OUTPUT_PATH", "ICUK_SESSION", "ICUK_TARGET"})


def sha(data: str | bytes) -> str:
    return hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()


@dataclass
class Plan:
    """One build's bookkeeping: what the output folder holds, what this build made or kept."""

    target: Path
    manifest_path: Path
    previous: dict | None  # the manifest describing the output folder: its files may be kept
    fingerprint: str = ""
    pages: dict[str, dict] = field(default_factory=dict)  # name -> {"key", and what listeners noted}
    kept: set[str] = field(default_factory=set)  # output-relative paths kept as they are
    search: dict[str, dict] = field(default_factory=dict)  # html lang -> digest of its indexed pages
    groups: dict[str, dict] = field(default_factory=dict)  # name -> {"key", "files"} (see Group)
    body_shas: dict[str, tuple[str, str]] = field(default_factory=dict)  # source -> (body, digest)

    @property
    def incremental(self) -> bool:
        return self.previous is not None

    def intact(self, rel: str) -> bool:
        """Is the output's file as the manifest describes it?"""
        if self.previous is None:
            return False
        try:
            st = os.stat(self.target / rel)
        except OSError:
            return False
        return self.previous["files"].get(rel) == [st.st_size, st.st_mtime_ns]

    def page_key(self, name: str, template_name: str, doc=None) -> str:
        """The key of a page: the fingerprint, its name and template, and its own document's body (if any)."""
        own = self.body_sha(doc) if doc is not None else ""
        return sha(f"{self.fingerprint}\0{name}\0{template_name}\0{own}")

    def body_sha(self, doc) -> str:
        known = self.body_shas.get(doc.source)
        if known is None or known[0] is not doc.body:
            known = self.body_shas[doc.source] = (doc.body, sha(doc.body))
        return known[1]

    def reusable(self, name: str, key: str) -> bool:
        entry = self.previous["pages"].get(name) if self.previous else None
        return entry is not None and entry["key"] == key and self.intact(name)

    def keep_page(self, name: str) -> dict:
        """Keep a page as the output folder has it; returns what the last build noted about it."""
        self.kept.add(name)
        self.pages[name] = dict(self.previous["pages"][name])
        return self.pages[name]

    def note(self, name: str, **facts) -> None:
        """Record facts about a page made by this build (its key, what the search index saw)."""
        self.pages.setdefault(name, {}).update(facts)

    # ---- after the build ------------------------------------------------------------------
    def save(self) -> None:
        """Describe the output folder as it now is (called once it is in place)."""
        files = {}
        for rel, path in walk_files(self.target):
            st = os.stat(path)
            files[rel] = [st.st_size, st.st_mtime_ns]
        st = os.stat(self.target)
        data = {"format": FORMAT, "output": [st.st_dev, st.st_ino], "fingerprint": self.fingerprint,
                "pages": {name: page for name, page in self.pages.items() if name in files and "key" in page},
                "search": self.search, "files": files,
                "groups": {name: group for name, group in self.groups.items()
                           if all(rel in files for rel in group["files"])}}
        self.manifest_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.manifest_path.with_name(f"{self.manifest_path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, self.manifest_path)

    def forget(self) -> None:
        """The output folder is about to change: until saved again, no manifest describes it."""
        self.manifest_path.unlink(missing_ok=True)


def plan(settings: dict, target: Path) -> Plan | None:
    """The plan for a build into `target`: None without the content cache (a publish build)."""
    if not settings.get("CACHE_CONTENT"):
        return None
    manifest = Path(settings["CACHE_PATH"]) / MANIFEST
    previous = None
    if settings.get("LOAD_CONTENT_CACHE"):
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
            st = os.stat(target)
            if data.get("format") == FORMAT and data.get("output") == [st.st_dev, st.st_ino]:
                previous = data
        except (OSError, ValueError):
            pass
    return Plan(target, manifest, previous)


def _canonical(value):
    """A repr that is the same in every process (sets sorted)."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_canonical(k)}: {_canonical(v)}" for k, v in sorted(value.items(), key=repr)) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_canonical(v) for v in value) + "]"
    if isinstance(value, set | frozenset):
        return "{" + ", ".join(sorted(_canonical(v) for v in value)) + "}"
    return repr(value)


def fingerprint(settings: dict, site) -> str:
    """Everything a page may show except documents' bodies (see the module docstring)."""
    h = hashlib.sha256()

    def add(*parts) -> None:
        for part in parts:
            h.update(part if isinstance(part, bytes) else str(part).encode())
            h.update(b"\0")

    for path in sorted(PACKAGE.rglob("*.py")):
        add(path.relative_to(PACKAGE).as_posix(), path.read_bytes())
    theme = Path(settings["THEME"])
    for path in sorted(p for p in theme.rglob("*") if p.is_file()):
        add(path.relative_to(theme).as_posix(), path.read_bytes())
    for name in LIBRARIES:
        try:
            add(name, version(name))
        except PackageNotFoundError:
            add(name, "-")
    add(_canonical({k: v for k, v in settings.items() if k not in VOLATILE_SETTINGS}))
    for doc in site.documents:
        add(repr(dataclasses.replace(doc, body="")))
    add(_canonical(site.partners), site.reference_date)
    content = Path(settings["PATH"])
    sources = {doc.source for doc in site.documents}
    for path in sorted(content.rglob("*")):
        rel = path.relative_to(content).as_posix()
        if rel not in sources and path.is_file():
            st = path.stat()
            add(rel, st.st_size, st.st_mtime_ns)
    return h.hexdigest()


class Group:
    """Files made together from known inputs (feeds, sitemap, open data), kept when those are unchanged.

        group = Group(plan, "open-data", key)    # key: what the files are made from besides the fingerprint
        if not group.kept:
            …write each file…; group.add(rel)
    """

    def __init__(self, plan: Plan | None, name: str, key: str = ""):
        self.files: list[str] = []
        self.kept = False
        if plan is None:
            return
        self.key = sha(f"{plan.fingerprint}\0{name}\0{key}")
        previous = (plan.previous or {}).get("groups", {}).get(name)
        if previous and previous["key"] == self.key and all(plan.intact(rel) for rel in previous["files"]):
            self.kept = True
            self.files = list(previous["files"])
            plan.kept.update(self.files)
        plan.groups[name] = {"key": self.key, "files": self.files}

    def add(self, rel: str) -> None:
        self.files.append(rel)


def bodies_key(plan: Plan | None, docs) -> str:
    """A key for files made from these documents' bodies (e.g. a feed)."""
    if plan is None:
        return ""
    return sha("\0".join(f"{doc.source}:{plan.body_sha(doc)}" for doc in sorted(docs, key=lambda d: d.source)))


# --------------------------------------------------------------------------------------------
# Bringing the output folder up to date
# --------------------------------------------------------------------------------------------


def apply(new: Path, target: Path, kept: set[str]) -> dict[str, int]:
    """Make `target` hold what `new` holds plus the `kept` files it already has; remove `new`."""
    counts = {"added": 0, "changed": 0, "removed": 0, "unchanged": 0}
    made = set(kept)
    for rel, src in walk_files(new):
        made.add(rel)
        dst = target / rel
        if dst.is_file() and not dst.is_symlink():
            if filecmp.cmp(src, dst, shallow=False):
                counts["unchanged"] += 1
                continue
            counts["changed"] += 1
        else:
            _clear_way(target, dst)
            counts["added"] += 1
        dst.parent.mkdir(parents=True, exist_ok=True)
        os.replace(src, dst)
    for dirpath, files in _walk(target, topdown=False):  # files no longer made, then empty folders
        for rel, path in files:
            if rel not in made:
                os.unlink(path)
                counts["removed"] += 1
        if dirpath != str(target) and not os.listdir(dirpath):
            os.rmdir(dirpath)
    shutil.rmtree(new, ignore_errors=True)
    return counts


def _walk(root: Path, topdown: bool = True):
    """Each folder under `root` with its files as (path relative to `root` with /, full path).
    No os.path.relpath: at thousands of files it was a tenth of an edit rebuild."""
    prefix = len(str(root)) + 1
    for dirpath, _dirs, names in os.walk(root, topdown=topdown):
        rel_dir = dirpath[prefix:].replace(os.sep, "/")
        yield dirpath, [((f"{rel_dir}/{name}" if rel_dir else name), os.path.join(dirpath, name)) for name in names]


def walk_files(root: Path):
    """(path relative to `root` with /, full path) of every file under `root`."""
    for _dirpath, files in _walk(root):
        yield from files


def _clear_way(root: Path, dst: Path) -> None:
    """Remove whatever stands where `dst` (a file) goes: a folder there, or a file where a folder must be."""
    if dst.is_dir() and not dst.is_symlink():
        shutil.rmtree(dst)
    elif dst.is_symlink():
        dst.unlink()
    parent = dst.parent
    while parent != root and root in parent.parents:
        if parent.is_file() or parent.is_symlink():
            parent.unlink()
            break
        parent = parent.parent
