"""A list row fitted to its width as one strip is the row Textual's crop_extend gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from tui.widgets.list_strips import fitted

STYLES = st.sampled_from([Style(), Style(bold=True), Style(color="red"), Style(italic=True)])
SEGMENTS = st.lists(
    st.builds(
        lambda text, style: Segment(text, style), st.text("ab 界é\u0301", max_size=8), STYLES
    ),
    max_size=6,
)


@given(SEGMENTS, st.integers(min_value=0, max_value=40), STYLES)
def test_a_fitted_row_is_the_cropped_and_extended_row(
    segments: list[Segment], width: int, style: Style
) -> None:
    expected = Strip(list(segments)).crop_extend(0, width, style)
    row = fitted(list(segments), width, style)
    assert list(row) == list(expected)
    assert row.cell_length == expected.cell_length == width
