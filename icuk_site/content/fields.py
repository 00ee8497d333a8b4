"""The field tables: the content contract, one row per front-matter field (or partner key).

docs/authoring.md and .cs.md show these tables (`invoke docs`) and are tested against them;
`parse.check_fields` validates a YAML mapping against one of them; `invoke new-*` writes a
file's notes from them. Each row says everything in English and Czech: the Czech description
and (where it differs) the Czech example on the row, the Czech type names in FIELD_TYPES_CS,
the allowed values through the problem-message catalog (they are part of problem messages).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from . import services as sv
from . import values as v
from .funding import funding
from .messages import M
from .vocab import AUDIENCES, CATEGORIES, DATE_PRECISIONS, LANGS, PAGE_TEMPLATES, PARTNER_KINDS, PHASES

# The Czech name of each type a field table uses.
FIELD_TYPES_CS = {
    "list of service IDs": "seznam ID služeb",
    "list of audience IDs": "seznam ID cílových skupin",
    "list of project IDs": "seznam ID projektů",
    "text": "text",
    "date": "datum",
    "whole number": "celé číslo",
    "mapping": "mapování (klíč: hodnota)",
    "list of partner IDs": "seznam ID partnerů",
    "list of mappings": "seznam mapování",
}


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: str
    required: bool
    allowed: str  # English; its Czech is in content/locale/cs/…/problems.po (problem messages quote it)
    example: str
    description: str
    parse: Callable[[Any, Any], Any] = field(repr=False, compare=False)
    description_cs: str = ""  # required: the docs test and `invoke docs` fail without it
    example_cs: str = ""  # only where the Czech file's example differs (a title, a sentence)

    def type_in(self, lang: str) -> str:
        return FIELD_TYPES_CS.get(self.type, "") if lang == "cs" else self.type

    def allowed_in(self, lang: str) -> str:
        return M(self.allowed).say(lang)

    def example_in(self, lang: str) -> str:
        return (self.example_cs or self.example) if lang == "cs" else self.example

    def description_in(self, lang: str) -> str:
        """"" when the row has no Czech yet."""
        return self.description_cs if lang == "cs" else self.description


# The rows every kind of document starts with.
COMMON_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("title", "text", True, "one line, at most 150 characters", "Autonomous mobility",
              "The name shown as the page heading, on cards and in feeds.", v.text(150),
              description_cs="Název zobrazený jako nadpis stránky, na kartách a v kanálech novinek.",
              example_cs="Autonomní mobilita"),
    FieldSpec("slug", "text", True, "lowercase letters, digits and hyphens; each language its own",
              "autonomous-mobility",
              "The last part of the page's address, in the file's language (the Czech file its Czech words). "
              "The twins are paired by their file name, not by the slug.", v.slug,
              description_cs="Poslední část adresy stránky v jazyce souboru (český soubor má česká slova). "
                             "Jazykové verze se párují podle názvu souboru, ne podle slugu.",
              example_cs="autonomni-mobilita"),
    FieldSpec("lang", "text", True, ", ".join(LANGS) + " (must match the folder)", "en",
              "The language of this file.", v.choice(LANGS), description_cs="Jazyk tohoto souboru.",
              example_cs="cs"),
)


# Rows more than one kind of document has, with the same type, rule and parser in each: a table
# takes one as `replace(ROW, …)` with its own example and description.
SUMMARY = FieldSpec("summary", "text", True, "one sentence, at most 300 characters", "", "", v.text(300))
DATE = FieldSpec("date", "date", True, "YYYY-MM-DD", "", "When this entry was first published on the site.", v.date,
                 description_cs="Kdy byl záznam poprvé zveřejněn na webu.")
MODIFIED = FieldSpec("modified", "date", False, "YYYY-MM-DD, on or after date", "2027-01-15", "", v.date)
YEARS = FieldSpec("years", "mapping", False, "start: a year; end: a year on or after start (optional)", "", "", v.years)
IMAGE = FieldSpec("image", "text", False,
                  f"a .jpg, .png or .webp file in content/images/, at most {v.IMAGE_MAX_BYTES / 1e6:g} MB", "", "", v.image)
IMAGE_ALT = FieldSpec("image_alt", "text", False, "required when image is given; one line, at most 250 characters", "",
                      "What the picture shows, for people who cannot see it.", v.text(250),
                      description_cs="Co obrázek ukazuje – pro lidi, kteří ho nevidí.")
LINKS = FieldSpec("links", "list of mappings", False, "each {label: text, url: https://…}", "", "", v.links)


PROJECT_FIELDS: tuple[FieldSpec, ...] = (
    *COMMON_FIELDS,
    FieldSpec("category", "text", True, ", ".join(CATEGORIES), "infrastructure",
              "Which of the centre's programme areas the project belongs to.", v.choice(CATEGORIES),
              description_cs="Do které programové oblasti centra projekt patří."),
    FieldSpec("phase", "text", True, ", ".join(PHASES), "pilot", "Where the project stands now.", v.choice(PHASES),
              description_cs="V jaké fázi je projekt právě teď."),
    FieldSpec("partners", "list of partner IDs", True, "IDs from content/data/partners.yaml, each once",
              "[usti-region, ujep, icuk]", "Who takes part. Names are shown in the page's language.", v.partner_ids,
              description_cs="Kdo se na projektu podílí. Názvy se zobrazují v jazyce stránky."),
    replace(YEARS, example="{start: 2020, end: 2023}",
            description="When the project runs. Leave it out if the years are not known.",
            description_cs="Kdy projekt probíhá. Pokud roky neznáte, pole vynechte."),
    replace(SUMMARY, example="Development and testing of driverless cars in Ústí nad Labem.",
            description="Shown on project cards, in the page description for search engines and in feeds.",
            description_cs="Zobrazí se na kartách projektů, v popisu stránky pro vyhledávače a v kanálech novinek.",
            example_cs="Vývoj a testování autonomních vozidel v Ústí nad Labem."),
    replace(DATE, example="2026-11-27"),
    replace(MODIFIED,
            description="Usually left out: \"Last updated\" and the feeds' date come from the last commit that changed "
            "this file. Give it only to override that date (e.g. after a typo fix that is no update for readers).",
            description_cs="Obvykle se neuvádí: „Naposledy aktualizováno“ a datum v kanálech novinek se berou z posledního "
            "commitu, který tento soubor změnil. Uveďte ho, jen když chcete toto datum přepsat (např. po opravě "
            "překlepu, která pro čtenáře není aktualizací)."),
    replace(IMAGE, example="hydrogen.jpg", description="A picture shown at the top of the project page.",
            description_cs="Obrázek v záhlaví stránky projektu."),
    replace(IMAGE_ALT, example="A hydrogen filling station in Ústí nad Labem",
            example_cs="Vodíková čerpací stanice v Ústí nad Labem"),
    replace(LINKS, example="[{label: Project website, url: 'https://example.org'}]", description="Further reading.",
            description_cs="Odkazy na další informace.",
            example_cs="[{label: Web projektu, url: 'https://example.org'}]"),
    FieldSpec("funding", "list of mappings", False,
              "each {programme: op-vvv or horizon-2020, number: as the programme writes it; optional fund: esf or erdf "
              "(op-vvv), project: its own name, start and end: YYYY-MM-DD}",
              "[{programme: op-vvv, number: CZ.02.2.69/0.0/0.0/18_055/0014194}]",
              "EU funding: the page shows the EU emblem with the statement the programme requires. A missing number "
              "is a warning.", funding,
              description_cs="Financování z EU: stránka ukáže znak EU s větou, kterou program vyžaduje. Chybějící "
              "číslo je varování."),
)

PAGE_FIELDS: tuple[FieldSpec, ...] = (
    *COMMON_FIELDS,
    FieldSpec("template", "text", False, ", ".join(PAGE_TEMPLATES) + " (default page)", "page",
              "Which layout the page uses.", v.choice(PAGE_TEMPLATES),
              description_cs="Jaké rozvržení stránka použije."),
    replace(SUMMARY, example="Who we are and how to reach us.",
            description="The page description for search engines and link previews.",
            description_cs="Popis stránky pro vyhledávače a náhledy odkazů.", example_cs="Kdo jsme a čím se zabýváme."),
    FieldSpec("nav_label", "text", False, "one line, at most 30 characters", "About ICUK",
              "Puts the page into the main navigation under this label.", v.text(30),
              description_cs="Zařadí stránku do hlavní navigace pod tímto názvem.", example_cs="O ICUK"),
    FieldSpec("nav_order", "whole number", False, "1–99; required with nav_label", "3",
              "The page's place in the main navigation (Projects is 1).", v.nav_order,
              description_cs="Pořadí stránky v hlavní navigaci (Projekty mají 1)."),
    replace(DATE, example="2026-11-27", description="When this page was first published.",
            description_cs="Kdy byla stránka poprvé zveřejněna."),
    replace(MODIFIED,
            description="Usually left out: \"Last updated\" comes from the last commit that changed this file. "
            "Give it only to override that date.",
            description_cs="Obvykle se neuvádí: „Naposledy aktualizováno“ se bere z posledního commitu, který tento "
            "soubor změnil. Uveďte ho, jen když chcete toto datum přepsat."),
)

# content/services/<lang>/<slug>.md: a service or programme of the centre (docs/authoring.md).
SERVICE_FIELDS: tuple[FieldSpec, ...] = (
    *COMMON_FIELDS,
    replace(SUMMARY, example="A regional grant for a firm's innovation project with a research organisation.",
            description="Shown on the services overview and in the page description for search engines.",
            description_cs="Zobrazí se v přehledu služeb a v popisu stránky pro vyhledávače."),
    FieldSpec("audience", "list of audience IDs", True, ", ".join(AUDIENCES) + "; at least one, each once",
              "[companies]", "Who the service is for: its group(s) on the services overview.", sv.audiences,
              description_cs='Pro koho služba je: její skupina (skupiny) v přehledu služeb.'),
    replace(YEARS, example="{start: 2016, end: 2020}",
            description="When the service has been offered, as far as the sources say.",
            description_cs="Kdy se služba nabízí nebo nabízela, pokud to zdroje uvádějí."),
    FieldSpec("calls", "list of mappings", False, "each {opens: YYYY-MM-DD, closes: YYYY-MM-DD on or after opens, "
              "name: text (optional)}", "[{name: Sixth call, opens: 2020-04-21, closes: 2020-05-31}]",
              "Rounds of applications with their dates. Whether a call is upcoming, open or closed follows from "
              "the build's date; never write it.", sv.calls,
              description_cs="Výzvy k podávání žádostí s jejich daty. Zda výzva teprve bude, je otevřená, nebo uzavřená, určí "
                  "datum sestavení webu; nikdy to nepište.",
              example_cs="[{name: Šestá výzva, opens: 2020-04-21, closes: 2020-05-31}]"),
    FieldSpec("projects", "list of project IDs", False, "IDs of projects (file names in content/projects/en/), each once",
              "[smart-ii-ur]", "The centre's projects the service belongs to; their pages link back.", sv.project_ids,
              description_cs='Projekty centra, ke kterým služba patří; jejich stránky na službu odkazují zpět.'),
    replace(DATE, example="2026-12-01"),
    replace(MODIFIED, description="When the entry was last changed in substance.",
            description_cs="Kdy se záznam naposledy podstatně změnil."),
    replace(LINKS, example="[{label: Official call, url: 'https://example.org'}]",
            description="Sources and official pages.", description_cs="Zdroje a oficiální stránky."),
)

# content/news/<lang>/<slug>.md: one news item (Aktuality). Its date is the day it happened
# (or the month, with date_precision: month), not the day the file was written.
NEWS_FIELDS: tuple[FieldSpec, ...] = (
    *COMMON_FIELDS,
    FieldSpec("date", "date", True, "YYYY-MM-DD; the 1st of the month with date_precision: month", "2019-11-19",
              "The day the news happened (the news index lists the newest first).", v.date,
              description_cs="Den, kdy se událost stala (přehled aktualit řadí od nejnovější)."),
    FieldSpec("date_precision", "text", False, ", ".join(DATE_PRECISIONS) + " (default day)", "month",
              "How exactly the date is known: month shows only the month and year.", v.choice(DATE_PRECISIONS),
              description_cs="Jak přesně je datum známé: month zobrazí jen měsíc a rok."),
    replace(SUMMARY, example="ICUK signed the regional hydrogen memorandum with the region and 17 other entities.",
            description="Shown in the news index, on the home page, in the page description and in the news feed.",
            description_cs="Zobrazí se v přehledu aktualit, na úvodní stránce, v popisu stránky a v kanálu aktualit."),
    FieldSpec("projects", "list of project IDs", False, "IDs of projects (file names in content/projects/en/), each once",
              "[hydrogen]", "The projects the news is about: each links here and back.", v.project_ids,
              description_cs="Projekty, kterých se aktualita týká: každý odkazuje sem a aktualita zpět na něj."),
    FieldSpec("services", "list of service IDs", False, "IDs of services (file names in content/services/en/), each once",
              "[innovation-vouchers]", "The services the news is about: their pages list it under related news.",
              v.service_ids, description_cs="Služby, kterých se aktualita týká: jejich stránky ji uvedou mezi "
              "souvisejícími aktualitami."),
    FieldSpec("partners", "list of partner IDs", False, "IDs from content/data/partners.yaml, each once",
              "[usti-region, unicre]", "The organisations the news names: each links here and back.", v.partner_ids,
              description_cs="Organizace, které aktualita zmiňuje: každá odkazuje sem a aktualita zpět na ni."),
    replace(IMAGE, example="hydrogen-memorandum.jpg", description="A picture shown at the top of the news item.",
            description_cs="Obrázek v záhlaví aktuality."),
    replace(IMAGE_ALT, example="The signatories of the memorandum in Ústí nad Labem"),
    # A news item's links are its sources: the links row under another name.
    replace(LINKS, name="sources",
            example="[{label: ORLEN UniCRE, url: 'https://orlenunicre.cz/aktuality/806-memorandum-o-vyuzivani-vodiku-v-usteckem-kraji'}]",
            description="Where the facts come from: shown below the text as sources.",
            description_cs="Odkud fakta pocházejí: zobrazí se pod textem jako zdroje."),
    replace(MODIFIED,
            description="Usually left out: \"Last updated\" and the feed's date come from the last commit that changed "
            "this file. Give it only to override that date.",
            description_cs="Obvykle se neuvádí: „Naposledy aktualizováno“ a datum v kanálu aktualit se berou z posledního "
            "commitu, který tento soubor změnil. Uveďte ho, jen když chcete toto datum přepsat."),
)

# content/data/partners.yaml: one entry per partner ID, these keys below it.
PARTNER_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("name", "mapping", True, "{cs: …, en: …}", "{cs: Ústecký kraj, en: Ústí Region}",
              "The partner's name in each language.", v.names(LANGS),
              description_cs="Název partnera v každém jazyce."),
    FieldSpec("short", "text", False, "a short name or abbreviation", "UJEP", "Shown where space is short.",
              v.short_text, description_cs="Zobrazí se tam, kde je málo místa."),
    FieldSpec("website", "text", False, "https://… (an address from a source, never a guess)", "https://www.ujep.cz",
              "The organisation's official website, linked from its partner page.", v.https_url,
              description_cs="Oficiální web organizace, odkaz z její stránky partnera."),
    FieldSpec("kind", "text", True, ", ".join(PARTNER_KINDS), "university", "What kind of organisation it is.",
              v.choice(PARTNER_KINDS), description_cs="O jaký druh organizace jde."),
)

# Every kind of Markdown document: its field table and its folder (content/<folder>/<lang>/<key>.md).
# A kind listed here is read, validated and paired with its twins by file name (pairing.py)
# without more code.
FIELDS_BY_KIND: dict[str, tuple[FieldSpec, ...]] = {"project": PROJECT_FIELDS, "page": PAGE_FIELDS,
                                                    "service": SERVICE_FIELDS, "news": NEWS_FIELDS}
KIND_DIRS: dict[str, str] = {"project": "projects", "page": "pages", "service": "services", "news": "news"}
