"""A large index build shared with a forked child process holds what a build in one
process holds, row for row; a child that fails or stops part way leaves nothing
undone; the reader hears how it goes to the end."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from search_library import write_search_library

from tui.content import Library, load_library
from tui.content import search_build as build
from tui.content.forked import Child, fork_work
from tui.content.search import SearchIndex

TABLES = (
    "SELECT id, kind, slug, size, mtime FROM files ORDER BY id",
    "SELECT * FROM parts ORDER BY id",
    "SELECT * FROM forms ORDER BY word",
    "SELECT rowid, * FROM sections ORDER BY rowid",
)


def _library(folder: Path) -> Path:
    write_search_library(folder)
    for number in range(9):
        (folder / f"extra-{number}.md").write_text(
            f"---\ntitle: Extra {number}\nsummary: About stairs {number}.\n"
            f"references:\n  - id: r{number}\n    title: Stairs and hips {number}\n---\n"
            f"## Climbing\nStairs {number} build the legs [@r{number}].\n"
            "## Resting\nRest between the flights.\n",
            encoding="utf-8",
        )
    return folder


def _listed_twice(folder: Path) -> tuple[Library, Library]:
    """Two listings of *folder*, after which one of its files is gone: it cannot be
    indexed (counted as failed, and tried again next time)."""
    listed = load_library(folder), load_library(folder)
    (folder / "extra-4.md").unlink()
    return listed


def _contents(path: Path) -> list[list[tuple[object, ...]]]:
    db = sqlite3.connect(path)
    try:
        return [db.execute(query).fetchall() for query in TABLES]
    finally:
        db.close()


def _built(library: Library, path: Path) -> tuple[list[list[tuple[object, ...]]], list[int]]:
    """The tables of an index built of *library* at *path*, and the stats' counts."""
    index = SearchIndex(library, path)
    stats = index.update()
    index.close()
    return _contents(path), [stats.indexed, stats.failed, stats.unchanged, stats.removed]


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every build splits; the children forked are counted."""
    # Forked only from a process with one thread, as `wellread search` is; other tests
    # leave state writers (idle threads) behind in this one, which the child never uses.
    monkeypatch.setattr("tui.content.forked.threading.active_count", lambda: 1)
    monkeypatch.setattr(build, "SPLIT_AT", 2)
    monkeypatch.setattr(build, "cores", lambda: 2)  # a machine of one core would not split
    forked: list[int] = []

    def counted(work: Callable[[], bytes]) -> Child | None:
        child = fork_work(work)
        if child is not None:
            forked.append(child.pid)
        return child

    monkeypatch.setattr(build, "fork_work", counted)
    return forked


def test_two_processes_build_the_index_one_builds(tmp_path: Path, forks: list[int]) -> None:
    first, second = _listed_twice(_library(tmp_path / "library"))
    with pytest.MonkeyPatch.context() as serial:
        serial.setattr(build, "SPLIT_AT", 10_000)
        one, one_counts = _built(first, tmp_path / "one.sqlite")
    assert forks == []
    two, two_counts = _built(second, tmp_path / "two.sqlite")
    assert len(forks) == 1
    assert two == one
    assert two_counts == one_counts == [11, 1, 0, 0]  # 10 articles and a card; extra-4
    assert [row[2] for row in one[0] if row[3] is None] == ["extra-4"]


def test_a_child_that_fails_leaves_its_half_to_the_parent(
    tmp_path: Path, forks: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = _listed_twice(_library(tmp_path / "library"))
    with pytest.MonkeyPatch.context() as serial:
        serial.setattr(build, "SPLIT_AT", 10_000)
        one, _ = _built(first, tmp_path / "one.sqlite")
    real = build._child_work

    def fails_part_way(
        index: SearchIndex,
        keys: list[build.Key],
        ids: dict[build.Key, int],
        fresh: set[build.Key],
        forms: set[str],
        shared: build.Shared,
    ) -> bytes:
        real(index, keys[:2], ids, fresh, forms, shared)  # two documents, then it dies
        os._exit(3)

    monkeypatch.setattr(build, "_child_work", fails_part_way)
    two, counts = _built(second, tmp_path / "two.sqlite")
    assert len(forks) == 1
    assert two == one
    assert counts[:2] == [11, 1]


def test_progress_goes_on_to_the_whole(tmp_path: Path, forks: list[int]) -> None:
    index = SearchIndex(load_library(_library(tmp_path / "library")), tmp_path / "index.sqlite")
    told: list[tuple[int, int]] = []
    index.update(lambda done, total: told.append((done, total)))
    index.close()
    assert len(forks) == 1
    assert told[-1] == (12, 12)
    assert all(total == 12 for _, total in told)
    dones = [done for done, _ in told]
    assert dones == sorted(dones)
