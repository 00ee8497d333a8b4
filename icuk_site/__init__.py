"""ICUK site: content model, Pelican plugin and build helpers."""
