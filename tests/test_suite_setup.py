"""How the suite itself runs (tests/conftest.py): two pytest-xdist workers, a file at a time, with
the files that share an expensive session fixture kept in one unit of work, and a test that would
make the browser crawl twice refused at collection."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

import conftest


def fake_item(path: str, *fixtures: str):
    return SimpleNamespace(nodeid=f"{path}::test_x", path=Path(path), fixturenames=["request", *fixtures])


def test_a_crawl_test_outside_the_crawl_files_is_refused():
    with pytest.raises(pytest.UsageError, match=r"add test_new\.py to SHARED\['crawl'\]"):
        conftest.pytest_collection_modifyitems(None, [fake_item("tests/quality/test_new.py", "crawl", "gate")])
    # in one of the crawl group's files, or without the crawl, nothing is said
    conftest.pytest_collection_modifyitems(None, [fake_item("tests/quality/test_strict.py", "crawl"),
                                                  fake_item("tests/quality/test_new.py", "published")])


def test_the_scheduler_keeps_each_shared_group_in_one_unit_and_every_other_file_in_its_own(request, monkeypatch):
    config = request.config
    monkeypatch.setattr(config, "getvalue", lambda name: {"dist": "loadfile", "tx": ["2*popen"]}[name])
    monkeypatch.setattr(config.option, "loadscopereorder", True, raising=False)
    scheduler = conftest.pytest_xdist_make_scheduler(config, None)
    scope = scheduler._split_scope
    crawl = {scope(f"tests/quality/{name}::test_x[a]") for name in conftest.SHARED["crawl"]}
    lighthouse = {scope(f"tests/quality/{name}::test_y") for name in conftest.SHARED["lighthouse"]}
    assert len(crawl) == 1 and len(lighthouse) == 1 and crawl != lighthouse
    assert scope("tests/test_news.py::test_a") == scope("tests/test_news.py::test_b[cs]")
    assert scope("tests/test_news.py::test_a") not in crawl | lighthouse | {scope("tests/test_site.py::test_a")}
    assert config.option.loadscopereorder is False  # collection order: tests/quality, the longest units, first


def test_other_distribution_modes_keep_xdists_own_scheduler(request, monkeypatch):
    monkeypatch.setattr(request.config, "getvalue", lambda name: {"dist": "load", "tx": ["2*popen"]}[name])
    assert conftest.pytest_xdist_make_scheduler(request.config, None) is None
