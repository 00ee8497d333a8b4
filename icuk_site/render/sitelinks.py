"""Links inside a document's text to other pages of this site, as the published page needs them.

Authors link to a page by its address from the site's root (`[contact](/contact.html)`,
docs/authoring.md); content/body.py checks that the page exists. A site published under a
sub-path (SITEURL `https://example.org/usti`) needs the SITEURL in front, as every link the
templates make has (`link(url)`). The `site_links` filter does that when the page is rendered,
so the rendered bodies (and Pelican's content cache) stay independent of the SITEURL.
"""

from __future__ import annotations

import re

from jinja2 import pass_context
from markupsafe import Markup

# href="/…" or src="/…" — not "//host/…" (another site, scheme-relative).
ROOT_LINK_RE = re.compile(r'(\s(?:href|src)=")/(?!/)')


def absolute(html: str, siteurl: str) -> str:
    """`html` with every root-relative link prefixed by `siteurl` (nothing to do without one)."""
    if not siteurl:
        return html
    return ROOT_LINK_RE.sub(lambda m: f"{m.group(1)}{siteurl}/", html)


@pass_context
def site_links(ctx, html) -> Markup:
    return Markup(absolute(str(html), ctx.get("SITEURL", "")))
