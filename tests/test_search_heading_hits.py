"""A search hit in a heading whose section has no text of its own (only subsections):
its snippet is the opening of what follows the heading, never an empty line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.content import load_library
from tui.content.search import SearchHit, SearchIndex, split_snippet
from tui.content.search_units import section_parts, shown_parts
from tui.render.plain import search_hit_lines
from tui.screens.search import hit_entry

GARDEN = """\
---
title: Gardening as exercise
summary: Digging and carrying in the garden.
tags: [garden]
---
A garden asks for many kinds of movement.

## Why compost heaps matter
### Turning the heap
Forking compost works the arms and the back. Bend at the hips, not the waist.

Keep the fork close to your body.

### Carrying the bins
A full bin is heavy, so fill it half way.

## Weeding
Kneel on a pad rather than bending over the bed.
"""

SLUG = "garden"


@pytest.fixture
def index(tmp_path: Path) -> SearchIndex:
    root = tmp_path / "library"
    root.mkdir()
    (root / "garden.md").write_text(GARDEN, encoding="utf-8")
    built = SearchIndex(load_library(root), tmp_path / "index.sqlite")
    built.update()
    return built


def _shown(hit: SearchHit) -> str:
    return "".join(text for text, _ in split_snippet(hit.snippet))


def _marked(hit: SearchHit) -> list[str]:
    return [text for text, matched in split_snippet(hit.snippet) if matched]


def test_a_heading_only_section_shows_its_first_subsections_opening(tmp_path: Path) -> None:
    root = tmp_path / "library"
    root.mkdir()
    (root / "garden.md").write_text(GARDEN, encoding="utf-8")
    article = load_library(root).article(SLUG)
    parts = {entry: (heading, text, shown) for entry, heading, text, shown in shown_parts(article)}
    heading, text, shown = parts[1]
    assert heading == "1. Why compost heaps matter"
    assert text == ""  # nothing of its own is searched ...
    # ... but what follows its heading is shown: the first paragraph of 1.1.
    assert shown == "Forking compost works the arms and the back. Bend at the hips, not the waist."
    # Every other part shows what it searches.
    assert all(text == shown for entry, (_, text, shown) in parts.items() if entry != 1)
    # section_parts (what the index searches) is unchanged by the lead.
    assert [t for _, _, t in section_parts(article)] == [text for _, text, _ in parts.values()]


def test_the_hit_in_the_heading_has_a_sentence_for_a_snippet(index: SearchIndex) -> None:
    [hit] = [h for h in index.search("heaps") if h.entry == 1]
    assert hit.heading == "1. Why compost heaps matter"
    assert _shown(hit).startswith("Forking compost works the arms and the back.")
    # A word of the query that the sentence holds is marked there.
    [both] = [h for h in index.search("compost heaps") if h.entry == 1]
    assert _marked(both) == ["compost"]


def test_the_lead_is_not_searched_under_the_parent_heading(index: SearchIndex) -> None:
    # "Forking" is in 1.1 only: the parent section is no second hit for it.
    assert [hit.heading for hit in index.search("forking")] == ["1.1 Turning the heap"]


def test_the_search_screen_and_the_command_line_show_the_sentence(index: SearchIndex) -> None:
    [hit] = [h for h in index.search("heaps") if h.entry == 1]
    entry = hit_entry(0, hit)
    assert [block.text for block in entry.blocks] == [
        "Gardening as exercise: 1. Why compost heaps matter",
        _shown(hit),
    ]
    lines = search_hit_lines(1, hit)
    assert lines[1].strip() == _shown(hit)
    assert lines[2].strip() == f"wellread open {SLUG}"


def test_a_hit_with_nothing_to_show_takes_no_blank_line() -> None:
    # As an index built before the lead was stored still answers.
    hit = SearchHit("article", SLUG, "Gardening as exercise", 1, "1. Why compost", "", "x")
    entry = hit_entry(0, hit)
    assert [block.text for block in entry.blocks] == ["Gardening as exercise: 1. Why compost"]
    assert search_hit_lines(1, hit) == [
        "1. Gardening as exercise (article): 1. Why compost",
        f"   wellread open {SLUG}",
    ]
