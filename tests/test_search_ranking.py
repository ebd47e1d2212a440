"""Words found in most of the library are ranked by where they stand (title, heading,
anywhere) rather than by bm25 over every match; below the bound, bm25 as before."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.content import load_library, search_ranking
from tui.content import search as search_module
from tui.content.search import SearchIndex

PAGE = """---
title: {title}
summary: A page of the ranking tests.
tags: [t]
---
{opening}

## {heading}
{body}
"""

# slug: (title, opening, heading, body). "Rowing" stands in a title (c-title), in a
# heading (b-heading) and in the text (a-text, d-text); a-text comes first in the
# library's order, and says "rowing" most often.
PAGES = {
    "a-text": ("Daily habits", "Rowing, rowing and more rowing.", "More", "Rowing again."),
    "b-heading": ("Machines at the gym", "Some words.", "Rowing machines", "Plain text."),
    "c-title": ("Rowing for the back", "Some words.", "How", "Plain text."),
    "d-text": ("Water sports", "Words first.", "Boats", "A rowing boat."),
}
CARD = """---
title: A card of the ranking tests
summary: Rowing on a machine, one stroke at a time.
kind: exercise
tags: [t]
---
Sit tall. Rowing starts with the legs.
"""


@pytest.fixture
def index(tmp_path: Path) -> SearchIndex:
    root = tmp_path / "library"
    root.mkdir()
    for slug, (title, opening, heading, body) in PAGES.items():
        page = PAGE.format(title=title, opening=opening, heading=heading, body=body)
        (root / f"{slug}.md").write_text(page, encoding="utf-8")
    (root / "exercises").mkdir()
    (root / "exercises" / "row.md").write_text(CARD, encoding="utf-8")
    built = SearchIndex(load_library(root), tmp_path / "index.sqlite")
    built.update()
    return built


def _places(index: SearchIndex, query: str, limit: int = 50) -> list[tuple[str, str]]:
    return [(hit.slug, hit.heading) for hit in index.search(query, limit)]


def test_below_the_bound_every_match_is_ranked_by_bm25(index: SearchIndex) -> None:
    places = _places(index, "rowing")
    # bm25 with a title worth ten times the text puts the title's page first; every
    # place where the word stands is found once.
    assert places[0][0] == "c-title"
    assert len(places) == len(set(places)) == index.count("rowing")


def test_past_the_bound_titles_then_headings_then_the_rest(
    index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    everywhere = set(_places(index, "rowing"))
    monkeypatch.setattr(search_ranking, "RANKED_AT_MOST", 1)
    places = _places(index, "rowing")
    # Every place found, each once.
    assert set(places) == everywhere and len(places) == len(everywhere)
    # The title tier: the title is indexed with a page's opening part (its other parts
    # carry it as context, worth little), so c-title's opening alone.
    assert places[0][0] == "c-title"
    # Then the heading tier: the section under "Rowing machines".
    assert places[1] == ("b-heading", "1. Rowing machines")
    # Then the rest by the weight of their kind (articles' text above a card's) and the
    # library's order: a-text's two parts, c-title's section (by its context), d-text's
    # section, and the card last.
    assert [slug for slug, _ in places[2:]] == ["a-text", "a-text", "c-title", "d-text", "row"]


def test_past_the_bound_the_limit_holds_and_no_place_comes_twice(
    index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_ranking, "RANKED_AT_MOST", 0)
    everywhere = _places(index, "rowing")
    for limit in range(1, len(everywhere) + 2):
        places = _places(index, "rowing", limit)
        assert places == everywhere[:limit]


def test_a_small_tier_is_ranked_by_bm25_a_large_one_by_weight(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "library"
    root.mkdir()
    one_page = "---\ntitle: {}\nsummary: S.\ntags: [t]\n---\n{}\n"
    # First in order, the word once in a long title; then twice in a short one; then a
    # page with the word in its text only.
    (root / "e-long.md").write_text(
        one_page.format("Rowing and a great many other words in a long title", "Text."),
        encoding="utf-8",
    )
    (root / "f-short.md").write_text(one_page.format("Rowing, rowing", "Text."), "utf-8")
    (root / "g-text.md").write_text(one_page.format("Boats", "Rowing here."), "utf-8")
    index = SearchIndex(load_library(root), tmp_path / "index.sqlite")
    index.update()
    assert index.count("rowing") == 3
    # Bound 2: the query (3 matches) goes by tiers, and its title tier of 2 is ranked by
    # bm25: the short title saying it twice first.
    monkeypatch.setattr(search_ranking, "RANKED_AT_MOST", 2)
    assert [hit.slug for hit in index.search("rowing")] == ["f-short", "e-long", "g-text"]
    # Bound 1: the title tier too is past it, taken by weight (equal) and order.
    monkeypatch.setattr(search_ranking, "RANKED_AT_MOST", 1)
    assert [hit.slug for hit in index.search("rowing")] == ["e-long", "f-short", "g-text"]


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=40))
def test_any_query_past_the_bound_gives_places_that_match(index: SearchIndex, query: str) -> None:
    # Any text the reader types, in the tiered path: no error, nothing twice, and the
    # same places as bm25 finds (only their order may differ).
    ranked = _places(index, query)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_ranking, "RANKED_AT_MOST", 0)
        tiered = _places(index, query)
    assert len(tiered) == len(set(tiered))
    assert set(tiered) == set(ranked)


def test_matches_are_counted_only_as_far_as_the_bound(
    index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    every = index.count("rowing")
    assert every >= 4
    asked: list[str] = []  # the FTS5 query the search makes of "rowing" (stemmed)
    real = search_ranking._count

    def counted(db: sqlite3.Connection, fts: str) -> int:
        asked.append(fts)
        return real(db, fts)

    monkeypatch.setattr(search_ranking, "_count", counted)
    index.search("rowing", 50)
    monkeypatch.setattr(search_ranking, "_count", real)
    fts = asked[0]
    assert search_ranking._count(index.db, fts) == every  # below the bound: all of them
    monkeypatch.setattr(search_ranking, "RANKED_AT_MOST", 2)
    assert search_ranking._count(index.db, fts) == 3  # past it: one more than the bound


def test_a_mapped_index_answers_as_a_read_one(index: SearchIndex) -> None:
    before = _places(index, "rowing")
    index.read_mapped()
    # As much as asked for, or as much as this SQLite maps at most (2 GB less 64 KB).
    mapped = index.db.execute("PRAGMA mmap_size").fetchone()[0]
    assert 0 < mapped <= search_module.MAPPED_AT_MOST
    assert _places(index, "rowing") == before
