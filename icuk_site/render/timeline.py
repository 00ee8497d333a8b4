"""The projects timeline: an SVG drawn at build time from each project's `years`.

No chart package renders a static, script-free SVG that our strict CSP and our CSS
(colours per category, dark mode) can style, so this draws one by hand: one row per project
(its title, then a bar across its years), a year axis on top. The SVG is an image labelled
by the heading before it; the table after it in the template is the accessible equivalent.

Each project's row is a `<g data-project="slug">` drawn at its own origin and moved into place
by `transform`; the SVG names its row height and top (data-row, data-top). The projects filter
(filter.js) hides the rows of the projects it hides and moves the others up, so the chart
follows the filter.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

WIDTH = 640
LEFT, RIGHT = 8, 16
TOP = 34
ROW = 58
BAR_Y, BAR_H = 30, 14
LABEL_SIZE = 19


def timeline_rows(projects) -> list:
    """The projects that have years, in timeline order (the SVG and its table share it)."""
    return sorted((p for p in projects if p.years), key=lambda p: (p.years.start, p.years.end or 9999, p.title))


def timeline_svg(rows, reference_year: int, labelledby: str = "timeline-title",
                 describedby: str = "timeline-desc") -> str:
    if not rows:
        return ""
    first = min(p.years.start for p in rows)
    last = max(p.years.end or max(reference_year, p.years.start) for p in rows)
    span = last - first + 1
    unit = (WIDTH - LEFT - RIGHT) / span

    def x(year: int) -> float:
        return round(LEFT + (year - first) * unit, 2)

    height = TOP + ROW * len(rows) + 8
    out = [
        f'<svg class="timeline" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'role="img" aria-labelledby="{labelledby}" aria-describedby="{describedby}" data-top="{TOP}" data-row="{ROW}" '
        'xmlns="http://www.w3.org/2000/svg" focusable="false">'
    ]
    # year axis: a tick and a label at the start of every year
    for year in range(first, last + 1):
        out.append(f'<line class="tl-grid" x1="{x(year)}" y1="{TOP - 8}" x2="{x(year)}" y2="{height - 4}"/>')
        out.append(f'<text class="tl-year" x="{round(x(year) + unit / 2, 2)}" y="{TOP - 14}" '
                   f'text-anchor="middle">{year}</text>')
    for i, p in enumerate(rows):
        end = p.years.end or last
        open_ended = p.years.end is None
        classes = f"tl-bar tl-bar--{p.category.id}" + (" tl-bar--open" if open_ended else "")
        out.append(f'<g class="tl-row" data-project="{escape(p.slug)}" transform="translate(0 {TOP + i * ROW})">')
        out.append(f'<text class="tl-label" x="{LEFT}" y="22" font-size="{LABEL_SIZE}">'
                   f"{escape(p.title)}</text>")
        out.append(f'<rect class="{classes}" x="{x(p.years.start)}" y="{BAR_Y}" '
                   f'width="{round(x(end + 1) - x(p.years.start), 2)}" height="{BAR_H}" rx="7"/>')
        if open_ended:  # an arrow head: the project goes on
            tip = x(end + 1)
            out.append(f'<path class="tl-arrow tl-bar--{p.category.id}" d="M{tip - 2} {BAR_Y - 4} '
                       f'L{tip + 10} {BAR_Y + BAR_H / 2} L{tip - 2} {BAR_Y + BAR_H + 4} Z"/>')
        out.append("</g>")
    out.append("</svg>")
    return "".join(out)
