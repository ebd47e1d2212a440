"""The linear mode's percent read: the share of the article's text, not of its blocks."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.content import load_library
from tui.linear import LinearReader
from tui.render.document import render_document
from tui.render.progress import SeenText
from tui.state import StateStore

# One long paragraph up front, then a section of many one-word items and a short end:
# by blocks the overview is a small part of the article, by text nearly all of it.
LONG = " ".join(["Walking loads the hips a little with every step you take."] * 40)
ITEMS = "\n".join(f"- item{n}" for n in range(40))
ARTICLE = f"""\
---
title: Lopsided
summary: Much text first, many short items after.
tags: [test]
---
{LONG}

## Short items
{ITEMS}

## The end
Done.
"""


@pytest.fixture
def state(tmp_path: Path) -> Iterator[StateStore]:
    root = tmp_path / "library"
    root.mkdir()
    (root / "lopsided.md").write_text(ARTICLE, encoding="utf-8")
    store = StateStore(root.resolve(), tmp_path / "state.sqlite")
    yield store
    store.close()


def _read(state: StateStore, answers: str) -> int:
    library = load_library(Path(state.library))
    output = io.StringIO()
    reader = LinearReader(library, io.StringIO(answers), output, state, err=io.StringIO())
    assert reader.run() == 0
    saved = state.position("lopsided")
    assert saved is not None
    return saved.percent


def test_the_overview_read_counts_its_share_of_the_text(state: StateStore) -> None:
    # The overview holds ~2,400 of the ~2,900 characters (the paragraph, title, meta and
    # the disclaimer against 40 short items and "Done."): well over 70% of the text,
    # though only 5 of some 46 blocks.
    percent = _read(state, "1\n0\nq\nq\n")
    assert 70 <= percent < 100


def test_a_part_of_many_short_blocks_adds_little(state: StateStore) -> None:
    overview = _read(state, "1\n0\nq\nq\n")
    items = _read(state, "1\n1\nq\nq\n")
    # 40 items of ~6 characters: a few percent of the text, though most of the blocks.
    assert overview < items < overview + 15
    assert items < 100


def test_100_only_after_the_last_part(state: StateStore) -> None:
    assert _read(state, "1\n1\nq\nq\n") < 100
    assert _read(state, "1\n2\nq\nq\n") == 100


def test_the_full_screen_reader_reopens_at_the_same_share(state: StateStore) -> None:
    """The saved percent, marked as seen the way the app marks a place read before,
    covers the overview and stops short of the items."""
    percent = _read(state, "1\n0\nq\nq\n")
    library = load_library(Path(state.library))
    rendered = render_document(library.article("lopsided"))
    items = next(entry.block for entry in rendered.outline if entry.number == "1")
    seen = SeenText()
    seen.mark_prefix(rendered, percent)
    covered = seen._spans  # block -> seen character spans
    assert max(covered) < items + 1
    assert max(covered) >= items - 1
