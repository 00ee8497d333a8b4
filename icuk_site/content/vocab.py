"""The fixed vocabularies: languages, categories, phases, partner kinds, page templates.

IDs are what authors write in front-matter; labels are what readers see, in each language.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

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
    Term("pilot", "Pilot", "Pilotní provoz"),
    Term("running", "Running", "Realizace"),
    Term("completed", "Completed", "Ukončeno"),
)

PARTNER_KINDS: dict[str, Term] = _terms(
    Term("region", "Region", "Kraj"),
    Term("municipality", "Town or city", "Město, obec"),
    Term("ministry", "Ministry", "Ministerstvo"),
    Term("agency", "Public agency", "Státní agentura"),
    Term("university", "University", "Vysoká škola"),
    Term("school", "School", "Škola"),
    Term("company", "Company", "Společnost"),
    Term("association", "Association", "Spolek nebo sdružení"),
)

PAGE_TEMPLATES: dict[str, str] = {
    "page": "an ordinary section page",
    "open-data": "a section page followed by the list of open data files",
    "home": "the home page (adds the projects grouped by category)",
    "404": "the 'page not found' page (saved as 404.html)",
}


def sort_key(text: str) -> tuple[str, str]:
    """Reading order for names: case and diacritics folded (Č sorts with C), then exact text."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return ("".join(c for c in folded if not unicodedata.combining(c)), text)
