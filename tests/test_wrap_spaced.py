"""Wrapping a line at a time gives the lines wrapping a word at a time gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.render.layout import _wrap_spaced, wrap_greedy, wrap_words

# Words, runs of spaces and line ends, in any order: what a paragraph of ASCII holds.
_PARTS = st.one_of(
    st.text(alphabet="abcxyz.,;/-()[]", min_size=1, max_size=14),
    st.sampled_from([" ", "  ", "   ", "\n", " \n ", "\n\n"]),
)


@settings(max_examples=400, deadline=None)
@given(parts=st.lists(_PARTS, max_size=40), width=st.integers(min_value=0, max_value=30))
def test_line_at_a_time_is_word_at_a_time(parts: list[str], width: int) -> None:
    text = "".join(parts)
    assert wrap_words(text, width) == wrap_greedy(text, width)


def test_examples_checked_by_hand() -> None:
    text = "Brisk walks  help. Stairs\ntoo"
    # "Brisk walks" is 11 cells: the two spaces after it are dropped at the break.
    assert _wrap_spaced(text, 11) == [(0, 11), (13, 18), (19, 25), (26, 29)]
    assert [text[a:b] for a, b in wrap_words(text, 12)] == ["Brisk walks", "help. Stairs", "too"]
    assert _wrap_spaced("", 5) == [(0, 0)]
    assert _wrap_spaced("a\n\nb", 5) == [(0, 1), (2, 2), (3, 4)]
    # A word longer than a line is left to the word-at-a-time wrap, which breaks it.
    assert _wrap_spaced("see https://example.org/a/b", 10) is None
    # "https://" breaks after its slashes, then "example.or" fills a line of 10.
    assert wrap_words("see https://example.org/a/b", 10) == [(0, 3), (4, 12), (12, 22), (22, 27)]
