"""ICUK site: the content model, the Pelican plugin and the build — the data's way, stage by stage.

    content/    Markdown + YAML -> a validated `Site` (vocabularies, routes, problems, field
                tables, parsing, cross-file rules, the parse cache)
    render/     the reader, typography, translations, views per language, JSON-LD, pictures, timeline
    outputs/    listing pages, feeds, sitemap + robots, open data, host files, the search index
    build/      the safe build, its clock, incremental builds, the writer, parallel helpers, the warm process
    authoring/  `invoke new-*`, `invoke check`, `invoke docs`, the livereload server
    session.py  the build in progress: one object holding all of one build's state
    plugin.py   register(): the wiring to Pelican's signals (docs/architecture.md has the table)
"""


def register():  # Pelican looks for register() on the plugin module
    from .plugin import register as _register

    _register()
