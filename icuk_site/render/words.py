"""Theme strings that views word in Python: the same catalogs and the same Czech spacing rule
as the templates' gettext (i18n.py), so a string reads the same wherever it is worded.

Views decide what a page says about itself (its title, its breadcrumb trail, its facet labels);
the words come from the theme's catalog. Mark every such string with `_` or `ngettext` below,
literally, so that `uv run invoke translations` finds it (babel.cfg extracts
icuk_site/render/*.py as well as the templates).
"""

from __future__ import annotations

import gettext as _gettext
from pathlib import Path

from markupsafe import Markup

from . import i18n, typography

# Czech theme strings get the one-letter-word rule, as in i18n.install.
_FINISH = {"cs": typography.czech_nbsp_text}


def _(message: str) -> str:
    """Marks a theme string for extraction; `Words.get` translates it."""
    return message


def ngettext(singular: str, plural: str) -> tuple[str, str]:
    """Marks a plural theme string for extraction; `Words.plural` translates it."""
    return singular, plural


class Words:
    """Theme strings in a language. Without a theme (e.g. a Catalog made in a test) the English
    message itself is used. Results are Markup with the parameters escaped, exactly as Jinja's
    newstyle gettext under autoescape gives them to the templates."""

    def __init__(self, theme: str | Path | None = None):
        self.theme = theme
        self._catalogs: dict[tuple, _gettext.NullTranslations] = {}  # read once per build and language

    def _catalog(self, lang: str) -> _gettext.NullTranslations:
        key = (self.theme, lang)
        if key not in self._catalogs:
            self._catalogs[key] = i18n.translations(self.theme, lang) if self.theme else _gettext.NullTranslations()
        return self._catalogs[key]

    def _finish(self, text: str, lang: str) -> Markup:
        return Markup(_FINISH[lang](text) if lang in _FINISH else text)

    def get(self, lang: str, message: str, **params) -> Markup:
        text = self._finish(self._catalog(lang).gettext(message), lang)
        return text % params  # always a format string, as in Jinja's newstyle gettext

    def plural(self, lang: str, message: tuple[str, str], num: int, **params) -> Markup:
        text = self._finish(self._catalog(lang).ngettext(message[0], message[1], num), lang)
        return text % {"num": num, **params}
