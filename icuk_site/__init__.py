"""ICUK site: the content model, the Pelican plugin and the build helpers.

    model.py       content model and validation (the one place for both)
    views.py       the content resolved for one language, as templates see it
    reader.py      Markdown reader using the validated documents
    generator.py   listing pages in every language
    i18n.py        gettext/typography/date filters that follow the page's language
    typography.py  English (typogrify) and Czech (non-breaking spaces) typography
    plugin.py      register(): wiring to Pelican's signals
    build.py       safe build: into a temporary folder, swapped in only on success
    incremental.py development builds: only changed pages made again; output updated in place
    parallel.py    Markdown bodies rendered by a second process during a cold build
    reuse.py       card/footer fragments, validation and compiled templates reused
    warm.py        the edit loop's warm build process (`invoke livereload`): a fresh fork per build
    bench.py       the build benchmark (`invoke bench`; docs/performance.md)
"""


def register():  # Pelican looks for register() on the plugin module
    from .plugin import register as _register

    _register()
