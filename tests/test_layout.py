"""Wrapping: every word kept, in order, within the width, at any width."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.content import load_library
from tui.render.blocks import RenderedDocument
from tui.render.document import render_document
from tui.render.layout import KEPT_WRAP_CHARS, Layout, _wrap_words, wrap_hard, wrap_words


def _table_rows(document: RenderedDocument) -> set[int]:
    """Blocks of table rows: drawn as a grid where it fits (tests/test_tables.py)."""
    return {shape.first_block + row for shape in document.tables for row in range(len(shape.cells))}


def _text_of(layout: Layout) -> str:
    """The characters of every line but spaces (a word longer than a line is broken),
    tables left out."""
    parts: list[str] = []
    tables = _table_rows(layout.document)
    for line in layout.lines:
        if not line.blank and line.block not in tables:
            block = layout.document.blocks[line.block]
            parts += block.text[line.start : line.end].split()
    return "".join(parts)


def test_wrap_words_keeps_within_width() -> None:
    text = "one two three four five six seven eight nine ten"
    lines = [text[s:e] for s, e in wrap_words(text, 10)]
    assert lines == ["one two", "three four", "five six", "seven", "eight nine", "ten"]


def test_long_words_are_broken_not_overflowing() -> None:
    text = "a " + "x" * 25 + " b"
    lines = [text[s:e] for s, e in wrap_words(text, 10)]
    assert lines == ["a", "x" * 10, "x" * 10, "x" * 5 + " b"]


def test_hard_line_breaks_are_kept() -> None:
    text = "first line\nsecond"
    assert [text[s:e] for s, e in wrap_words(text, 40)] == ["first line", "second"]


def test_wide_characters_count_as_two_cells() -> None:
    text = "骨骨骨 骨骨"
    lines = [text[s:e] for s, e in wrap_words(text, 6)]
    assert lines == ["骨骨骨", "骨骨"]


def test_code_keeps_spaces() -> None:
    text = "    indented code that is long"
    assert [text[s:e] for s, e in wrap_hard(text, 12)] == ["    indented", " code that i", "s long"]


@pytest.mark.parametrize("width", [40, 80, 120])
def test_same_words_in_same_order_at_every_width(library_dir: Path, width: int) -> None:
    rendered = render_document(load_library(library_dir).article("gamma"))
    tables = _table_rows(rendered)
    expected = "".join(
        word
        for index, block in enumerate(rendered.blocks)
        if index not in tables
        for word in block.text.split()
    )
    layout = Layout(rendered, width)
    layout.extend()
    assert _text_of(layout) == expected
    for line in layout.lines:
        block = layout.document.blocks[line.block]
        used = block.indent + len(block.prefix) + (line.end - line.start)
        assert used <= max(width, block.indent + len(block.prefix) + 8)


def test_incremental_layout_equals_one_pass(library_dir: Path) -> None:
    rendered = render_document(load_library(library_dir).article("gamma"))
    whole = Layout(rendered, 60)
    whole.extend()
    stepwise = Layout(rendered, 60)
    while not stepwise.extend(3):
        pass
    assert stepwise.lines == whole.lines
    assert stepwise.block_lines == whole.block_lines


@settings(max_examples=150)
@given(
    st.text(alphabet=st.sampled_from("ab 骨\n-/é\t"), max_size=KEPT_WRAP_CHARS + 40),
    st.integers(min_value=1, max_value=30),
)
def test_kept_wraps_are_the_wraps_made_anew(text: str, width: int) -> None:
    # Short texts' wraps are kept and handed out again: the same lines as wrapping anew,
    # twice over, and a list the caller may change without changing the next answer.
    first = wrap_words(text, width)
    assert first == _wrap_words(text, width)
    first.append((-1, -1))
    assert wrap_words(text, width) == _wrap_words(text, width)
