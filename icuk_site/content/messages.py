"""Problem messages in the author's language, through gettext.

Every message is written in English as a template with named parameters, `M("expected at most
{max_len} characters, got {n}", max_len=150, n=161)`. The result *is* the English text (a `str`),
so code and tests that read messages as text see English; it also keeps the template and the
parameters, so it can be said again in another language:

    M(...).say("cs")   ->  the template looked up in locale/cs/LC_MESSAGES/problems.po, then filled in

Parameters that are messages themselves (e.g. `show(value)`, a did-you-mean hint) are said in the
same language; every other parameter (field names, values as written in the files) is kept as is.

The author's language: `ICUK_LANG`, else the usual locale variables (LANGUAGE, LC_ALL,
LC_MESSAGES, LANG) — Czech when they say `cs…`, English otherwise.
"""

from __future__ import annotations

import gettext as _gettext
import io
import os
from functools import lru_cache
from pathlib import Path

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "problems"
AUTHOR_LANGS = ("en", "cs")


class M(str):
    """An English message that can be said in another language (see the module docstring)."""

    template: str
    params: dict

    def __new__(cls, template: str, **params) -> M:
        self = super().__new__(cls, template.format(**params) if params else template)
        self.template = template
        self.params = params
        return self

    def __reduce__(self):  # pickled by the parse cache: keep the template, not only the text
        return (_rebuild, (self.template, self.params))

    def say(self, lang: str | None = None) -> str:
        lang = lang or author_lang()
        if lang == "en":
            return str.__str__(self)
        params = {k: v.say(lang) if isinstance(v, M) else v for k, v in self.params.items()}
        text = catalog(lang).gettext(self.template)
        try:
            return text.format(**params) if params else text
        except (KeyError, IndexError, ValueError):  # a broken translation: never lose the message
            return str.__str__(self)


def _rebuild(template: str, params: dict) -> M:
    return M(template, **params)


def say(message: str, lang: str | None = None) -> str:
    """Any message in `lang` (plain strings are returned as they are)."""
    return message.say(lang) if isinstance(message, M) else str(message)


def author_lang(explicit: str | None = None) -> str:
    """The language to talk to the author in: `explicit`, ICUK_LANG, or the locale."""
    for value in (explicit, os.environ.get("ICUK_LANG"), os.environ.get("LANGUAGE"), os.environ.get("LC_ALL"),
                  os.environ.get("LC_MESSAGES"), os.environ.get("LANG")):
        if value:
            code = value.split(":")[0].split("_")[0].split(".")[0].lower()
            return code if code in AUTHOR_LANGS else "en"
    return "en"


def catalog(lang: str) -> _gettext.NullTranslations:
    po = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if lang == "en" or not po.exists():
        return _gettext.NullTranslations()
    return load_po(str(po), po.stat().st_mtime)


@lru_cache(maxsize=8)
def load_po(po_path: str, mtime: float) -> _gettext.NullTranslations:
    """A gettext catalog compiled in memory from its .po file with Babel: no stale .mo file can
    be used. Keyed on the file's time, so an edited catalog is read again. (The theme's
    catalogs go through here too: render/i18n.py.)"""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with open(po_path, "rb") as f:
        po = read_po(f)
    buf = io.BytesIO()
    write_mo(buf, po, use_fuzzy=False)
    buf.seek(0)
    return _gettext.GNUTranslations(buf)
