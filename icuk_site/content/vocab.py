"""The fixed vocabularies: languages, categories, phases, partner kinds, page templates.

IDs are what authors write in front-matter; labels are what readers see, in each language.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import icu  # ICU's collation (the pyicu-wheels package)

LANGS: tuple[str, ...] = ("en", "cs")
DEFAULT_LANG = "en"
LANG_NAMES = {"en": {"en": "English", "cs": "angličtina"}, "cs": {"en": "Czech", "cs": "čeština"}}
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

    def label(self, lang: str) -> str:
        return getattr(self, lang)

    def description(self, lang: str) -> str:
        return getattr(self, f"description_{lang}")


def _terms(*terms: Term) -> dict[str, Term]:
    return {t.id: t for t in terms}


CATEGORIES: dict[str, Term] = _terms(
    Term("support", "Support and development of the innovation environment", "Podpora a rozvoj inovačního prostředí"),
    Term("infrastructure", "Innovation in infrastructure", "Inovace v infrastruktuře"),
    Term("education", "Innovation in education", "Inovace ve vzdělávání"),
)

PHASES: dict[str, Term] = _terms(
    Term("preparation", "Preparation", "Příprava"),
    Term("pilot", "Pilot", "Pilotní provoz", aliases_cs=("Pilotní fáze", "Pilot")),
    Term("running", "Running", "Realizace", aliases_cs=("Probíhá", "Běží")),
    Term("completed", "Completed", "Ukončeno", aliases_cs=("Dokončeno", "Hotovo")),
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
