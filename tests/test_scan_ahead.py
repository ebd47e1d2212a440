"""A folder listed ahead in a forked child: the same listing as this process makes,
with the folder's time from before the child looked; nothing at all when the child
fails or none was begun."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.content import load_library, scan_ahead
from tui.content.folder_scan import scan
from tui.content.library_signature import SETTLING_NS

# Far enough in the past that no listing is held back as too new.
SETTLED = time.time_ns() - 10 * SETTLING_NS

PAGE = "---\ntitle: {}\nsummary: A page of the scan-ahead tests.\ntags: [t]\n---\nWords.\n"

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")


def _library(tmp_path: Path) -> Path:
    root = tmp_path / "library"
    root.mkdir()
    for number, title in enumerate(["Alpha", "Bravo", "Charlie"]):
        path = root / f"{title.lower()}.md"
        path.write_text(PAGE.format(title), encoding="utf-8")
        os.utime(path, ns=(SETTLED + number, SETTLED + number))
    os.utime(root, ns=(SETTLED, SETTLED))
    return root


@pytest.fixture(autouse=True)
def _forks(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # Pytest may run threads of its own: the children are what these tests are about.
    monkeypatch.setattr(scan_ahead, "can_fork", lambda: True)
    yield
    scan_ahead.forget()


@needs_fork
def test_the_childs_listing_is_the_one_made_here(tmp_path: Path) -> None:
    root = _library(tmp_path)
    (root / "inner.md").mkdir()  # not a regular file: -1, -1
    odd = os.fsdecode(b"caf\xe9 \xff.md")  # a name that is not UTF-8
    (root / odd).write_text(PAGE.format("Odd"), encoding="utf-8")
    scan_ahead.begin([root])
    before = os.stat(root).st_mtime_ns
    ahead = scan_ahead.take(root)
    assert ahead is not None
    assert ahead[0] == before
    assert ahead[1] == scan(root)
    assert (odd, len(PAGE.format("Odd")), os.stat(root / odd).st_mtime_ns) in ahead[1]
    assert ("inner.md", -1, -1) in ahead[1]
    # Taken once: a second take finds nothing begun.
    assert scan_ahead.take(root) is None


@needs_fork
def test_an_empty_folder_and_one_not_there(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    scan_ahead.begin([empty, tmp_path / "missing"])
    assert scan_ahead.take(empty) == (os.stat(empty).st_mtime_ns, [])
    assert scan_ahead.take(tmp_path / "missing") is None


@needs_fork
def test_a_child_that_fails_gives_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _library(tmp_path)
    parent = os.getpid()
    real = scan_ahead._answer

    def fails_in_the_child(folder: Path) -> bytes:
        if os.getpid() != parent:
            raise OSError("the child could not look")
        return real(folder)

    monkeypatch.setattr(scan_ahead, "_answer", fails_in_the_child)
    scan_ahead.begin([root])
    assert scan_ahead.take(root) is None
    # And the library is listed here instead, whole.
    assert set(load_library(root).articles) == {"alpha", "bravo", "charlie"}


def test_without_fork_nothing_is_begun(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _library(tmp_path)
    monkeypatch.setattr(scan_ahead, "can_fork", lambda: False)
    scan_ahead.begin([root])
    assert scan_ahead.take(root) is None


def test_a_file_added_after_the_look_ahead_is_not_taken_as_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _library(tmp_path)
    cache = tmp_path / "cache.sqlite"
    load_library(root, cache=cache)  # the cache holds the three pages
    # The listing ahead saw the folder as it was; a page is added after it looked.
    seen_before = (os.stat(root).st_mtime_ns, scan(root))
    added = root / "delta.md"
    added.write_text(PAGE.format("Delta"), encoding="utf-8")
    os.utime(added, ns=(SETTLED + 9, SETTLED + 9))
    os.utime(root, ns=(SETTLED + 9, SETTLED + 9))
    monkeypatch.setattr(scan_ahead, "take", lambda folder: seen_before if folder == root else None)
    listed = load_library(root, cache=cache)
    assert set(listed.articles) == {"alpha", "bravo", "charlie"}
    # The cache keeps the folder's time from before that look, so the next start, which
    # trusts a folder whose time is unchanged, looks again and finds the page.
    monkeypatch.setattr(scan_ahead, "take", lambda folder: None)
    trusted = load_library(root, cache=cache, trust=True)
    assert "delta" in trusted.articles
