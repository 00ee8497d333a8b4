"""Production settings: pelicanconf.py plus the public address.

SITEURL comes from the environment so that any host works, including a sub-path
(e.g. SITEURL=https://example.org/usti). No trailing slash.
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", "https://icuk.github.io/usti-region").rstrip("/")
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
# A publish build never reuses a cache: what is published is built from scratch.
LOAD_CONTENT_CACHE = False
CACHE_CONTENT = False
