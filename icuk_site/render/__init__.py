"""Rendering: from validated content to what templates show.

    reader.py      the Markdown reader Pelican uses (bodies + the language's typography)
    typography.py  English (typogrify) and Czech (non-breaking spaces) typography
    i18n.py        gettext, typography and date filters that follow the page's language
    templates.py   template work done once per build (memo, compiled templates)
    views.py       the content resolved for one language, as templates see it (`Catalog`)
    pageviews.py   the view classes (page, project, listing, term, partner, breadcrumb)
    words.py       strings the views word in Python, translated with the theme's catalog
    lang_spans.py  `[text]{lang=en}` in Markdown: a phrase in another language
    jsonld.py      JSON-LD blocks (schema.org) for the pages
    images.py      responsive pictures (Pillow), cached between builds
    timeline.py    the projects timeline as SVG and as table rows
"""
