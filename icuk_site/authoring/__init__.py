"""What the authoring tasks do; tasks.py keeps its tasks to a few lines and calls these:

    new_content(content_dir, "project", "Hydrogen valley", …)  -> the English and the Czech file (new.py)
    check(content_dir, strict=…)                                -> every problem, or "OK: …" (check.py; spelling.py)
    update_docs(root)                                           -> docs/authoring*.md tables (docs.py)
    livereload_server(port)                                     -> the edit loop's server (livereload.py)

Everything here follows the content model (icuk_site.content): the scaffolds are written from
the field tables, the check is `load_site` (the validator the build uses) and the docs tables
are generated from the same field tables.
"""

from .check import CheckResult, check
from .docs import DOCS, YES_NO, field_description, field_table, render_docs, update_docs
from .errors import AuthoringError
from .livereload import livereload_server
from .new import SLUG_MAX, NewFiles, new_content, scaffold, slugify

__all__ = ["DOCS", "SLUG_MAX", "YES_NO", "AuthoringError", "CheckResult", "NewFiles", "check", "field_description", "field_table",
           "livereload_server", "new_content", "render_docs", "scaffold", "slugify", "update_docs"]
