"""Ctrl+C and the end of input end wellread with one plain line, never a traceback.

Each test waits for the text wellread prints before the key would be pressed (a
prompt, a progress line), never for a length of time.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
from pathlib import Path

from linear_support import assert_plain, environment, wellread, write_library

# Only a guard against a hung test; nothing here depends on how long anything takes.
GIVE_UP_SECONDS = 60


def _start(*args: str, data: Path) -> subprocess.Popen[bytes]:
    # A program started in the background by a shell without job control (as CI may
    # start pytest) ignores Ctrl+C, and so would wellread, inheriting that: it is
    # started as from a terminal, where Ctrl+C stops it.
    ignored = signal.getsignal(signal.SIGINT) == signal.SIG_IGN
    if ignored:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        return subprocess.Popen(
            [sys.executable, "-m", "tui", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environment(data),
        )
    finally:
        if ignored:
            signal.signal(signal.SIGINT, signal.SIG_IGN)


def _read_until(stream: int, marker: bytes) -> bytes:
    seen = b""
    while marker not in seen:
        ready, _, _ = select.select([stream], [], [], GIVE_UP_SECONDS)
        assert ready, f"wellread never printed {marker!r}; it printed {seen[-300:]!r}"
        chunk = os.read(stream, 4096)
        assert chunk, f"wellread ended before printing {marker!r}: {seen[-300:]!r}"
        seen += chunk
    return seen


def _interrupt(process: subprocess.Popen[bytes]) -> tuple[str, str]:
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=GIVE_UP_SECONDS)
    return out.decode(), err.decode()


def test_ctrl_c_in_the_linear_menu(tmp_path: Path) -> None:
    library = write_library(tmp_path / "library")
    process = _start("--plain", "--library", str(library), data=tmp_path / "data")
    assert process.stdout is not None
    _read_until(process.stdout.fileno(), b"(h for the choices).\n> ")
    out, err = _interrupt(process)
    assert process.returncode == 130
    assert "Traceback" not in out + err
    assert err.strip() == "wellread: stopped."
    assert_plain(out + err)


def test_ctrl_c_inside_an_article_at_the_bookmark_note(tmp_path: Path) -> None:
    library = write_library(tmp_path / "library")
    process = _start("--plain", "--library", str(library), data=tmp_path / "data")
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(b"1\n1\nm\n")
    process.stdin.flush()
    _read_until(process.stdout.fileno(), b"just Enter for none.\n> ")
    out, err = _interrupt(process)
    assert process.returncode == 130
    assert err.strip() == "wellread: stopped."
    assert "Bookmarked" not in out


def test_ctrl_c_while_search_prepares_its_index(tmp_path: Path) -> None:
    library = tmp_path / "big"
    library.mkdir()
    # Enough files that the search says it is preparing, and is still at it when
    # the signal comes (the test waits for that line, not for a time).
    for number in range(1500):
        (library / f"a{number:04}.md").write_text(
            f"---\ntitle: Article {number}\nsummary: s\n---\n## Part\nWords about bone {number}.\n",
            encoding="utf-8",
        )
    process = _start("search", "bone", "--library", str(library), data=tmp_path / "data")
    assert process.stderr is not None
    before = _read_until(process.stderr.fileno(), b"Preparing the search: 0 of").decode()
    out, err = _interrupt(process)
    assert process.returncode == 130
    assert "Traceback" not in before + err + out
    assert err.strip().splitlines()[-1] == "wellread: stopped."
    assert out == ""


def test_end_of_input_anywhere_ends_quietly(tmp_path: Path) -> None:
    library = write_library(tmp_path / "library")
    # Input ends at the library menu, inside an article, at a bookmark's note, in the
    # references, in a search, and at a yes/no question.
    for answers in ("", "1\n", "1\nm\n", "1\nr\n", "s\n", "1\nm\nnote\nb\nd 1\n"):
        result = wellread("--plain", "--library", str(library), data=tmp_path / "d", stdin=answers)
        assert result.returncode == 0, (answers, result.stderr)
        assert result.stderr == ""
        assert result.stdout.rstrip().endswith("Goodbye."), answers
