"""The build's writer: Pelican's own `write_file`, minus the pages an incremental build keeps.

For every page Pelican asks for, this writer either

- keeps it: its key (incremental.Plan.page_key) is the one the output folder's page was made
  from, so it is not rendered again; it is *announced* with Pelican's `content_written` signal
  as if written (the context says `ICUK_KEPT`), so that whatever lists the pages it writes —
  the search index, the pictures, a sitemap-style plugin — still sees every page; or
- writes it with Pelican's own `Writer.write_file` (which sends `content_written`) and notes
  its key in the plan.

Project pages of a cold build are shared with a helper process (parallel.share): they are
collected as Pelican asks for them and written at `article_writer_finalized`, half in a forked
helper, half here; the helper's pages are then announced here as Pelican would have.

Uses two attributes of Pelican 4.12's Writer (`_written_files`: its write-once check) — see
PELICAN_VERSION; tests/test_build.py fails on another Pelican version.
"""

from __future__ import annotations

import os

from pelican import signals
from pelican.utils import sanitised_join
from pelican.writers import Writer

from . import parallel

PELICAN_VERSION = "4.12.0"  # the Pelican whose Writer internals this module relies on
KEPT = "ICUK_KEPT"  # in the context of content_written: the page was kept, not written


class PageWriter(Writer):
    """Made per build by `for_session`: `session` is the build in progress."""

    session = None  # set on the per-build subclass

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.deferred: list[tuple[tuple, dict]] = []
        self.share = self.session is not None and parallel.available()

    def write_file(self, name, template, context, relative_urls=False, paginated=None, template_name=None,
                   override_output=False, url=None, **kwargs):
        item = kwargs.get("article") or kwargs.get("page")
        key = self._key(name, template, item, kwargs)
        plan = self.session.plan if self.session else None
        if key is not None and plan.reusable(name, key):
            path = sanitised_join(self.output_path, name)
            self._written_files.add(path)  # Pelican's write-once check
            plan.keep_page(name)
            signals.content_written.send(path, context={**context, **kwargs, "output_file": name, KEPT: True})
            return
        call = ((name, template, context, relative_urls, paginated, template_name, override_output, url), kwargs)
        if self.share and kwargs.get("article") is not None:
            self.deferred.append(call)  # written at article_writer_finalized, on two cores
            return
        self._write(call, key)

    def _key(self, name, template, item, kwargs) -> str | None:
        """The page's key, or None when it is not a page this writer knows how to key."""
        plan = self.session.plan if self.session else None
        if plan is None or not name:
            return None
        if item is not None:
            doc = self.session.site.by_source.get(getattr(item, "relative_source_path", "").replace(os.sep, "/"))
            return None if doc is None else plan.page_key(name, template.name, doc)
        if getattr(kwargs.get("view"), "is_listing", False):
            return plan.page_key(name, template.name)  # made from front-matter only
        return None

    def _write(self, call, key: str | None) -> bool:
        args, kwargs = call
        super().write_file(*args, **kwargs)
        if key is not None:
            self.session.plan.note(args[0], key=key)
        return True

    def write_deferred(self) -> None:
        """Signal article_writer_finalized: the project pages collected so far, on two cores."""
        calls, self.deferred = self.deferred, []
        plan = self.session.plan
        keys = [self._key(args[0], args[1], kwargs.get("article"), kwargs) for args, kwargs in calls]
        _, by_helper = parallel.share(list(zip(calls, keys)), lambda pair: self._write(*pair))
        for i in sorted(by_helper):  # what Pelican's write_file did for these in the helper
            (name, _, context, *_), kwargs = calls[i]
            path = sanitised_join(self.output_path, name)
            self._written_files.add(path)
            if keys[i] is not None:
                plan.note(name, key=keys[i])
            signals.content_written.send(path, context={**context, **kwargs, "output_file": name})


def for_session(session) -> type[PageWriter]:
    """The writer class for one build (Pelican's `get_writer` wants a class)."""
    return type("SessionPageWriter", (PageWriter,), {"session": session})
