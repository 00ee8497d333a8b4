"""A local static server that behaves like the hosts we deploy to: it serves a folder and adds
the HTTP headers the site's own `_headers` file asks for (Netlify / Cloudflare Pages format), so
browser checks see the header CSP (and everything else in `_headers`) as production does.

    server, origin = bind(www_dir, site_prefix="/usti")   # pick the port
    ...build the site into www_dir/usti with SITEURL = origin + "/usti"...
    serve(server)
    ...
    server.shutdown()

`_headers` paths are relative to the site's root; the site may sit under a sub-path here.
Content-Type rules are left out (the server already sends one).
"""

from __future__ import annotations

import re
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit


def read_rules(path: Path) -> list[tuple[re.Pattern, list[tuple[str, str]]]]:
    """`_headers` as (path pattern, headers) in file order; `*` matches anything, `:name` a segment."""
    rules: list[tuple[re.Pattern, list[tuple[str, str]]]] = []
    if not path.is_file():
        return rules
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            pattern = re.escape(line.strip()).replace(r"\*", ".*")
            pattern = re.sub(r":\w+", "[^/]+", pattern)
            rules.append((re.compile(f"^{pattern}$"), []))
        elif rules:
            name, _, value = line.strip().partition(":")
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


class HostLikeHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm",
                      ".js": "text/javascript", ".mjs": "text/javascript"}
    site_prefix = ""  # set per server
    rules: list = []

    def end_headers(self):
        path = unquote(urlsplit(self.path).path)
        if path == self.site_prefix or path.startswith(self.site_prefix + "/"):
            path = path[len(self.site_prefix):] or "/"
            for pattern, headers in self.rules:
                if pattern.match(path):
                    for name, value in headers:
                        if name.lower() != "content-type":
                            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args):
        pass


def bind(www: Path, site_prefix: str = "") -> tuple[ThreadingHTTPServer, str]:
    """A server for www on 127.0.0.1 and a free port (not serving yet: build the site, then
    `serve()`); returns it and its origin, for the SITEURL of the build."""

    class Handler(HostLikeHandler):
        pass

    Handler.site_prefix = site_prefix.rstrip("/")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(www)))
    server.handler_class = Handler
    server.site_dir = Path(www) / site_prefix.strip("/")
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def serve(server: ThreadingHTTPServer) -> ThreadingHTTPServer:
    """Read the built site's `_headers` and serve in a background thread."""
    server.handler_class.rules = read_rules(server.site_dir / "_headers")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
