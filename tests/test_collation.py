"""Titles in the order a reader looks for them: case and accents set aside."""

from __future__ import annotations

import os
import time
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tui.content import load_library
from tui.content.collation import title_key
from tui.content.library_signature import SETTLING_NS
from tui.content.listing import CACHE_NAME
from tui.content.listing_snapshot import MAGIC

SETTLED = time.time_ns() - 10 * SETTLING_NS


def test_accented_titles_sit_with_their_letters() -> None:
    titles = ["Zebra", "élan", "Elan", "apple", "Ångström units", "Eagle", "Éclair", "elana"]
    assert sorted(titles, key=title_key) == [
        "Ångström units",
        "apple",
        "Eagle",
        "Éclair",
        "Elan",
        "élan",
        "elana",
        "Zebra",
    ]


@given(st.lists(st.text(max_size=12), max_size=8))
def test_the_order_is_total_and_blind_to_case_alone(titles: list[str]) -> None:
    once = sorted(titles, key=title_key)
    assert sorted(once, key=title_key) == once
    for title in titles:
        assert title_key(title) == title_key(title.upper().casefold())


def _page(root: Path, slug: str, title: str) -> None:
    path = root / f"{slug}.md"
    path.write_text(f'---\ntitle: "{title}"\nsummary: "A test page."\n---\n\nWords.\n', "utf-8")
    os.utime(path, ns=(SETTLED, SETTLED))


def test_a_library_and_its_snapshot_list_accented_titles_in_place(tmp_path: Path) -> None:
    root = tmp_path / "library"
    root.mkdir()
    for slug, title in [("a", "Zebra crossings"), ("b", "Élan in walking"), ("c", "Easy steps"),
                        ("d", "ankle circles"), ("e", "Fall-proof homes")]:  # fmt: skip
        _page(root, slug, title)
    os.utime(root, ns=(SETTLED, SETTLED))
    expected = ["d", "c", "b", "e", "a"]
    assert load_library(root).article_order() == expected
    cache = tmp_path / CACHE_NAME
    assert load_library(root, cache=cache).article_order() == expected
    (snapshot,) = tmp_path.glob("*.snapshot")
    assert snapshot.read_bytes().startswith(MAGIC)
    assert load_library(root, cache=cache, trust=True).article_order() == expected


def test_a_snapshot_of_the_old_order_is_passed_over_and_written_again(tmp_path: Path) -> None:
    root = tmp_path / "library"
    root.mkdir()
    _page(root, "a", "Zebra crossings")
    _page(root, "b", "Élan in walking")
    os.utime(root, ns=(SETTLED, SETTLED))
    cache = tmp_path / CACHE_NAME
    load_library(root, cache=cache)
    (snapshot,) = tmp_path.glob("*.snapshot")
    data = snapshot.read_bytes()
    # As the version before wrote it: its own mark, and the code-point order (É after Z).
    old = b"wellread list snapshot 1\n"
    assert old != MAGIC
    snapshot.write_bytes(old + data[len(MAGIC) :])
    assert load_library(root, cache=cache, trust=True).article_order() == ["b", "a"]
    assert load_library(root, cache=cache).article_order() == ["b", "a"]
    assert snapshot.read_bytes().startswith(MAGIC)
