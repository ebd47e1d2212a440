"""The parts the article view is built from, without Textual: layout lookups, anchor
movement, progress, search matches and section jumps, on a document made here."""

from __future__ import annotations

from tui.content.section_label import section_label
from tui.render.anchors import anchor_near, find_anchor, next_anchor
from tui.render.blocks import Anchor, OutlineEntry, RenderedDocument, Span, TextBlock
from tui.render.find import Match
from tui.render.layout import Layout
from tui.render.position import AnchorRef, ReadingPosition
from tui.render.progress import SeenText, percent_read, section_index_at_top
from tui.widgets.article_jumps import SectionJump, SectionJumps
from tui.widgets.article_matches import MatchCursor

WORDS = "one two three four five six seven eight nine ten"


def _document() -> RenderedDocument:
    """Two sections: a heading and two ten-word paragraphs each; at width 10 a
    paragraph wraps as "one two / three four / five six / seven / eight nine / ten"."""
    blocks: list[TextBlock] = []
    outline: list[OutlineEntry] = []
    for number in (1, 2):
        outline.append(OutlineEntry(str(number), f"Part {number}", 2, len(blocks)))
        section_index = number - 1
        blocks.append(
            TextBlock(f"{number}. Part {number}", "h2", blank_before=1, section_index=section_index)
        )
        for _ in range(2):
            link = Anchor(4, 7, "link", ("https://example.org",))  # "two"
            note = Anchor(45, 48, "footnote", ("1",))  # "ten"
            body = Anchor(0, 0, "footnote-body", ("1",))  # only a place to jump to
            blocks.append(
                TextBlock(
                    WORDS,
                    anchors=[link, note, body],
                    blank_before=1,
                    section_index=section_index,
                )
            )
    return RenderedDocument(blocks, outline)


def _layout() -> Layout:
    layout = Layout(_document(), 10)
    layout.extend()
    return layout


def test_labels_number_sections_and_subsections_apart() -> None:
    assert section_label("2", "Impact", 2) == "2. Impact"
    assert section_label("2.1", "Hills", 3) == "2.1 Hills"
    assert section_label("", "Overview", 2) == "Overview"


def test_every_text_line_is_found_again_from_its_position() -> None:
    layout = _layout()
    # 2 headings + 4 paragraphs of 6 lines, with a blank line above every block but the first.
    assert len(layout.lines) == 2 + 4 * 6 + 5
    for y, line in enumerate(layout.lines):
        position = layout.position_at(y)
        assert position == ReadingPosition(line.block, line.start)
        if not line.blank:
            assert layout.line_for(position) == y
    # A character in the middle of a line is on that line: "eight" starts at offset 34.
    assert layout.lines[layout.line_for(ReadingPosition(1, 36))].start == 34


def test_a_blank_line_above_a_heading_belongs_to_the_section_before() -> None:
    layout = _layout()
    heading = layout.section_line(1)
    assert heading is not None and layout.lines[heading - 1].blank
    assert section_index_at_top(layout, heading - 1) == 0
    assert section_index_at_top(layout, heading) == 1


def test_percent_read_reaches_100_only_when_every_line_was_seen() -> None:
    layout = _layout()
    total = len(layout.lines)
    # One screen at the top: its share, less than all.
    assert 0 < percent_read(layout, 0, 5) < 100
    # The last screen alone is not the whole article.
    assert percent_read(layout, total - 5, 5) < 100
    seen = SeenText()
    for top in range(0, total, 5):
        seen.mark(layout, top, 5)
        if top + 5 < total:
            assert seen.percent(layout) < 100
    assert seen.percent(layout) == 100


def test_anchors_are_visited_in_reading_order_skipping_note_bodies() -> None:
    document = _document()
    ref = AnchorRef(1, 0)
    visited = [ref]
    while (following := next_anchor(document, visited[-1], 1)) is not None:
        visited.append(following)
    assert visited == [AnchorRef(b, i) for b in (1, 2, 4, 5) for i in (0, 1)]
    assert next_anchor(document, AnchorRef(4, 0), -1) == AnchorRef(2, 1)
    assert find_anchor(document, "footnote-body", "1") == AnchorRef(1, 2)


def test_the_anchor_near_a_line_is_found_in_the_direction_of_travel() -> None:
    layout = _layout()
    second_paragraph = layout.line_for(ReadingPosition(2, 0))
    # From the paragraph's first line going on: its link; from the line before going back:
    # the first paragraph's note, on its last line.
    assert anchor_near(layout, second_paragraph, 1) == AnchorRef(2, 0)
    assert anchor_near(layout, second_paragraph - 1, -1) == AnchorRef(1, 1)


def test_n_and_shift_n_go_round_the_matches() -> None:
    cursor = MatchCursor()
    cursor.set([Match(1, 0, 3), Match(2, 4, 7), Match(4, 8, 13)])
    # With none chosen, n goes to the first match from the reader's place, N to the one before.
    assert cursor.step_target(1, ReadingPosition(2, 0)) == 1
    assert cursor.step_target(-1, ReadingPosition(2, 0)) == 0
    assert cursor.select(5) == Match(4, 8, 13) and cursor.match_index == 2
    assert cursor.spans(4) == (Span(8, 13, "match-current"),)
    assert cursor.spans(1) == (Span(0, 3, "match"),)
    assert cursor.step_target(1, ReadingPosition(0, 0)) == 3  # select() wraps it to 0
    assert cursor.first_from(ReadingPosition(9, 0)) == 0


def test_a_section_jump_waits_for_its_heading_and_pins_the_section() -> None:
    layout = Layout(_document(), 10)
    jumps = SectionJumps()
    jumps.pending = SectionJump(1)
    assert jumps.target_line(layout, whole=False, end_line=0) is None  # not laid out yet
    layout.extend()
    line = jumps.target_line(layout, whole=True, end_line=0)
    assert line is not None and line == layout.section_line(1)
    # The end of the article keeps the heading from the top: the section is still 1.
    jumps.landed(line - 2, 0)
    assert jumps.pending is None and jumps.section_index(layout, line - 2) == 1
    assert jumps.section_index(layout, line - 3) == 0
    # [ from the middle of section 1 goes to its own heading first, then to section 0.
    assert jumps.previous_index(layout, 1, line + 3) == 1
    assert jumps.previous_index(layout, 1, line) == 0
