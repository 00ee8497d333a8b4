"""The fixed vocabularies: languages, categories, phases, partner kinds, audiences, page templates.

IDs are what authors write in front-matter; labels are what readers see, in each language.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import icu  # ICU's collation (the pyicu-wheels package)

LANGS: tuple[str, ...] = ("en", "cs")
DEFAULT_LANG = "en"
# What each language is called in its own language (for the language switcher).
LANG_AUTONYMS = {"en": "English", "cs": "Čeština"}


@dataclass(frozen=True)
class Term:
    """One value of a fixed vocabulary, with its label in each language."""

    id: str
    en: str
    cs: str
    description_en: str = ""
    description_cs: str = ""
    # Other Czech words authors write for it (e.g. an earlier label): a hint, never a valid value.
    aliases_cs: tuple[str, ...] = ()
    # The folder name of its listing page on Czech pages (`cs/projekty/kategorie/vzdelavani/`);
    # English pages use the ID. Authors always write the ID.
    slug_cs: str = ""

    def label(self, lang: str) -> str:
        return getattr(self, lang)

    def slug(self, lang: str) -> str:
        """The URL part of the term's listing page in a language."""
        return self.slug_cs if lang == "cs" and self.slug_cs else self.id

    def description(self, lang: str) -> str:
        return getattr(self, f"description_{lang}")


def _terms(*terms: Term) -> dict[str, Term]:
    return {t.id: t for t in terms}


CATEGORIES: dict[str, Term] = _terms(
    Term("support", "Support and development of the innovation environment", "Podpora a rozvoj inovačního prostředí",
         slug_cs="podpora-inovacniho-prostredi"),
    Term("infrastructure", "Innovation in infrastructure", "Inovace v infrastruktuře", slug_cs="infrastruktura"),
    Term("education", "Innovation in education", "Inovace ve vzdělávání", slug_cs="vzdelavani"),
)

PHASES: dict[str, Term] = _terms(
    Term("preparation", "Preparation", "Příprava", slug_cs="priprava"),
    Term("pilot", "Pilot", "Pilotní provoz", aliases_cs=("Pilotní fáze", "Pilot"), slug_cs="pilotni-provoz"),
    Term("running", "Running", "Realizace", aliases_cs=("Probíhá", "Běží"), slug_cs="realizace"),
    Term("completed", "Completed", "Ukončeno", aliases_cs=("Dokončeno", "Hotovo"), slug_cs="ukonceno"),
)

PARTNER_KINDS: dict[str, Term] = _terms(
    Term("region", "Region", "Kraj"),
    Term("municipality", "Town or city", "Město, obec", aliases_cs=("Obec", "Město", "Obec nebo město")),
    Term("ministry", "Ministry", "Ministerstvo"),
    Term("agency", "Public agency", "Státní agentura", aliases_cs=("Veřejná agentura", "Agentura")),
    Term("university", "University", "Vysoká škola"),
    Term("school", "School", "Škola"),
    Term("company", "Company", "Společnost", aliases_cs=("Firma",)),
    Term("association", "Association", "Spolek nebo sdružení"),
)

# Who a service is for (services' `audience`): the groups of the services overview, in this order.
AUDIENCES: dict[str, Term] = _terms(
    Term("companies", "Companies and start-ups", "Firmy a start-upy",
         "Grants, competitions, incubation and advice for firms and new businesses.",
         "Granty, soutěže, inkubace a poradenství pro firmy a nové podniky.", aliases_cs=("Firmy", "Podniky")),
    Term("schools", "Schools and young people", "Školy a mladí lidé",
         "Technology, robotics and workshops for pupils, students and teachers.",
         "Technologie, robotika a dílny pro žáky, studenty a učitele.", aliases_cs=("Školy",)),
    Term("region", "The region and municipalities", "Kraj a obce",
         "Strategies, platforms and partnerships for the region, towns and public bodies.",
         "Strategie, platformy a partnerství pro kraj, města a veřejné instituce.", aliases_cs=("Kraj", "Obce", "Region")),
)

# How exactly a news item's date is known (a source may give only the month).
DATE_PRECISIONS: dict[str, str] = {
    "day": "the day is known: shown as 19 November 2019",
    "month": "only the month is known: shown as November 2019 (date is the 1st of that month)",
}

PAGE_TEMPLATES: dict[str, str] = {
    "page": "an ordinary section page",
    "open-data": "a section page followed by the list of open data files",
    "home": "the home page (adds the projects grouped by category)",
    "404": "the 'page not found' page (saved as 404.html)",
}


# The collation of each language (ICU, CLDR rules): Czech is ČSN 97 6030 — Č after C, Ch after H,
# Ř Š Ž after R S Z, other accents and case secondary; English folds accents and case.
COLLATION_LOCALES = {"en": "en_GB", "cs": "cs_CZ"}


@cache
def _collator(lang: str):
    return icu.Collator.createInstance(icu.Locale(COLLATION_LOCALES.get(lang, "en_GB")))


@lru_cache(maxsize=65536)
def sort_key(text: str, lang: str = DEFAULT_LANG) -> tuple[bytes, str]:
    """Reading order for names in a language (its alphabet, then the exact text)."""
    return (_collator(lang).getSortKey(text), text)


# EU programmes a project's `funding:` may name (only those the sources name for ICUK's projects).
# The label is the programme's name; what the notice says for each is in render/funding.py.
FUNDING_PROGRAMMES: dict[str, Term] = _terms(
    Term("op-vvv", "Operational Programme Research, Development and Education",
         "Operační program Výzkum, vývoj a vzdělávání", aliases_cs=("OP VVV",)),
    Term("horizon-2020", "Horizon 2020", "Horizont 2020", aliases_cs=("H2020", "Horizon 2020")),
)


@dataclass(frozen=True)
class FundingNumber:
    """How a programme numbers what it funds: the pattern, an example, what it is called."""

    pattern: str  # a regular expression matched against the whole number
    example: str
    what: str  # "registration number" | "grant agreement number"


FUNDING_NUMBERS: dict[str, FundingNumber] = {
    # OP VVV: CZ.02.<axis>.<code>/0.0/[0.0/]<call>/<serial>, e.g. Smart II – UR's (icuk-facts §5).
    "op-vvv": FundingNumber(r"CZ\.02\.\d\.\d{2}/0\.0/(?:0\.0/)?\d{2}_\d{3}/\d{7}", "CZ.02.2.69/0.0/0.0/18_055/0014194",
                            "registration number"),
    # Horizon 2020 grant agreements: 6 digits (9 for the last ones, 101…).
    "horizon-2020": FundingNumber(r"\d{6}|101\d{6}", "825652", "grant agreement number"),
}

# The EU funds a programme of the European Structural and Investment Funds draws on (OP VVV:
# ESF and ERDF). Optional: without one the notice names the ESI Funds as a whole, as OP VVV's own
# logo band does. Programmes outside the ESI Funds (Horizon 2020) take none.
FUNDS: dict[str, Term] = _terms(
    Term("esf", "European Social Fund", "Evropský sociální fond"),
    Term("erdf", "European Regional Development Fund", "Evropský fond pro regionální rozvoj"),
)
FUNDS_OF: dict[str, tuple[str, ...]] = {"op-vvv": ("esf", "erdf"), "horizon-2020": ()}
