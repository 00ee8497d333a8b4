"""The projects timeline, drawn at build time from each project's `years`.

One row per project: its title and years as text (which wraps, so a phone reads it at full
size), then a bar across its years on a track that stretches to the width of the page (a small
SVG per row, `preserveAspectRatio="none"`, so no label is ever scaled down or cut). A year axis
(an HTML list laid out as equal columns) sits on top and a legend names the categories' colours.
No inline style (strict CSP): the geometry is in the SVG attributes, the colours in site.css.
The table after it in the template gives the same information as a table.

Each row carries its project's `data-project` (the slug the cards carry): the projects filter
(filter.js) hides the rows of the projects it hides, and the others close up.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from . import typography

# A track is `span` units wide and one unit high; year boundaries are lines at whole units.
DENSE = 6  # more years than this: on a phone every other axis label is left out (site.css)


def timeline_rows(projects) -> list:
    """The projects that have years, in timeline order (the chart and its table share it)."""
    return sorted((p for p in projects if p.years), key=lambda p: (p.years.start, p.years.end or 9999, p.title))


def timeline_span(rows, reference_year: int) -> tuple[int, int]:
    """The first and last year the axis shows (an ongoing project runs to the reference year)."""
    first = min(p.years.start for p in rows)
    last = max(p.years.end or max(reference_year, p.years.start) for p in rows)
    return first, last


def timeline_legend(rows) -> list:
    """The categories the rows use, once each, in the order they first appear."""
    seen: dict[str, object] = {}
    for p in rows:
        seen.setdefault(p.category.id, p.category)
    return list(seen.values())


def _track(p, first: int, last: int) -> str:
    span = last - first + 1
    end = p.years.end or last
    open_ended = p.years.end is None
    lines = "".join(f'<line class="tl-grid" x1="{i}" y1="0" x2="{i}" y2="1" vector-effect="non-scaling-stroke"/>'
                    for i in range(1, span))
    bar = (f'<rect class="tl-bar tl-bar--{p.category.id}{" tl-bar--open" if open_ended else ""}" '
           f'x="{p.years.start - first}" y="0.2" width="{end - p.years.start + 1}" height="0.6"/>')
    return (f'<svg class="tl-track" viewBox="0 0 {span} 1" preserveAspectRatio="none" width="{span * 40}" height="16" '
            f'aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg">{lines}{bar}</svg>')


def timeline_html(rows, reference_year: int, labelledby: str = "timeline-title",
                  describedby: str = "timeline-desc") -> str:
    """The chart: an axis and one list item per project (title, years as text, bar)."""
    if not rows:
        return ""
    first, last = timeline_span(rows, reference_year)
    dense = " tl-axis--dense" if last - first + 1 > DENSE else ""
    out = [f'<div class="timeline" role="group" aria-labelledby="{labelledby}" aria-describedby="{describedby}">',
           f'<ol class="tl-axis{dense}" aria-hidden="true">',
           *(f"<li>{year}</li>" for year in range(first, last + 1)),
           '</ol><ol class="tl-rows">']
    for p in rows:
        open_ended = " tl-row--open" if p.years.end is None else ""
        out.append(f'<li class="tl-row tl-row--{p.category.id}{open_ended}" data-project="{escape(p.slug)}">'
                   f'<span class="tl-name">{typography.text(p.title, p.lang)}</span> <span class="tl-years">{escape(p.years_text)}</span>'
                   f"{_track(p, first, last)}</li>")
    out.append("</ol></div>")
    return "".join(out)
