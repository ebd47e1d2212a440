"""An article line's strip is built as one strip: the same segments as cropping or
extending it to the text area with Textual, then the thumb."""

from __future__ import annotations

import pytest
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from tui.widgets.article_lines import _padded

BASE = Style(color="white")
THUMB = Segment("▐", Style(color="grey50"))


@pytest.mark.parametrize(
    "texts",
    [
        ["  ", "Walking ", "builds", " bone."],  # shorter: padded
        ["  ", "x" * 18],  # exactly the width
        ["  ", "Ståhle café — 骨密度 rises", " again and again"],  # wide cells, cropped
        ["  ", "骨" * 12],  # a wide character across the edge
        [],
    ],
)
def test_padded_is_textuals_crop_extend_and_the_thumb(texts: list[str]) -> None:
    width = 20
    segments = [Segment(text, BASE if i % 2 else Style(bold=True)) for i, text in enumerate(texts)]
    expected = Strip([*Strip(list(segments)).crop_extend(0, width, BASE), THUMB], width + 1)
    made = _padded(list(segments), width, BASE, THUMB)
    assert list(made) == list(expected)
    assert made.cell_length == width + 1
