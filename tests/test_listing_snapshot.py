"""A folder's rows kept in one file (tui.content.listing_snapshot): what a library
lists from it is what it lists from the files, and a file of any other making is
passed over."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from library_seen import no_rows, seen

from tui.content import load_library
from tui.content.collation import title_key
from tui.content.library import Library
from tui.content.library_signature import SETTLING_NS
from tui.content.listing import CACHE_NAME, SCHEMA_VERSION, ListingCache
from tui.content.listing_snapshot import _HEADER, EXTRA, MAGIC, decode, encode

SETTLED = time.time_ns() - 10 * SETTLING_NS

PAGE = """---
title: "{title}"
summary: "{summary}"
tags: [{tag}, second tag]
related_articles: [alpha]
---

{words}
"""

PAGES = [
    ("bravo", "bravo steps", "Stairs, twice a day.", "legs", "Step by step."),
    ("alpha", "Zebra crossings", "Crossing roads: with care.", "roads", "Look both ways."),
    ("charlie", "Ankle circles", "Circles for stiff ankles.", "ankle", "Slowly, ten times."),
    ("delta", "ankle circles", "The same title, in lower case.", "ankle", "Ties keep names."),
    ("echo", "Élan: walking with ease", "Non-ASCII in a title — and a dash.", "walk", "Walk."),
]


def _library(root: Path) -> Path:
    root.mkdir(parents=True)
    for slug, title, summary, tag, words in PAGES:
        path = root / f"{slug}.md"
        text = PAGE.format(title=title, summary=summary, tag=tag, words=words)
        path.write_text(text, encoding="utf-8")
        os.utime(path, ns=(SETTLED, SETTLED))
    os.utime(root, ns=(SETTLED, SETTLED))
    return root


def test_a_settled_listing_is_kept_and_read_back_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _library(tmp_path / "library")
    cache = tmp_path / CACHE_NAME
    expected = seen(load_library(root))
    assert seen(load_library(root, cache=cache)) == expected
    assert len(list(tmp_path.glob("*.snapshot"))) == 1
    # Titles by order regardless of case and accents ("Élan" with the Es, as the
    # listing without a cache sorts it), equal titles by file name.
    assert expected[0] == ["charlie", "delta", "bravo", "echo", "alpha"]
    no_rows(monkeypatch)
    trusted = load_library(root, cache=cache, trust=True)
    assert trusted.trusted and seen(trusted) == expected
    full = load_library(root, cache=cache)
    assert not full.trusted and seen(full) == expected
    # Opening one still reads its file.
    assert load_library(root, cache=cache).article("alpha").word_count == 3


def test_a_file_edited_in_place_is_seen_and_kept_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _library(tmp_path / "library")
    cache = tmp_path / CACHE_NAME
    load_library(root, cache=cache)
    path = root / "alpha.md"
    path.write_text(PAGE.format(title="Aardvark", summary="S.", tag="t", words="W."), "utf-8")
    os.utime(path, ns=(SETTLED + 5, SETTLED + 5))
    os.utime(root, ns=(SETTLED, SETTLED))  # the folder as it was: only the file changed
    changed = load_library(root, cache=cache)
    assert changed.article_order()[0] == "alpha"
    assert changed.articles["alpha"].title == "Aardvark"
    assert seen(changed) == seen(load_library(root))
    no_rows(monkeypatch)  # kept again whole
    assert seen(load_library(root, cache=cache, trust=True)) == seen(load_library(root))


def test_rows_changed_by_anything_drop_the_snapshot(tmp_path: Path) -> None:
    root = _library(tmp_path / "library")
    cache = tmp_path / CACHE_NAME
    load_library(root, cache=cache)
    db = sqlite3.connect(cache)
    assert db.execute("SELECT count(*) FROM snapshots").fetchone()[0] == 1
    db.execute("UPDATE files SET title = 'Changed elsewhere' WHERE name = 'alpha.md'")
    db.commit()
    assert db.execute("SELECT count(*) FROM snapshots").fetchone()[0] == 0
    db.close()
    # The row says the changed title: a trusted start shows what the rows say.
    assert load_library(root, cache=cache, trust=True).articles["alpha"].title == (
        "Changed elsewhere"
    )


def test_a_cache_of_the_previous_version_is_made_anew_quietly(tmp_path: Path) -> None:
    root = _library(tmp_path / "library")
    cache = tmp_path / CACHE_NAME
    db = sqlite3.connect(cache)
    db.execute("CREATE TABLE files (folder TEXT NOT NULL, name TEXT NOT NULL)")
    db.execute("CREATE TABLE folders (folder TEXT PRIMARY KEY, mtime INTEGER)")
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    listing = ListingCache(cache)
    assert listing.message is None and listing.db is not None
    listing.close()
    assert not list(tmp_path.glob("*.set-aside"))
    assert sqlite3.connect(cache).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert seen(load_library(root, cache=cache)) == seen(load_library(root))


@pytest.fixture(scope="module")
def kept(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, bytes, object]:
    """A library, its cache with a snapshot, the snapshot's bytes, and what it lists."""
    base = tmp_path_factory.mktemp("kept")
    root = _library(base / "library")
    cache = base / CACHE_NAME
    load_library(root, cache=cache)
    (snapshot,) = base.glob("*.snapshot")
    return root, cache, snapshot.read_bytes(), seen(load_library(root))


def _start_with(kept: tuple[Path, Path, bytes, object], tmp: Path, data: bytes) -> Library:
    root, cache, _, _ = kept
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    shutil.copy(cache, tmp / CACHE_NAME)
    (snapshot,) = cache.parent.glob("*.snapshot")
    (tmp / snapshot.name).write_bytes(data)
    return load_library(root, cache=tmp / CACHE_NAME, trust=True)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=600))
def test_any_bytes_in_the_snapshot_file_list_the_files(
    kept: tuple[Path, Path, bytes, object], tmp_path: Path, data: bytes
) -> None:
    assert seen(_start_with(kept, tmp_path / "any", data)) == kept[3]


@settings(max_examples=80, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(at=st.integers(min_value=0), byte=st.integers(0, 255), cut=st.booleans())
def test_a_damaged_snapshot_is_passed_over(
    kept: tuple[Path, Path, bytes, object], tmp_path: Path, at: int, byte: int, cut: bool
) -> None:
    good = kept[2]
    at %= len(good)
    data = good[:at] if cut else good[:at] + bytes([byte]) + good[at + 1 :]
    assert seen(_start_with(kept, tmp_path / "damaged", data)) == kept[3]


_text = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\0"))
_number = st.integers(min_value=-(2**63), max_value=2**63 - 1)
_extra = st.one_of(st.none(), _text.filter(bool))
_row = st.tuples(_text, _number, _number, st.just("article"), _text, _text, _text, _text,
                 _number, _number, _text, _text, _extra)  # fmt: skip


@given(rows=st.lists(_row, max_size=8))
def test_rows_come_back_as_they_went(rows: list[tuple[object, ...]]) -> None:
    token = b"t" * 16
    data = encode(rows, token)
    assert data is not None
    columns = decode(data, token, "article")
    assert columns is not None and columns.rows() == rows
    assert columns.plain == all(row[EXTRA] is None for row in rows)
    titles = [str(row[5]) for row in rows]
    keys = [title_key(titles[i]) for i in columns.by_title]
    assert keys == sorted(title_key(t) for t in titles)
    assert decode(data, b"x" * 16, "article") is None  # not the token the table holds


def test_a_value_holding_a_nul_is_not_kept() -> None:
    row = ("a\0b.md", 1, 2, "article", "ab", "T", "S", "", 3, 4, "", "", None)
    assert encode([row], b"t" * 16) is None


@settings(max_examples=80, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(at=st.integers(min_value=0), byte=st.integers(0, 255))
def test_a_snapshot_of_other_making_never_fails_a_start(
    kept: tuple[Path, Path, bytes, object], tmp_path: Path, at: int, byte: int
) -> None:
    # Any byte changed and the checksum made to agree, as a deliberate writer would:
    # offsets, numbers and order that are not ours list something, never an error.
    good = kept[2]
    start = len(MAGIC) + _HEADER.size
    at = start + at % (len(good) - start)
    body = good[start:at] + bytes([byte]) + good[at + 1 :]
    token, count, _ = _HEADER.unpack_from(good, len(MAGIC))
    data = MAGIC + _HEADER.pack(token, count, zlib.crc32(body)) + body
    library = _start_with(kept, tmp_path / "other", data)
    order = library.article_order()
    assert len(order) <= 5
    for slug in order:
        assert library.articles[slug].slug == slug
    library.articles.texts(order)
    list(library.articles.files())
