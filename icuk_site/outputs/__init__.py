"""Everything the build makes besides the documents' own pages.

    listings.py    the Pelican generator: listing pages in every language, then the files below
    feeds.py       Atom feeds per language
    sitemap.py     sitemap.xml with language alternates, robots.txt
    opendata.py    /data/: projects as JSON-LD, CSV + CSVW, JSON Schema, DCAT-AP records
    dcat.py        the DCAT-AP 3.0.1 catalogue and dataset records (docs/open-data.md)
    host_files.py  _headers, .well-known/security.txt, .nojekyll
    search.py      the Pagefind index, per language
"""
