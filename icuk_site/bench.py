"""The build benchmark: how long the site takes to build, at today's size and at thousands of pages.

    uv run invoke bench --projects 1000            # N synthetic projects in English and Czech
    uv run invoke bench --projects 0               # the real site as it is
    python -m icuk_site.bench --projects 5 --runs 1

What it does, in a temporary copy of the site (content/, theme/, pelicanconf.py, publishconf.py):

1. writes N synthetic projects in each language into content/projects/{en,cs}/ (`generate`):
   valid for the content model (`model.load_site` checks them before anything is measured),
   partners from content/data/partners.yaml, categories, phases and years spread the way real
   projects are, Markdown bodies of a few hundred words with headings, lists and paragraphs;
   deterministic (a fixed seed; project i is the same whatever N is);
2. measures our build (`icuk_site.build.build` with the real settings: every plugin, the
   Pagefind index, the open data), as the median of `runs`:
   - full:   from scratch, as CI and `invoke publish` build: no output folder, no content cache;
   - cached: a development rebuild (content cache on, incremental.py) with nothing changed;
   - edit:   the same after one project's body changed;
   cached and edit run as `invoke livereload` runs them: forked from a warm build process
   (warm.py); the same edit in a new interpreter (`invoke build`), and the first development
   build (which writes the caches), are printed too, not on the last line;
3. builds the same documents with plain Pelican (`notmyidea`, no plugins, Pelican's own
   `Title:`/`Date:` metadata header, default settings otherwise), cold, as the baseline; its
   runs alternate with the full builds so that both meet the machine in the same state.

Times are wall-clock: for full builds the whole process (interpreter start, imports, build,
search index), what CI waits for; for cached and edit rebuilds from the request to the warm
process's child ending, what an author waits for with `invoke livereload`. Memory is the peak resident set size
of the build's processes (the build, or the largest of the helper processes and Pagefind
indexers it runs), from the kernel's accounting of the finished child (`os.wait4`). Each run
also reports its CPU time (user and system: the system part is mostly creating files).

The last line of the output is always

    bench: projects=N pages=P full=F cached=C edit=E vanilla=V ratio=R rss=M

(seconds; ratio = full / vanilla; P = HTML pages our build wrote; rss in MiB).
docs/performance.md has the figures on the reference machine and where the time goes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .warm import WarmBuilder

ROOT = Path(__file__).resolve().parent.parent
COPIED_DIRS = ("content", "theme")
COPIED_FILES = ("pelicanconf.py", "publishconf.py")
SEED = 20261127
LAST_LINE_RE = re.compile(
    r"^bench: projects=(?P<projects>\d+) pages=(?P<pages>\d+) full=(?P<full>\d+\.\d+) "
    r"cached=(?P<cached>\d+\.\d+) edit=(?P<edit>\d+\.\d+) vanilla=(?P<vanilla>\d+\.\d+) "
    r"ratio=(?P<ratio>\d+\.\d+) rss=(?P<rss>\d+)$"
)

# --------------------------------------------------------------------------------------------
# Synthetic content
# --------------------------------------------------------------------------------------------

# (English, Czech) pairs. Titles are "<topic> <place>", e.g. "Smart water network in Děčín".
TOPICS = (
    ("Smart water network", "Chytrá vodní síť"),
    ("Hydrogen bus fleet", "Vodíková flotila autobusů"),
    ("Digital twin of the city", "Digitální dvojče města"),
    ("School robotics laboratory", "Školní laboratoř robotiky"),
    ("Open data catalogue", "Katalog otevřených dat"),
    ("Brownfield regeneration", "Regenerace brownfieldu"),
    ("Teacher training programme", "Program vzdělávání učitelů"),
    ("Energy community", "Energetické společenství"),
    ("Start-up incubator", "Inkubátor start-upů"),
    ("Air quality sensors", "Senzory kvality ovzduší"),
    ("Autonomous shuttle", "Autonomní kyvadlová doprava"),
    ("Telemedicine service", "Telemedicínská služba"),
    ("Circular economy hub", "Centrum cirkulární ekonomiky"),
    ("Technical skills centre", "Centrum technických dovedností"),
    ("Mine lake restoration", "Obnova důlního jezera"),
    ("Heat pump network", "Síť tepelných čerpadel"),
    ("Career guidance platform", "Platforma kariérového poradenství"),
    ("Industrial 5G testbed", "Průmyslové testovací pole 5G"),
    ("Citizen science project", "Projekt občanské vědy"),
    ("Smart street lighting", "Chytré veřejné osvětlení"),
    ("Battery recycling pilot", "Pilotní recyklace baterií"),
    ("Regional innovation voucher", "Krajský inovační voucher"),
    ("STEM summer school", "Letní škola přírodních věd"),
    ("Cycling infrastructure plan", "Plán cyklistické infrastruktury"),
    ("Flood warning system", "Systém varování před povodněmi"),
    ("Green roofs programme", "Program zelených střech"),
    ("Data skills academy", "Akademie datových dovedností"),
    ("Solar panels on schools", "Solární panely na školách"),
    ("Mobility as a service", "Mobilita jako služba"),
    ("Research infrastructure sharing", "Sdílení výzkumné infrastruktury"),
)
PLACES = (
    ("in Ústí nad Labem", "v Ústí nad Labem"),
    ("in Děčín", "v Děčíně"),
    ("in Litoměřice", "v Litoměřicích"),
    ("in Most", "v Mostě"),
    ("in Teplice", "v Teplicích"),
    ("in Chomutov", "v Chomutově"),
    ("in Louny", "v Lounech"),
    ("in Žatec", "v Žatci"),
    ("for the Usti Region", "pro Ústecký kraj"),
    ("for regional schools", "pro krajské školy"),
    ("for small towns", "pro malá města"),
    ("along the Elbe", "podél Labe"),
)
PLACE_NAMES = ("Ústí nad Labem", "Děčín", "Litoměřice", "Most", "Teplice", "Chomutov", "Louny", "Žatec")

EN_HEADINGS = ("Background", "What we do", "Goals", "Partners and roles", "Results so far", "Next steps",
               "Funding", "How to take part", "Timeline", "Why it matters", "Pilot operation", "Lessons learned")
CS_HEADINGS = ("Východiska", "Co děláme", "Cíle", "Partneři a jejich role", "Dosavadní výsledky", "Další kroky",
               "Financování", "Jak se zapojit", "Harmonogram", "Proč na tom záleží", "Pilotní provoz",
               "Co jsme se naučili")
EN_SENTENCES = (
    "The project brings together the region, municipalities, universities and companies in {place}.",
    "Since {year}, the partners have been testing new solutions in everyday operation.",
    "The first results were presented to the regional council and to the public in {year}.",
    "Its aim is to turn research into services that people in the region use every day.",
    "A feasibility study mapped the needs of schools, hospitals and local businesses.",
    "The pilot covers several districts of {place} and will be extended if it succeeds.",
    "Students from local secondary schools take part in the measurements and the analysis.",
    "All data collected during the project are published as open data under a free licence.",
    "The centre coordinates the partners, prepares the grant applications and reports on progress.",
    "Experience from similar projects in Saxony and in other Czech regions was taken into account.",
    "The costs are shared between the region, the cities and European structural funds.",
    "Residents can follow the progress on the project website and at public meetings.",
    "The technology was chosen after a market consultation with more than twenty suppliers.",
    "In {year}, the project received an award for the best regional innovation.",
    "Further towns have expressed interest in joining the next stage of the project.",
    "A working group meets every month to review the results and to plan the next steps.",
)
CS_SENTENCES = (
    "Projekt spojuje kraj, obce, univerzity a firmy v regionu {place}.",
    "Od roku {year} partneři testují nová řešení v běžném provozu.",
    "První výsledky byly představeny krajské radě i veřejnosti v roce {year}.",
    "Cílem je proměnit výzkum ve služby, které lidé v kraji využijí každý den.",
    "Studie proveditelnosti zmapovala potřeby škol, nemocnic a místních firem.",
    "Pilotní provoz pokrývá několik částí města {place} a při úspěchu se rozšíří.",
    "Studenti místních středních škol se podílejí na měření i na vyhodnocení dat.",
    "Všechna data z projektu jsou zveřejněna jako otevřená data pod svobodnou licencí.",
    "Centrum koordinuje partnery, připravuje žádosti o dotace a informuje o postupu.",
    "Využili jsme zkušenosti z podobných projektů v Sasku i v dalších krajích Česka.",
    "Náklady sdílí kraj, města a evropské strukturální fondy.",
    "Obyvatelé mohou sledovat postup na webu projektu a na veřejných setkáních.",
    "Technologie byla vybrána po průzkumu trhu s více než dvaceti dodavateli.",
    "V roce {year} získal projekt ocenění za nejlepší krajskou inovaci.",
    "O zapojení do další etapy projektu projevila zájem i další města a obce.",
    "Pracovní skupina se schází každý měsíc, hodnotí výsledky a plánuje další kroky.",
)
EN_ITEMS = ("a study of the needs of the region", "a pilot in two towns", "training for teachers and staff",
            "an open data portal", "a network of sensors", "workshops for companies", "a public exhibition",
            "a methodology for other towns", "a summer school for pupils", "an evaluation report")
CS_ITEMS = ("studie potřeb regionu", "pilotní provoz ve dvou městech", "školení učitelů a zaměstnanců",
            "portál otevřených dat", "síť senzorů", "semináře pro firmy", "veřejná výstava",
            "metodika pro další města", "letní škola pro žáky", "hodnoticí zpráva")
EN_SUMMARY = "{topic} {place}: {what}, with {n} partners from the region."
CS_SUMMARY = "{topic} {place}: {what}, spolu s partnery z kraje ({n})."
EN_WHAT = ("testing new services in everyday operation", "preparing the first stage", "training people for new jobs",
           "sharing data and know-how", "cutting energy use and emissions", "bringing research into schools")
CS_WHAT = ("testování nových služeb v běžném provozu", "příprava první etapy", "příprava lidí na nová povolání",
           "sdílení dat a know-how", "úspory energie a snižování emisí", "výzkum ve školách")

CATEGORY_WEIGHTS = {"infrastructure": 5, "support": 3, "education": 3}
PHASE_WEIGHTS = {"completed": 4, "running": 3, "pilot": 2, "preparation": 1}
FIRST_DATE = dt.date(2016, 1, 1)
LAST_DATE = dt.date(2026, 11, 27)  # the real content's newest date
LAST_YEAR = LAST_DATE.year


def _slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _paragraph(rng: random.Random, sentences: tuple[str, ...], place: str, year: int) -> str:
    return " ".join(s.format(place=place, year=year) for s in rng.sample(sentences, rng.randint(2, 4)))


def _body(rng: random.Random, lang: str, place: str, year: int, partner_names: list[str]) -> str:
    sentences, headings, items = (EN_SENTENCES, EN_HEADINGS, EN_ITEMS) if lang == "en" else \
        (CS_SENTENCES, CS_HEADINGS, CS_ITEMS)
    out = [_paragraph(rng, sentences, place, year)]
    for heading in rng.sample(headings, rng.randint(2, 4)):
        out.append(f"## {heading}")
        for _ in range(rng.randint(1, 2)):
            out.append(_paragraph(rng, sentences, place, year))
        roll = rng.random()
        if roll < 0.35:
            out.append("\n".join(f"- {item}" for item in rng.sample(items, rng.randint(2, 5))))
        elif roll < 0.5:
            out.append("\n".join(f"{i}. {item}" for i, item in enumerate(rng.sample(items, rng.randint(2, 4)), 1)))
        elif roll < 0.6 and partner_names:
            intro = "The partners:" if lang == "en" else "Partneři:"
            out.append(intro + "\n\n" + "\n".join(f"- **{name}**" for name in partner_names))
    return "\n\n".join(out) + "\n"


@dataclass
class Synthetic:
    """One synthetic project in both languages: {lang: (file name, text)}."""

    slug: str
    files: dict[str, str] = field(default_factory=dict)


def synthetic_project(i: int, partners: dict[str, dict], seed: int = SEED) -> Synthetic:
    """Project number i (0-based): the same for a given seed whatever N is."""
    rng = random.Random(f"{seed}:{i}")
    topic = TOPICS[i % len(TOPICS)]
    place = PLACES[(i // len(TOPICS)) % len(PLACES)]
    stage = i // (len(TOPICS) * len(PLACES)) + 1
    titles = {"en": f"{topic[0]} {place[0]}", "cs": f"{topic[1]} {place[1]}"}
    if stage > 1:
        titles = {"en": f"{titles['en']}, stage {stage}", "cs": f"{titles['cs']}, etapa {stage}"}
    slug = f"{_slugify(topic[0])}-{i + 1:04d}"

    category = rng.choices(list(CATEGORY_WEIGHTS), weights=list(CATEGORY_WEIGHTS.values()))[0]
    phase = rng.choices(list(PHASE_WEIGHTS), weights=list(PHASE_WEIGHTS.values()))[0]
    ids = list(partners)
    chosen = rng.sample([p for p in ids if p != "icuk"], min(len(ids) - 1, rng.randint(1, 6)))
    if "icuk" in partners and rng.random() < 0.8:
        chosen.insert(rng.randint(0, len(chosen)), "icuk")

    years: dict[str, int] | None
    if phase == "completed":
        start = rng.randint(2008, LAST_YEAR - 2)
        years = {"start": start, "end": min(LAST_YEAR - 1, start + rng.randint(0, 5))}
    elif phase == "running":
        start = rng.randint(2012, LAST_YEAR)
        years = {"start": start} if rng.random() < 0.6 else {"start": start, "end": start + rng.randint(1, 6)}
    elif phase == "pilot":
        years = {"start": rng.randint(2018, LAST_YEAR)}
    else:
        years = None if rng.random() < 0.4 else {"start": rng.randint(LAST_YEAR - 1, LAST_YEAR + 1)}

    date = FIRST_DATE + dt.timedelta(days=rng.randint(0, (LAST_DATE - FIRST_DATE).days))
    modified = None
    if rng.random() < 0.3:
        modified = min(LAST_DATE, date + dt.timedelta(days=rng.randint(1, 400)))
    what = rng.randrange(len(EN_WHAT))
    year_in_text = (years or {}).get("start", date.year)
    link = rng.random() < 0.3

    out = Synthetic(slug)
    for lang, place_text in (("en", place[0]), ("cs", place[1])):
        pick = 0 if lang == "en" else 1
        summary = (EN_SUMMARY if lang == "en" else CS_SUMMARY).format(
            topic=topic[pick], place=place_text, what=(EN_WHAT, CS_WHAT)[pick][what], n=len(chosen))
        names = [partners[p]["name"][lang] for p in chosen]
        body_rng = random.Random(f"{seed}:{i}:{lang}")
        fm = [
            "---",
            f"title: {_q(titles[lang])}",
            f"slug: {slug}",
            f"lang: {lang}",
            f"category: {category}",
            f"phase: {phase}",
            f"partners: [{', '.join(chosen)}]",
        ]
        if years:
            fm.append("years: {" + ", ".join(f"{k}: {v}" for k, v in years.items()) + "}")
        fm += [f"summary: {_q(summary)}", f"date: {date.isoformat()}"]
        if modified:
            fm.append(f"modified: {modified.isoformat()}")
        if link:
            fm += ["links:", f"  - {{label: {_q('Project website' if lang == 'en' else 'Web projektu')}, "
                   f"url: 'https://example.org/{slug}'}}"]
        fm.append("---")
        body = _body(body_rng, lang, rng.choice(PLACE_NAMES), year_in_text, names)
        out.files[lang] = "\n".join(fm) + "\n" + body
    return out


def generate(content_dir: Path, n: int, seed: int = SEED) -> list[str]:
    """Write N synthetic projects in both languages into content_dir; returns their slugs."""
    partners = yaml.safe_load((content_dir / "data" / "partners.yaml").read_text(encoding="utf-8"))
    slugs = []
    for i in range(n):
        project = synthetic_project(i, partners, seed)
        for lang, text in project.files.items():
            folder = content_dir / "projects" / lang
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{project.slug}.md").write_text(text, encoding="utf-8")
        slugs.append(project.slug)
    return slugs


def copy_site(dest: Path, root: Path = ROOT) -> Path:
    """A copy of what a build reads: content, theme and settings."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in COPIED_DIRS:
        shutil.copytree(root / name, dest / name)
    for name in COPIED_FILES:
        shutil.copy2(root / name, dest / name)
    return dest


# --------------------------------------------------------------------------------------------
# The same documents for plain Pelican
# --------------------------------------------------------------------------------------------

VANILLA_SETTINGS = """\
# Plain Pelican: default theme (notmyidea), no plugins, default settings otherwise.
SITENAME = "ICUK benchmark baseline"
SITEURL = ""
PATH = "content"
OUTPUT_PATH = "output"
TIMEZONE = "Europe/Prague"
DEFAULT_LANG = "en"
ARTICLE_PATHS = ["projects"]
PAGE_PATHS = ["pages"]
LOAD_CONTENT_CACHE = False
"""


def _metadata_line(name: str, value: str) -> str:
    return f"{name}: {' '.join(str(value).split())}"


def write_vanilla(site_dir: Path, dest: Path) -> int:
    """The documents of a validated site as plain Pelican Markdown (`Title: …` header)."""
    from .model import load_site

    site = load_site(site_dir / "content")
    content = dest / "content"
    for doc in site.documents:
        meta = [_metadata_line("Title", doc.title), _metadata_line("Slug", doc.slug), _metadata_line("Lang", doc.lang),
                _metadata_line("Date", doc.date.isoformat()), _metadata_line("Summary", doc.summary)]
        if doc.modified:
            meta.append(_metadata_line("Modified", doc.modified.isoformat()))
        if doc.kind == "project":
            meta.append(_metadata_line("Category", doc.category))
        path = content / doc.source
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(meta) + "\n\n" + doc.body, encoding="utf-8")
    (dest / "pelicanconf.py").write_text(VANILLA_SETTINGS, encoding="utf-8")
    return len(site.documents)


# --------------------------------------------------------------------------------------------
# Running builds
# --------------------------------------------------------------------------------------------


@dataclass
class Run:
    seconds: float  # wall-clock time of the build process
    cpu: float  # CPU time (user + system) of the build and the processes it waited for
    user: float  # … of which user time (the rest is the kernel's: mostly creating files and folders)
    rss_mib: float  # peak resident set size of the process tree (largest process), MiB
    build_seconds: float  # the time the build reported itself (no interpreter start)

    def __str__(self) -> str:
        return (f"{self.seconds:.2f} s (cpu {self.cpu:.2f} s: user {self.user:.2f}, system {self.cpu - self.user:.2f}), "
                f"{self.rss_mib:.0f} MiB")


class BenchError(RuntimeError):
    pass


def _worker_env() -> dict:
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}


def _warm_run(builder: WarmBuilder, settings: str, output: str, overrides: str) -> Run:
    """One build through the warm build process (what `invoke livereload` does on a change)."""
    os.sync()  # as _run_worker: no writes of an earlier build pending
    result = builder.build(settings, output, json.loads(overrides))
    if not result.ok:
        raise BenchError("warm build failed:\n" + "\n".join(result.problems))
    return Run(result.seconds, result.cpu, result.user, result.rss_mib, result.seconds)


def _run_worker(args: list[str], cwd: Path, log_dir: Path, label: str) -> Run:
    """Run `python -m icuk_site.bench --worker …` in a fresh interpreter; time it, read its peak RSS."""
    env = _worker_env()
    os.sync()  # the previous build's files are on disk: its write-back does not land in this run
    out_path, err_path = log_dir / f"{label}.out", log_dir / f"{label}.err"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "icuk_site.bench", "--worker", *args],
                                cwd=cwd, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    stdout = out_path.read_text(encoding="utf-8", errors="replace")
    if proc.returncode != 0:
        stderr = err_path.read_text(encoding="utf-8", errors="replace")
        raise BenchError(f"{label}: build failed ({proc.returncode}):\n{stderr[-4000:]}\n{stdout[-2000:]}")
    report = json.loads(stdout.strip().splitlines()[-1])
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_utime, usage.ru_maxrss / 1024, report["seconds"])


def _worker(argv: list[str]) -> int:
    """In the child: one build, then one JSON line {"seconds": …} on stdout."""
    import logging

    from pelican.log import init as init_logging

    init_logging(level=logging.WARNING)
    kind, settings, output = argv[0], argv[1], argv[2]
    overrides = json.loads(argv[3]) if len(argv) > 3 else {}
    profile = argv[4] if len(argv) > 4 else None
    start = time.perf_counter()
    if kind == "icuk":
        from .build import build

        if profile:  # a sampling profile of the build (pyinstrument, a development dependency)
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.002)
            profiler.start()
        result = build(settings, output, overrides)
        if profile:
            profiler.stop()
            Path(profile).write_text(profiler.output_text(unicode=True, color=False), encoding="utf-8")
        if not result.ok:
            print("\n".join(result.problems), file=sys.stderr)
            return 1
    else:
        from pelican import Pelican
        from pelican.settings import read_settings

        shutil.rmtree(output, ignore_errors=True)  # (the benchmark has set it aside already)
        Pelican(read_settings(settings, override={"OUTPUT_PATH": output, **overrides})).run()
    print(json.dumps({"seconds": time.perf_counter() - start}))
    if kind == "icuk":  # ends as `python -m icuk_site.build` does
        from .build import exit_now

        exit_now(0)
    return 0


@dataclass
class Result:
    projects: int
    pages: int
    full: list[Run]
    cached: list[Run]
    edit: list[Run]
    vanilla: list[Run]
    cold_edit: list[Run] = field(default_factory=list)  # reported, not on the last line

    @staticmethod
    def median(runs: list[Run]) -> float:
        return statistics.median(r.seconds for r in runs)

    @property
    def rss(self) -> float:
        return max(r.rss_mib for r in self.full + self.cached + self.edit)

    def line(self) -> str:
        full, vanilla = self.median(self.full), self.median(self.vanilla)
        return (f"bench: projects={self.projects} pages={self.pages} full={full:.2f} "
                f"cached={self.median(self.cached):.2f} edit={self.median(self.edit):.2f} "
                f"vanilla={vanilla:.2f} ratio={full / vanilla:.2f} rss={self.rss:.0f}")


def _edit(path: Path, run: int) -> None:
    """Change one project's body (front-matter untouched, so it stays valid)."""
    text = path.read_text(encoding="utf-8")
    marker = "\n<!-- bench edit -->\n"
    text = text.split(marker)[0]
    path.write_text(f"{text}{marker}\nEdited by the benchmark, run {run + 1}.\n", encoding="utf-8")


def run_bench(projects: int, runs: int = 3, seed: int = SEED, keep: Path | None = None,
              say=print, profile: Path | None = None) -> Result:
    """Generate, validate, build and measure; see the module docstring."""
    from .build import source_date_epoch
    from .model import load_site

    work = Path(tempfile.mkdtemp(prefix="icuk-bench-")) if keep is None else keep
    try:
        site_dir = copy_site(work / "site")
        slugs = generate(site_dir / "content", projects, seed)
        site = load_site(site_dir / "content")  # the synthetic content must be valid
        say(f"generated {projects} projects in 2 languages; content: {len(site.documents)} documents, valid")
        logs = work / "logs"
        logs.mkdir()
        settings = str(site_dir / "pelicanconf.py")
        output = str(site_dir / "output")
        cache = site_dir / "cache"
        epoch = source_date_epoch(ROOT)
        overrides = json.dumps({"LOAD_CONTENT_CACHE": True, "CACHE_CONTENT": True, "CACHE_PATH": str(cache),
                                "SOURCE_DATE_EPOCH": epoch})
        args = ["icuk", settings, output, overrides]  # development builds
        full_args = ["icuk", settings, output, json.dumps({"LOAD_CONTENT_CACHE": False, "CACHE_CONTENT": False,
                                                           "SOURCE_DATE_EPOCH": epoch})]
        edited = site_dir / "content" / "projects" / "en" / (
            f"{slugs[len(slugs) // 2]}.md" if slugs else sorted((site_dir / "content/projects/en").glob("*.md"))[0].name)

        plain = work / "vanilla"
        write_vanilla(site_dir, plain)
        vanilla_args = ["vanilla", str(plain / "pelicanconf.py"), str(plain / "output")]

        full, cached, edit, cold_edit, vanilla = [], [], [], [], []
        # Full builds and plain Pelican take turns, so that both meet the machine (and its file
        # system, slower after trees of files are deleted) in the same state. One untimed pair
        # first: it brings Python, the libraries and the sources into the page cache for both.
        trash = work / "trash"  # earlier outputs are set aside, not deleted, until the end: deleting
        trash.mkdir()  # thousands of files slows the file system down for a while, whoever builds next
        for k in range(-1, runs):
            _set_aside(Path(output), trash)  # from scratch: no output (and no cache)
            run = _run_worker(full_args, site_dir, logs, f"full-{k}")
            _set_aside(plain / "output", trash)
            plain_run = _run_worker(vanilla_args, plain, logs, f"vanilla-{k}")
            if k < 0:
                say(f"warm-up (not counted): full build {run.seconds:.2f} s, plain Pelican {plain_run.seconds:.2f} s")
                continue
            full.append(run)
            say(f"full build {k + 1}/{runs}: {full[-1]}")
            vanilla.append(plain_run)
            say(f"plain Pelican {k + 1}/{runs}: {vanilla[-1]}")
        pages = sum(1 for _ in Path(output).rglob("*.html"))
        _set_aside(cache, trash)
        _set_aside(Path(output), trash)
        first = _run_worker(args, site_dir, logs, "first-development-build")
        say(f"first development build (writes the caches; not counted): {first}")
        # The edit loop as `invoke livereload` runs it: a warm process forks each build (warm.py).
        with open(logs / "warm.err", "wb") as warm_log, WarmBuilder(site_dir, _worker_env(), warm_log) as builder:
            builder.start()
            for k in range(runs):
                cached.append(_warm_run(builder, settings, output, overrides))
                say(f"cached rebuild {k + 1}/{runs}: {cached[-1]}")
            for k in range(runs):
                _edit(edited, k)
                edit.append(_warm_run(builder, settings, output, overrides))
                say(f"edit rebuild {k + 1}/{runs}: {edit[-1]}")
        for k in range(runs):  # for comparison: the same edit with a new interpreter (`invoke build`)
            _edit(edited, runs + k)
            cold_edit.append(_run_worker(args, site_dir, logs, f"edit-new-process-{k}"))
            say(f"edit rebuild in a new process {k + 1}/{runs}: {cold_edit[-1]}")

        if profile is not None:  # one more full build, profiled (not part of the figures)
            _set_aside(Path(output), trash)
            _run_worker([*full_args, str(profile.resolve())], site_dir, logs, "profile")
            say(f"profile of a full build: {profile}")
        shutil.rmtree(trash, ignore_errors=True)
        return Result(projects, pages, full, cached, edit, vanilla, cold_edit)
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)


def _set_aside(path: Path, trash: Path) -> None:
    if path.exists():
        path.rename(trash / f"{len(list(trash.iterdir()))}-{path.name}")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--worker"]:
        return _worker(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=1000, help="synthetic projects per language (0: the real site)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each build (the median is reported)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--keep", type=Path, default=None, help="work in this (new) folder and keep it")
    parser.add_argument("--profile", type=Path, default=None,
                        help="also profile one full build (pyinstrument) into this text file")
    args = parser.parse_args(argv)
    if args.projects < 0 or args.runs < 1:
        parser.error("--projects must be 0 or more and --runs 1 or more")
    if args.keep is not None and args.keep.exists():
        parser.error(f"{args.keep} exists; --keep needs a new folder")
    try:
        result = run_bench(args.projects, args.runs, args.seed, args.keep, profile=args.profile)
    except BenchError as e:
        print(e, file=sys.stderr)
        return 1
    print(result.line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
