"""Parsing a long body part by part gives exactly the blocks of parsing it whole, and
a preview's blocks are the start of the whole article's (content/cuts.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.content import markdown
from tui.content.cuts import block_cuts
from tui.content.markdown import ParsedBody, parse_body
from tui.content.model import Block
from tui.content.preview import preview_body

PATH = Path("x.md")
LINES = [
    "- item one",
    "- item [@x] two",
    "* star item",
    "+ plus item",
    "1. first",
    "2. second",
    "3) paren",
    "  indented continuation",
    "    four-space code",
    "",
    "",
    "A paragraph line with **bold** and a [link](http://a).",
    "lazy continuation",
    "## A section",
    "### A subsection",
    "#### Deep heading",
    "# Title-level",
    "```",
    "~~~~",
    "```python",
    "> a quote",
    "> - quoted item",
    "| a | b |",
    "|---|---|",
    "---",
    "***",
    "- - -",
    "===",
    "  - nested item",
    "-",
    "1.",
]
bodies = st.lists(st.sampled_from(LINES), min_size=1, max_size=60).map("\n".join)


@settings(max_examples=150, deadline=None, database=None)
@given(bodies)
def test_parts_parse_as_the_whole(body: str) -> None:
    whole = parse_body(PATH, body, 5)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(markdown, "PART_CHARS", 8)
        parts = parse_body(PATH, body, 5)
    assert parts.overview == whole.overview
    assert parts.sections == whole.sections
    assert parts.citations == whole.citations


def _all_blocks(parsed: ParsedBody) -> list[Block]:
    found = list(parsed.overview)
    for section in parsed.sections:
        found += section.blocks
        for sub in section.subsections:
            found += sub.blocks
    return found


@settings(max_examples=100, deadline=None, database=None)
@given(bodies, st.integers(min_value=1, max_value=200))
def test_a_preview_is_the_start_of_the_whole(body: str, limit: int) -> None:
    opening = preview_body(body, limit)
    if opening is None:
        return
    text, share = opening
    assert 0 < share < 1
    whole = parse_body(PATH, body, 1)
    start = parse_body(PATH, text, 1)
    whole_blocks = _all_blocks(whole)
    start_blocks = _all_blocks(start)
    # Every block but the last is whole; the last may be a list with fewer items.
    # (max: with no block at all, the slice must be empty, not "all but the last".)
    assert start_blocks[:-1] == whole_blocks[: max(0, len(start_blocks) - 1)]


def test_a_list_only_text_is_cut_between_items() -> None:
    body = "".join(f"- item {n}\n" for n in range(1000))
    cuts = list(block_cuts(body, 100))
    assert cuts and all(body[offset : offset + 2] == "- " for offset, _ in cuts)
    assert all(kind == "list" for _, kind in cuts)


def test_nothing_is_cut_inside_a_fence() -> None:
    body = "```\n" + "- not an item\n\n" * 200 + "```\nafter\n\nend\n"
    cuts = [offset for offset, _ in block_cuts(body, 1)]
    assert cuts == [body.index("after") - 0 + 0] or all(c > body.rindex("```") for c in cuts)


def test_no_preview_is_made_of_nothing_but_blank_lines() -> None:
    # Found by hypothesis: the first place to cut was the start of the first block.
    assert preview_body("\n#### Deep heading\n- item one", 1) is None
