"""`wellread list` keeps its output with the library's signature, and gives it again
without reading the library while no file changed; any change, or a kept file that is
not one wellread wrote for this signature, and the library is read again."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui import __version__, list_command
from tui.cli import main
from tui.content import folder_entries as folder_entries_module
from tui.content import folders as folders_module
from tui.content import library as library_module
from tui.content.entries import Entries
from tui.content.folder_scan import scan
from tui.content.folders import library_folders
from tui.content.library_signature import SETTLING_NS

SETTLED = time.time_ns() - 10 * SETTLING_NS  # old enough for a signature to be given
PAGE = "---\ntitle: {title}\nsummary: A page for the kept-list tests.\n---\n\nSome words.\n"


def _write(folder: Path, slug: str, title: str, when: int = SETTLED) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{slug}.md"
    path.write_text(PAGE.format(title=title), encoding="utf-8")
    os.utime(path, ns=(when, when))


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WELLREAD_DATA", str(tmp_path / "data"))
    folder = tmp_path / "library"
    _write(folder, "stairs", "Stairs at home")
    _write(folder, "balance", "Balance on one leg")
    _write(folder, "walking", "Walking for bone health")
    return folder


def _listed(root: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["list", "--library", str(root)]) == 0
    return capsys.readouterr().out


def _reads_counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    reads: list[int] = []
    real = library_module.load_library

    def counted(*args: object, **kwargs: object) -> object:
        reads.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(library_module, "load_library", counted)
    return reads


def _kept_file(tmp_path: Path, root: Path) -> Path:
    return list_command.kept_path(tmp_path / "data", library_folders(root))


def test_an_unchanged_library_is_listed_from_the_kept_output(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    reads = _reads_counted(monkeypatch)
    first = _listed(root, capsys)
    assert first == (
        "balance\tBalance on one leg\nstairs\tStairs at home\nwalking\tWalking for bone health\n"
    )
    assert reads == [1]
    assert _listed(root, capsys) == first
    assert reads == [1]  # the second list read no file of the library


def test_a_title_changed_in_place_is_listed_anew(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _listed(root, capsys)
    _write(root, "stairs", "Climbing stairs", when=SETTLED + 7)
    reads = _reads_counted(monkeypatch)
    out = _listed(root, capsys)
    assert "stairs\tClimbing stairs\n" in out and "Stairs at home" not in out
    assert reads == [1]
    assert _listed(root, capsys) == out and reads == [1]  # and that is kept in turn


def _listings_made(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    made: list[int] = []
    real = Entries.by_title_columns

    def counted(self: Entries) -> tuple[list[str], list[str], list[bool]]:
        made.append(1)
        return real(self)

    monkeypatch.setattr(Entries, "by_title_columns", counted)
    return made


def test_a_file_touched_or_its_body_edited_gives_the_kept_lines_again(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    os.utime(root, ns=(SETTLED, SETTLED))  # no file added since long ago: a snapshot kept
    first = _listed(root, capsys)
    made = _listings_made(monkeypatch)
    # The first listing read the files themselves, there being no snapshot of them to
    # take a digest of: a file touched then, and its lines are made again.
    os.utime(root / "balance.md", ns=(SETTLED + 4, SETTLED + 4))
    assert _listed(root, capsys) == first and made == [1]
    os.utime(root / "stairs.md", ns=(SETTLED + 5, SETTLED + 5))
    walking = root / "walking.md"
    walking.write_text(PAGE.format(title="Walking for bone health") + "More.\n", "utf-8")
    os.utime(walking, ns=(SETTLED + 6, SETTLED + 6))
    reads = _reads_counted(monkeypatch)
    assert _listed(root, capsys) == first
    assert reads == [1] and made == [1]  # the library read, its lines not made again
    # Kept under the new signature: the next list reads nothing at all.
    assert _listed(root, capsys) == first and reads == [1]
    # A title changed by its case alone, in the same order, is listed anew.
    _write(root, "stairs", "Stairs At Home", when=SETTLED + 8)
    assert "stairs\tStairs At Home\n" in _listed(root, capsys)
    assert made == [1, 1]


def test_a_file_added_or_taken_away_is_listed_anew(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _listed(root, capsys)
    _write(root, "rowing", "Rowing")
    assert "rowing\tRowing\n" in _listed(root, capsys)
    (root / "balance.md").unlink()
    assert "balance" not in _listed(root, capsys)


def test_a_file_too_new_to_tell_apart_keeps_nothing(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(root, "rowing", "Rowing", when=time.time_ns())  # written just now
    reads = _reads_counted(monkeypatch)
    assert "rowing\tRowing" in _listed(root, capsys)
    assert not _kept_file(tmp_path, root).exists()
    _listed(root, capsys)
    assert reads == [1, 1]


def test_the_readers_own_articles_are_listed_and_kept_as_theirs(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # No --library: the bundled library (here the test's) with the reader's own beside it.
    monkeypatch.setattr(folders_module, "bundled_library", lambda: root)
    _write(tmp_path / "data" / "library", "my-walks", "My walks")
    assert main(["list"]) == 0
    first = capsys.readouterr().out
    assert "my-walks\tMy walks\t(yours)\n" in first
    reads = _reads_counted(monkeypatch)
    assert main(["list"]) == 0
    assert capsys.readouterr().out == first and reads == []
    _write(tmp_path / "data" / "library", "my-walks", "My long walks", when=SETTLED + 3)
    assert main(["list"]) == 0
    assert "my-walks\tMy long walks\t(yours)\n" in capsys.readouterr().out


def test_a_kept_file_of_another_version_is_not_used(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _listed(root, capsys)
    monkeypatch.setattr(list_command, "__version__", "99.0")
    reads = _reads_counted(monkeypatch)
    assert _listed(root, capsys) == first
    assert reads == [1]
    assert " 99.0 " in _kept_file(tmp_path, root).read_text(encoding="utf-8").splitlines()[0]


def test_a_data_folder_that_cannot_be_written_still_lists(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the data folder should be", encoding="utf-8")
    monkeypatch.setenv("WELLREAD_DATA", str(blocked))
    out = _listed(root, capsys)
    assert out.startswith("balance\tBalance on one leg\n")
    assert _listed(root, capsys) == out


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=300))
def test_whatever_a_kept_file_holds_the_list_is_the_librarys(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], held: bytes
) -> None:
    expected = (
        "balance\tBalance on one leg\nstairs\tStairs at home\nwalking\tWalking for bone health\n"
    )
    kept = _kept_file(tmp_path, root)
    kept.parent.mkdir(parents=True, exist_ok=True)
    kept.write_bytes(held)
    assert _listed(root, capsys) == expected
    # The same bytes after a first line wellread wrote for an older signature, with
    # the digest of another listing or none.
    for digest in (b"0" * 34, b"-"):
        first = f"wellread list output 2 {__version__} ".encode()
        kept.write_bytes(first + b"0" * 40 + b" " + digest + b"\n" + held)
        assert _listed(root, capsys) == expected


def test_a_changed_library_is_listed_from_the_look_not_looked_at_again(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _listed(root, capsys)
    _write(root, "stairs", "Climbing stairs", when=SETTLED + 9)
    looks: list[Path] = []

    def counted_scan(folder: Path) -> list[tuple[str, int, int]]:
        looks.append(folder)
        return scan(folder)

    monkeypatch.setattr(folder_entries_module, "scan", counted_scan)
    out = _listed(root, capsys)
    assert out == (
        "balance\tBalance on one leg\nstairs\tClimbing stairs\nwalking\tWalking for bone health\n"
    )
    assert looks == []  # the listing took what the look saw
    # And what it listed was kept: a start from the list cache agrees.
    library = library_module.load_library(root)
    assert [title for _, title, _ in library.articles.by_title()] == [
        "Balance on one leg",
        "Climbing stairs",
        "Walking for bone health",
    ]
