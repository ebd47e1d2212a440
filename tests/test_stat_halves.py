"""A large folder's files looked at in two processes give the same answer as in one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fork_counting import counted_forks

from tui.content import stat_halves
from tui.content.stat_halves import FolderStats


def _folder(tmp_path: Path) -> tuple[Path, list[str]]:
    folder = tmp_path / "many"
    folder.mkdir()
    names = []
    for number in range(40):
        name = f"page{number:03d}.md"
        (folder / name).write_text("x" * number, encoding="utf-8")
        os.utime(folder / name, ns=(10**18 + number, 10**18 + number))
        names.append(name)
    (folder / "inner.md").mkdir()  # not a regular file: -1, -1
    names.append("inner.md")
    names.append("gone.md")  # listed, then removed before the look: -1, -1
    return folder, names


def _expected(folder: Path, names: list[str]) -> tuple[list[int], list[int]]:
    sizes, times = [], []
    for name in names:
        path = folder / name
        if path.is_file():
            sizes.append(path.stat().st_size)
            times.append(path.stat().st_mtime_ns)
        else:
            sizes.append(-1)
            times.append(-1)
    return sizes, times


def test_split_and_whole_looks_agree_with_each_file(tmp_path: Path) -> None:
    folder, names = _folder(tmp_path)
    expected = _expected(folder, names)
    assert expected[0][:3] == [0, 1, 2] and expected[0][-2:] == [-1, -1]
    whole = FolderStats(folder, names, split_at=10**9).result()
    split = FolderStats(folder, names, split_at=2).result()
    assert (list(whole[0]), list(whole[1])) == expected
    assert (list(split[0]), list(split[1])) == expected


def test_the_child_is_forked_only_from_a_single_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, names = _folder(tmp_path)
    if not hasattr(os, "fork"):
        assert FolderStats(folder, names, split_at=2)._child is None
        return
    forks = counted_forks(monkeypatch)
    monkeypatch.setattr("tui.content.forked.threading.active_count", lambda: 2)
    FolderStats(folder, names, split_at=2).result()
    assert forks == []
    monkeypatch.setattr("tui.content.forked.threading.active_count", lambda: 1)
    split = FolderStats(folder, names, split_at=2).result()
    assert forks == [1]
    assert (list(split[0]), list(split[1])) == _expected(folder, names)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")
def test_a_child_that_fails_leaves_the_answer_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, names = _folder(tmp_path)
    monkeypatch.setattr("tui.content.forked.threading.active_count", lambda: 1)
    # The child runs this instead: it leaves at once with an error and writes nothing.
    monkeypatch.setattr(stat_halves, "_stat_bytes", lambda *_: os._exit(3))
    stats = FolderStats(folder, names, split_at=2)
    assert stats._child is not None
    sizes, times = stats.result()
    assert (list(sizes), list(times)) == _expected(folder, names)
