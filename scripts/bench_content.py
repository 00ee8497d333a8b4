"""Synthetic content for the build benchmark (scripts/bench.py): N valid projects in English and Czech.

Deterministic (a fixed seed; project i is the same whatever N is); partners from
content/data/partners.yaml, categories, phases and years spread the way real projects are,
Markdown bodies of a few hundred words with headings, lists and paragraphs. Also the copy of
the site the benchmark builds in, and the same documents for plain Pelican (the baseline).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import shutil
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
COPIED_DIRS = ("content", "theme")
COPIED_FILES = ("pelicanconf.py", "publishconf.py")
SEED = 20261127

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


def _plain(text: str) -> str:
    """Czech letters as plain ones (as `invoke new-*` makes slugs)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


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
    slug = f"{_slugify(topic[0])}-{i + 1:04d}"  # the English slug and the files' name (the translation key)
    slugs = {"en": slug, "cs": f"{_slugify(_plain(topic[1]))}-{i + 1:04d}"}  # Czech files have Czech slugs

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
            f"slug: {slugs[lang]}",
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
    from icuk_site.content import load_site

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
