"""The whole site's content: every file read and checked, then the rules that look across files.

`load_site(content_dir)` reads all of it and returns a `Site` — or raises `ContentError`
listing *every* problem found. The Pelican plugin, `invoke check` and the tests all call it;
nothing else parses front-matter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from . import body, pairing, rules
from .documents import Document, Partner
from .fields import KIND_DIRS
from .messages import M
from .parse import PARTNER_REF, PROJECT_REF, parse_document, parse_partners
from .problems import ContentError, Problem, did_you_mean
from .values import IMAGE_FORMATS, IMAGE_MAX_BYTES
from .vocab import LANGS, sort_key

PARTNERS_FILE = "data/partners.yaml"
IMAGES_DIR = "images"


@dataclass
class Site:
    """Everything the content says, validated. Read-only once built."""

    content_dir: Path
    documents: tuple[Document, ...]
    partners: dict[str, Partner]
    source_date_epoch: int | None = None
    # What does not stop a build but the author should know: pictures no page uses, two pages
    # in one place of the navigation, an EU funding without its number, and (outside `invoke check` and publishing) TODO placeholders.
    warnings: tuple[Problem, ...] = ()

    def __post_init__(self) -> None:
        self.by_source = {d.source: d for d in self.documents}
        self.by_key = {(d.kind, d.key, d.lang): d for d in self.documents}

    def dated(self, times: dict[str, dt.datetime]) -> Site:
        """The same site with each document's `changed` time (by source) from the history."""
        docs = tuple(replace(d, changed=times[d.source]) if d.source in times else d for d in self.documents)
        return Site(self.content_dir, docs, self.partners, self.source_date_epoch, self.warnings)

    def get(self, kind: str, key: str, lang: str) -> Document | None:
        """A document by its translation key (its file name: "hydrogen"), in a language."""
        return self.by_key.get((kind, key, lang))

    def twin(self, doc: Document, lang: str) -> Document | None:
        return self.by_key.get((doc.kind, doc.key, lang))

    def projects(self, lang: str) -> list[Document]:
        """The projects of a language, in a stable reading order (title)."""
        return sorted((d for d in self.documents if d.kind == "project" and d.lang == lang),
                      key=lambda d: sort_key(d.title, lang))

    def services(self, lang: str) -> list[Document]:
        """The services of a language, in reading order (title)."""
        return sorted((d for d in self.documents if d.kind == "service" and d.lang == lang),
                      key=lambda d: sort_key(d.title, lang))

    def news(self, lang: str) -> list[Document]:
        """The news items of a language, newest first (then by key, for a stable order)."""
        return sorted((d for d in self.documents if d.kind == "news" and d.lang == lang),
                      key=lambda d: (d.date, d.key), reverse=True)

    def pages(self, lang: str) -> list[Document]:
        return [d for d in self.documents if d.kind == "page" and d.lang == lang]

    @property
    def reference_date(self) -> dt.date:
        """'Today' for the build: the build's SOURCE_DATE_EPOCH (set by the session from the
        settings; never the clock, so builds are reproducible) or, without it, the newest date
        in the content. Open-ended projects run up to this year."""
        if self.source_date_epoch is not None:
            return dt.datetime.fromtimestamp(int(self.source_date_epoch), dt.timezone.utc).date()
        return max((d.updated for d in self.documents), default=dt.date(2026, 1, 1))

    def active_years(self, doc: Document) -> tuple[int, ...]:
        return doc.years.covers(self.reference_date.year) if doc.years else ()


def iter_sources(content_dir: Path) -> Iterable[tuple[str, Path, str]]:
    """(kind, path, rel) for every Markdown file the site is made of, in a stable order."""
    for kind, folder in KIND_DIRS.items():
        for path in sorted((content_dir / folder).rglob("*.md")):
            yield kind, path, path.relative_to(content_dir).as_posix()


def load_site(content_dir: str | Path, parse: Callable[..., Document | None] | None = None,
              strict: bool = False) -> Site:
    """Read and check all content; raise ContentError with every problem found.

    `parse` stands in for `parse_document` (same arguments, same effects): the build passes one
    that remembers each unchanged file's result (cache.ParseCache). The rules across files
    (`check_site`) always run on everything. `strict` (`invoke check`, the commit hook,
    publishing): TODO placeholders are problems; else warnings, so that a new page can be
    previewed while it is written.
    """
    content_dir = Path(content_dir)
    parse = parse or parse_document
    problems: list[Problem] = []
    partners, declared = parse_partners(content_dir / PARTNERS_FILE, PARTNERS_FILE, problems)
    docs: list[Document] = []
    files: list[tuple[str, str]] = []
    declared_docs: set[tuple[str, str, str]] = set()
    for kind, path, rel in iter_sources(content_dir):
        files.append((kind, rel))
        doc = parse(path, rel, kind, problems, declared_docs)
        if doc is not None:
            docs.append(doc)
    problems.extend(check_site(content_dir, docs, declared, declared_docs, files))
    warnings = (rules.nav_orders(docs) + rules.unused_pictures(content_dir / IMAGES_DIR, IMAGES_DIR, docs)
                + rules.funding_numbers(docs))
    placeholders = [p for d in docs for p in body.placeholders(d)]
    if strict:
        problems.extend(placeholders)
    else:
        warnings.extend(placeholders)
    if problems:
        raise ContentError(problems)
    return Site(content_dir, tuple(docs), partners, warnings=tuple(sorted(set(warnings))))


def image_problem(content_dir: Path, name: str) -> str | None:
    """What is wrong with a picture named in front-matter, if anything."""
    path = content_dir / IMAGES_DIR / name
    if not path.is_file():
        return M("expected a file content/{folder}/{name}, got no such file", folder=IMAGES_DIR, name=name)
    size = path.stat().st_size
    if size > IMAGE_MAX_BYTES:
        return M("expected a picture of at most {max:g} MB, got {size:.2f} MB (save it smaller: about 2000 pixels "
                 "wide is plenty)", max=IMAGE_MAX_BYTES / 1e6, size=size / 1e6)
    from PIL import Image, UnidentifiedImageError  # only sites with pictures pay for the import

    try:
        with Image.open(path) as im:  # reads the header only
            kind = im.format
    except (UnidentifiedImageError, OSError):
        kind = None
    if kind not in IMAGE_FORMATS.values():
        return (M("expected a JPEG, PNG or WebP picture, got a {kind} picture", kind=kind) if kind
                else M("expected a JPEG, PNG or WebP picture, got a file that is not a picture"))
    return None


def check_site(content_dir: Path, docs: list[Document], partners: set[str] | None,
               declared_docs: set[tuple[str, str, str]] = frozenset(),
               files: list[tuple[str, str]] | None = None) -> list[Problem]:
    """The rules that look across files: partners, images, twins (pairing.py), links.

    `partners` and `declared_docs` include entries that were invalid themselves (already
    reported), so that one mistake is reported once; `partners` is None when the partner list
    could not be read (its own problem is reported; the IDs projects use are not checked).
    `files`: (kind, rel) of every content file, valid or not (default: the documents').
    """
    problems: list[Problem] = []
    refs = sorted(r for r in declared_docs if r[0] == PARTNER_REF)  # from files with other problems
    for _, rel, pid, line in refs if partners is not None else ():
        if pid not in partners:
            problems.append(Problem(rel, line, "partners", M("expected a partner ID from {file}, got unknown partner "
                                                             "{pid!r}{hint}", file=PARTNERS_FILE, pid=pid,
                                                             hint=did_you_mean(pid, partners))))
    # (the projects a news item or service names: _project_refs, below)
    for doc in docs:
        for pid in doc.partners if partners is not None else ():
            if pid not in partners:
                problems.append(Problem(doc.source, doc.line_of(f"partners:{pid}"), "partners",
                                        M("expected a partner ID from {file}, got unknown partner {pid!r}{hint}",
                                          file=PARTNERS_FILE, pid=pid, hint=did_you_mean(pid, partners))))
        if doc.image and (problem := image_problem(content_dir, doc.image)):
            problems.append(Problem(doc.source, doc.line_of("image"), "image", problem))
    problems.extend(pairing.check(files if files is not None else [(d.kind, d.source) for d in docs], docs, KIND_DIRS))
    problems.extend(_project_refs(docs, declared_docs, files))
    problems.extend(_service_refs(docs, files))
    for lang in LANGS:
        for template in ("home", "404"):
            found = [d for d in docs if d.kind == "page" and d.lang == lang and d.template == template]
            if len(found) > 1:
                for d in found[1:]:
                    problems.append(Problem(d.source, d.line_of("template"), "template",
                                            M("expected one {template} page per language, got another (also {other})",
                                              template=template, other=found[0].source)))
    problems.extend(rules.twins(docs, {(p.path, p.field) for p in problems}))
    last_year = _last_year(docs)
    years = {y for d in docs for y in (d.years.covers(last_year) if d.years else ())}
    urls = body.site_urls(docs, partners or (), years)
    by_source = {d.source: d for d in docs}
    aliases = body.twin_addresses(docs)
    for doc in docs:
        problems.extend(body.raw_html(doc))
        problems.extend(body.links(doc, urls, by_source, aliases))
    return problems


def _project_refs(docs: list[Document], declared_docs, files: list[tuple[str, str]] | None) -> list[Problem]:
    """A service's projects must be projects of the site, by key (a project file with problems
    of its own still counts: its file name is the key)."""
    known = {d.key for d in docs if d.kind == "project"} | {Path(rel).stem for kind, rel in files or ()
                                                          if kind == "project"}
    refs = [(d.source, slug, d.line_of(f"projects:{slug}")) for d in docs for slug in d.projects]
    refs += [(rel, slug, line) for kind, rel, slug, line in (r for r in declared_docs if r[0] == PROJECT_REF)]
    return [Problem(rel, line, "projects", M("expected the ID of a project (its file name in content/projects/en/), "
                                             "got unknown project {slug!r}{hint}", slug=slug, hint=did_you_mean(slug, sorted(known))))
            for rel, slug, line in sorted(refs) if slug not in known]


def _service_refs(docs: list[Document], files: list[tuple[str, str]] | None) -> list[Problem]:
    """A news item's services must be services of the site, by key (file name)."""
    known = {d.key for d in docs if d.kind == "service"} | {Path(rel).stem for kind, rel in files or ()
                                                          if kind == "service"}
    return [Problem(d.source, d.line_of(f"services:{sid}"), "services", M(
        "expected the ID of a service (its file name in content/services/en/), got unknown service {sid!r}{hint}",
        sid=sid, hint=did_you_mean(sid, sorted(known)))) for d in docs for sid in d.services if sid not in known]


def _last_year(docs: list[Document]) -> int:
    return max((d.updated for d in docs), default=dt.date(2026, 1, 1)).year + 1  # a link to next year's page is fine

