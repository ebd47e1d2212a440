"""The look at the library begun as wellread starts (tui.look_ahead): begun for the
command lines of `list` and `search` only, of the folders the command will read, and
handed to the command only when they are those folders."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tui import data_folder, look_ahead
from tui.content import folders as folders_module
from tui.content import library_signature
from tui.content.folders import library_folders
from tui.content.library_signature import SETTLING_NS
from tui.data_folder import data_dir
from tui.library_places import library_places

SETTLED = time.time_ns() - 10 * SETTLING_NS


class FakeLook:
    """Stands for LookInChild: records the folders looked at and whether it was ended."""

    made: list[list[str]] = []
    ended: list[list[str]] = []

    def __init__(self, folders: list[str], by_name: bool = False) -> None:
        self.folders = folders
        self.by_name = by_name
        FakeLook.made.append(folders)

    def signature(self) -> str | None:
        FakeLook.ended.append(self.folders)
        return None


@pytest.fixture
def looks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> type[FakeLook]:
    monkeypatch.setattr(library_signature, "LookInChild", FakeLook)
    monkeypatch.setattr(look_ahead, "_begun", None)
    monkeypatch.setenv("WELLREAD_DATA", str(tmp_path / "data"))
    FakeLook.made, FakeLook.ended = [], []
    return FakeLook


def _strings(folders: list[Path]) -> list[str]:
    return [str(folder) for folder in folders]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    return folder


@pytest.mark.parametrize(
    "line",
    [
        ["list", "--library", "{root}"],
        ["--library", "{root}", "list"],
        ["search", "walking", "--library={root}"],
        ["--plain", "search", "--library", "{root}", "hip", "fracture"],
    ],
)
def test_a_list_or_search_line_begins_a_look_at_its_folders(
    looks: type[FakeLook], root: Path, line: list[str]
) -> None:
    look_ahead.begin([word.format(root=root) for word in line])
    expected = library_folders(root)
    assert looks.made == [_strings(expected)]
    # `list` compares the look with its cached rows, which are by name.
    by_name = "list" in line
    taken = look_ahead.take(expected, by_name)
    assert isinstance(taken, FakeLook) and taken.folders == _strings(expected)
    assert taken.by_name == by_name
    assert look_ahead.take(expected, by_name) is None  # handed over once
    assert looks.ended == []  # the command ends it, not take


def test_a_look_of_the_other_order_is_ended_not_handed_over(
    looks: type[FakeLook], root: Path
) -> None:
    look_ahead.begin(["search", "walking", "--library", str(root)])
    assert look_ahead.take(library_folders(root), by_name=True) is None
    assert looks.ended == [_strings(library_folders(root))]


def test_without_library_the_bundled_one_and_the_readers_own_are_looked_at(
    looks: type[FakeLook], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, root: Path
) -> None:
    (tmp_path / "data" / "library").mkdir(parents=True)
    monkeypatch.setenv("WELLREAD_LIBRARY", str(root))
    look_ahead.begin(["list"])
    monkeypatch.delenv("WELLREAD_LIBRARY")
    look_ahead.begin(["search", "walking"])
    assert looks.made[0] == _strings(library_folders(root))
    assert looks.made[1] == _strings(library_folders(None, tmp_path / "data" / "library"))
    assert len(looks.made[1]) == 4  # the bundled library, the reader's own, their cards


@pytest.mark.parametrize(
    "line",
    [
        ["check"],
        ["refs", "walking"],
        [],
        ["search", "--help"],
        ["--version"],
        ["list", "--library"],
        ["list", "--library", "{root}/not-there"],
        ["search", "--", "--library"],
    ],
)
def test_other_lines_begin_nothing(looks: type[FakeLook], root: Path, line: list[str]) -> None:
    look_ahead.begin([word.format(root=root) for word in line])
    assert looks.made == []
    assert look_ahead.take(library_folders(root)) is None


def test_a_look_at_other_folders_is_ended_not_handed_over(
    looks: type[FakeLook], root: Path, tmp_path: Path
) -> None:
    look_ahead.begin(["list", "--library", str(root)])
    other = library_folders(tmp_path)
    assert look_ahead.take(other) is None
    assert looks.ended == [_strings(library_folders(root))]


def test_a_second_list_from_the_command_line_reads_nothing_of_the_library(
    tmp_path: Path,
) -> None:
    root = tmp_path / "library"
    root.mkdir()
    for slug, title in (("hills", "Walking up hills"), ("poles", "Nordic walking")):
        page = root / f"{slug}.md"
        page.write_text(f"---\ntitle: {title}\n---\n\nWords.\n", encoding="utf-8")
        os.utime(page, ns=(SETTLED, SETTLED))
    # The library's modules are imported while the look runs (list_command._import_ahead),
    # so what tells is whether the library was listed, and whether any file was parsed.
    code = (
        "import sys\nfrom tui import launch, look_ahead\n"
        "import tui.content.library as library\n"
        "listed = []\nlisting = library.load_library\n"
        "library.load_library = lambda *a, **k: listed.append(1) or listing(*a, **k)\n"
        f"sys.argv = ['wellread', 'list', '--library', {str(root)!r}]\n"
        "code = launch.main()\n"
        "read = [m for m in ('tui.content.documents', 'yaml') if m in sys.modules]\n"
        "print(code, len(listed), read, look_ahead._begun, file=sys.stderr)"
    )
    env = {**os.environ, "WELLREAD_DATA": str(tmp_path / "data")}
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        )
        for _ in range(2)
    ]
    assert runs[0].stderr.strip().splitlines()[-1].startswith("0 1 ")  # the first lists it
    # The second gives the kept output: the library not listed, no file parsed (YAML
    # never imported), and the look begun at the start was taken by the command.
    assert runs[1].stderr.strip().splitlines()[-1] == "0 0 [] None"
    assert runs[0].stdout == runs[1].stdout == "poles\tNordic walking\nhills\tWalking up hills\n"


@pytest.mark.skipif(sys.platform != "linux", reason="the data folder is guessed on Linux")
def test_the_data_folder_is_found_where_platformdirs_finds_it(
    looks: type[FakeLook], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WELLREAD_DATA")
    shared = tmp_path / "shared"
    monkeypatch.setenv("XDG_DATA_HOME", str(shared))
    assert data_dir() == shared / "wellread"
    (shared / "wellread" / "library").mkdir(parents=True)
    look_ahead.begin(["list"])
    assert looks.made == [_strings(library_folders(*library_places(None)))]
    assert len(looks.made[0]) == 4


def test_the_names_of_the_settings_agree() -> None:
    assert look_ahead.LIBRARY_ENV == folders_module.LIBRARY_ENV
    assert look_ahead.DATA_ENV == data_folder.DATA_ENV


def test_nothing_before_the_fork_imports_pathlib_or_typing(tmp_path: Path) -> None:
    code = (
        "import sys, os\nfrom tui import look_ahead\n"
        "real = os.fork\n"
        "def fork():\n"
        "    print([m for m in ('pathlib', 'typing') if m in sys.modules], file=sys.stderr)\n"
        "    return real()\n"
        "os.fork = fork\n"
        f"look_ahead.begin(['list', '--library', {str(tmp_path)!r}])\n"
        "look_ahead._begun[1].signature()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=os.environ
    )
    assert done.stderr.strip().splitlines()[0] == "[]"
