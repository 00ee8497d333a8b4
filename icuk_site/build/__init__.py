"""Building: safely, quickly, and again on every edit.

    safe.py         build into a temporary folder; swap it in (or update output/ in place) only on success
    __main__.py     `python -m icuk_site.build [--settings publishconf.py] [--output DIR]`
    clock.py        the build's time (SOURCE_DATE_EPOCH, else the last commit)
    incremental.py  development builds: the plan, page keys, keeping unchanged outputs, updating output/
    writer.py       Pelican's writer minus kept pages; announces kept pages like written ones
    parallel.py     half of a list done by a forked helper (Linux, two cores or more)
    warm.py         the edit loop's warm build process (`invoke livereload`)
"""
