"""The livereload server `invoke livereload` serves the site with."""

from __future__ import annotations


def livereload_server(port: int):
    """A livereload `Server` whose reload script runs under the site's Content-Security-Policy.

    livereload 2.7 adds an *inline* `<script>` to every page it serves to load livereload.js;
    our pages allow scripts from the site only (`script-src 'self'`), so the browser blocked
    it and never refreshed. This injects `<script src="/livereload.js?port=…">` instead: the
    same script, loaded from the same origin (its WebSocket is same-origin too: `connect-src
    'self'`). The served files are not changed on disk.
    """
    import livereload.server as lr

    script = f'<script src="/livereload.js?port={int(port)}"></script>'.encode()

    class Injector(lr.LiveScriptInjector):
        def transform_first_chunk(self, status_code, headers, chunk, finishing):
            self.script = script
            return super().transform_first_chunk(status_code, headers, chunk, finishing)

    lr.LiveScriptInjector = Injector  # Server.serve() subclasses this name for its output transform
    return lr.Server()
