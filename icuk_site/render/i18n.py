"""Theme strings in the reader's language, in one Jinja environment.

Pelican core does not install gettext into Jinja (pelican#2064), and i18n_subsites would run
the whole build once per language; instead each rendered page carries its language (its
`view.lang`) and these context-aware callables pick the catalog for it.
Catalogs are read from the theme's `translations/<lang>/LC_MESSAGES/messages.po` (compiled in
memory with Babel, so no stale `.mo` file can ever be used).
"""

from __future__ import annotations

import gettext as _gettext
from functools import lru_cache
from pathlib import Path

from babel.dates import format_date
from jinja2 import pass_context
from jinja2.runtime import Context

from ..content import DEFAULT_LANG, LANGS
from ..content.messages import load_po
from . import typography

# The Babel locale of each language's dates: English pages write British dates ("27 November
# 2026"), as the house style spells British English; Czech ones Czech ("27. listopadu 2026").
DATE_LOCALES = {"en": "en_GB", "cs": "cs_CZ"}


@lru_cache(maxsize=4096)
def _format_date(value, fmt: str, lang: str) -> str:
    return format_date(value, format=fmt, locale=DATE_LOCALES.get(lang, lang))  # Babel parses the locale on every call


def translations(theme: str | Path, lang: str) -> _gettext.NullTranslations:
    po = Path(theme) / "translations" / lang / "LC_MESSAGES" / "messages.po"
    if lang == DEFAULT_LANG or not po.exists():
        return _gettext.NullTranslations()
    return load_po(str(po), po.stat().st_mtime)


def context_lang(ctx: Context) -> str:
    """The language of the page being rendered: every template context has a `view`."""
    for name in ("view", "article", "page"):
        obj = ctx.get(name)
        lang = getattr(obj, "lang", None) or getattr(getattr(obj, "view", None), "lang", None)
        if lang in LANGS:
            return lang
    return DEFAULT_LANG


def install(env, theme: str | Path) -> None:
    """Give a Pelican generator's Jinja environment gettext, typography and date filters."""
    catalogs = {lang: translations(theme, lang) for lang in LANGS}

    # Czech theme strings get the same one-letter-word rule as Czech content.
    finish = {"cs": typography.czech_nbsp_text}

    @pass_context
    def gettext(ctx: Context, message: str) -> str:
        lang = context_lang(ctx)
        text = catalogs[lang].gettext(message)
        return finish[lang](text) if lang in finish else text

    @pass_context
    def ngettext(ctx: Context, singular: str, plural: str, n: int) -> str:
        lang = context_lang(ctx)
        text = catalogs[lang].ngettext(singular, plural, n)
        return finish[lang](text) if lang in finish else text

    @pass_context
    def pgettext(ctx: Context, context: str, message: str) -> str:
        """A word that reads differently by its use: `pgettext('button', 'Search')` is „Hledat“, while
        the page's name `_('Search')` is „Vyhledávání“."""
        lang = context_lang(ctx)
        text = catalogs[lang].pgettext(context, message)
        return finish[lang](text) if lang in finish else text

    @pass_context
    def typo(ctx: Context, value: str):
        """Plain text -> escaped HTML with the page language's typography."""
        return typography.text(str(value), context_lang(ctx))

    @pass_context
    def plain(ctx: Context, value: str) -> str:
        """Plain text with the language's spacing rules but no markup (for <option>, attributes)."""
        text = str(value)
        lang = context_lang(ctx)
        return finish[lang](text) if lang in finish else text

    @pass_context
    def date(ctx: Context, value, fmt: str = "long") -> str:
        lang = context_lang(ctx)
        text = _format_date(value, fmt, lang)
        return finish[lang](text) if lang in finish else text  # „19. listopadu 2019“

    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(gettext, ngettext, newstyle=True, pgettext=pgettext)
    env.filters["typo"] = typo
    env.filters["plain"] = plain
    env.filters["date"] = date
