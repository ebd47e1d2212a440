"""`wellread list` decodes the list cache's snapshot while its look at every file runs
(tui.content.listing.decode_ahead): what it prints is what a listing without any cache
prints, whatever changed in the library or happened to the snapshot file."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.cli import main
from tui.content import listing as listing_module
from tui.content import listing_snapshot
from tui.content.folders import library_folders
from tui.content.library_signature import SETTLING_NS
from tui.content.listing import CACHE_NAME, ListingCache, decode_ahead

OLD = time.time_ns() - 10 * SETTLING_NS  # settled: the folder's rows get a snapshot
PAGE = "---\ntitle: {title}\nsummary: Written by the decode-ahead tests.\n---\n\nWords.\n"
TITLES = {
    "stairs": "Stairs at home",
    "balance": "balance on one leg",
    "walking": "Walking for bone health",
    "eclair": "Éclairs and calcium",
    "rowing": "Rowing, seated",
}


@pytest.fixture(autouse=True)
def _data_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WELLREAD_DATA", "")  # whatever the tests set, put back after


def _write(root: Path, slug: str, title: str, when: int) -> None:
    path = root / f"{slug}.md"
    path.write_text(PAGE.format(title=title), encoding="utf-8")
    os.utime(path, ns=(when, when))
    os.utime(root, ns=(when, when))  # the folder settled too


def _library(tmp_path: Path) -> Path:
    root = tmp_path / "library"
    root.mkdir()
    for slug, title in TITLES.items():
        _write(root, slug, title, OLD)
    return root


def _list(root: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> str:
    os.environ["WELLREAD_DATA"] = str(data)  # put back by the autouse fixture below
    for kept in data.glob("list-output-*"):
        kept.unlink()  # the first list after a change: made again from the cache
    assert main(["list", "--library", str(root)]) == 0
    return capsys.readouterr().out


def _full(root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """The library listed from its files alone, with a data folder never used before."""
    fresh = tmp_path / f"fresh-{time.perf_counter_ns()}"
    return _list(root, fresh, capsys)


def _decodes_counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    counted: list[int] = []
    real = listing_snapshot.decode

    def decode(data: bytes, token: bytes, kind: str) -> object:
        counted.append(1)
        return real(data, token, kind)

    monkeypatch.setattr(listing_module, "decode", decode)
    return counted


def test_decoded_ahead_lists_as_the_files_do_through_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _library(tmp_path)
    data = tmp_path / "data"
    _list(root, data, capsys)
    _list(root, data, capsys)  # rows and the snapshot kept
    assert list(data.glob(f"{CACHE_NAME}-*.snapshot"))
    decodes = _decodes_counted(monkeypatch)
    out = _list(root, data, capsys)
    assert decodes == [1]  # decoded ahead, and that decoding used (not a second one)
    assert out.splitlines() == [
        "balance\tbalance on one leg",
        "eclair\tÉclairs and calcium",
        "rowing\tRowing, seated",
        "stairs\tStairs at home",
        "walking\tWalking for bone health",
    ]
    assert out == _full(root, tmp_path, capsys)
    _write(root, "stairs", "Climbing stairs", OLD + 5)  # changed in place
    assert _list(root, data, capsys) == _full(root, tmp_path, capsys)
    _write(root, "squats", "Squats, slowly", OLD + 9)  # added
    assert _list(root, data, capsys) == _full(root, tmp_path, capsys)
    (root / "walking.md").unlink()  # taken away
    os.utime(root, ns=(OLD + 11, OLD + 11))
    changed = _list(root, data, capsys)
    assert changed == _full(root, tmp_path, capsys)
    assert "walking" not in changed and "squats\tSquats, slowly\n" in changed
    assert "stairs\tClimbing stairs\n" in changed
    assert _list(root, data, capsys) == changed  # and from the snapshot written then


def test_columns_decoded_under_another_token_are_not_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _library(tmp_path)
    cache_path = tmp_path / "data" / CACHE_NAME
    os.environ["WELLREAD_DATA"] = str(tmp_path / "data")
    for _ in range(2):
        assert main(["list", "--library", str(root)]) == 0
    folders = library_folders(root)
    decode_ahead(cache_path, [(folders[0], "article")])
    with sqlite3.connect(cache_path) as db:  # the snapshot written again since
        db.execute("UPDATE snapshots SET token = ?", (b"x" * 16,))
    cache = ListingCache(cache_path)
    try:
        assert cache.snapshot(folders[0], "article") is None  # not the columns decoded
    finally:
        cache.close()
    assert listing_module._decoded_ahead == {}  # taken out as it was looked at


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(at=st.integers(min_value=0), junk=st.binary(min_size=1, max_size=64), cut=st.booleans())
def test_whatever_the_snapshot_holds_the_list_is_the_librarys(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], at: int, junk: bytes, cut: bool
) -> None:
    base = tmp_path / f"case-{time.perf_counter_ns()}"
    base.mkdir()
    root = _library(base)
    data = base / "data"
    _list(root, data, capsys)
    _list(root, data, capsys)
    expected = _full(root, base, capsys)
    (snapshot,) = data.glob(f"{CACHE_NAME}-*.snapshot")
    kept = snapshot.read_bytes()
    at %= len(kept)
    damaged = kept[:at] if cut else kept[:at] + junk + kept[at + len(junk) :]
    snapshot.write_bytes(damaged)
    assert _list(root, data, capsys) == expected
