"""The second search's look at the library, taken in a forked process, gives the
signature a look in this process gives, and falls back to one when it cannot fork or
the child fails."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from fork_counting import counted_forks

from tui.content import library_signature as signature_module
from tui.content.folder_scan import listed_markdown_names, markdown_names, scan
from tui.content.library_signature import (
    SETTLING_NS,
    LibraryLook,
    LookInChild,
    library_signature,
    signature_of,
)

# Far enough in the past that no signature is held back as too new.
SETTLED = time.time_ns() - 10 * SETTLING_NS


def _folders(tmp_path: Path) -> list[Path]:
    root = tmp_path / "library"
    (root / "exercises").mkdir(parents=True)
    for number in range(12):
        path = root / f"page{number:02d}.md"
        path.write_text(f"# Page {number}\n" + "words " * number, encoding="utf-8")
        os.utime(path, ns=(SETTLED + number, SETTLED + number))
    card = root / "exercises" / "card.md"
    card.write_text("# A card\n", encoding="utf-8")
    os.utime(card, ns=(SETTLED, SETTLED))
    # A folder that is not there: named in the signature as missing.
    return [root, root / "exercises", tmp_path / "mine"]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")
def test_the_childs_signature_is_the_one_taken_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folders = _folders(tmp_path)
    here = library_signature(folders)
    assert here is not None and len(here) == 40
    forks = counted_forks(monkeypatch)
    monkeypatch.setattr(signature_module, "can_fork", lambda: True)
    look = LookInChild(folders)
    assert forks == [1]
    assert look.signature() == here
    # A change is seen by the child too.
    page = folders[0] / "page03.md"
    page.write_text(page.read_text(encoding="utf-8").upper(), encoding="utf-8")  # same size
    os.utime(page, ns=(SETTLED + 99, SETTLED + 99))
    changed = LookInChild(folders).signature()
    assert changed is not None and changed != here
    assert changed == library_signature(folders)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")
def test_the_child_says_so_when_no_signature_can_be_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folders = _folders(tmp_path)
    os.utime(folders[0] / "page01.md")  # written just now: too new to be told apart
    monkeypatch.setattr(signature_module, "can_fork", lambda: True)
    assert LookInChild(folders).signature() is None


def test_without_fork_the_look_is_taken_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folders = _folders(tmp_path)
    forks = counted_forks(monkeypatch) if hasattr(os, "fork") else []
    # A process with other threads (or a system without fork) must not fork.
    monkeypatch.setattr(signature_module, "can_fork", lambda: False)
    look = LookInChild(folders)
    assert forks == []
    assert look.signature() == library_signature(folders)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")
def test_a_child_that_fails_leaves_the_answer_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folders = _folders(tmp_path)
    expected = library_signature(folders)
    parent = os.getpid()
    real = signature_module.library_signature

    def fails_in_the_child(looked_at: list[Path]) -> str | None:
        if os.getpid() != parent:
            raise OSError("the child could not look")
        return real(looked_at)

    monkeypatch.setattr(signature_module, "library_signature", fails_in_the_child)
    monkeypatch.setattr(signature_module, "can_fork", lambda: True)
    look = LookInChild(folders)
    assert look._child is not None
    assert look.signature() == expected


def test_the_look_takes_the_same_names_as_the_listing(tmp_path: Path) -> None:
    root = _folders(tmp_path)[0]
    for name in (".hidden.md", "_draft.md", "README.md", "readme.MD", "notes.txt"):
        (root / name).write_text("# Not an article\n", encoding="utf-8")
    listed = listed_markdown_names(root)
    assert sorted(listed) == markdown_names(root) == [f"page{n:02d}.md" for n in range(12)]


@pytest.mark.parametrize("by_name", [True, False])
@pytest.mark.parametrize("forking", [True, False])
def test_what_the_look_saw_is_what_the_listing_would_see(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forking: bool, by_name: bool
) -> None:
    if forking and not hasattr(os, "fork"):
        pytest.skip("no fork on this system")
    folders = _folders(tmp_path)
    monkeypatch.setattr(signature_module, "can_fork", lambda: forking)
    look = LookInChild(folders, by_name=by_name)
    signature = look.signature()
    assert signature is not None
    assert signature == signature_of(LibraryLook(folders, by_name).looks())
    scans = look.scans()
    if by_name:  # the names as the cached rows have them
        assert all(s.names == sorted(s.names) for s in scans.values())
    # The folders there, each with its time before the look and its files by name;
    # the folder not there is not among them.
    assert sorted(scans) == sorted(folders[:2])
    for folder in folders[:2]:
        assert scans[folder].before == os.stat(folder).st_mtime_ns
        assert scans[folder].scanned() == scan(folder)
