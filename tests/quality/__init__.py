"""Quality gates on the publish build: HTML, links, accessibility, keyboard, Lighthouse,
strictness (CSP, self-contained), reproducibility. A package so that its conftest does not
shadow tests/conftest.py (both would otherwise be the module `conftest`)."""
