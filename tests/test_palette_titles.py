"""The palette's filter over one joined string of titles picks exactly what a pass over
the titles one by one picks, for any titles and anything typed."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.palette_entries import PREFIXES, SCORED_LIMIT, Titles, exact_matches, section_choices

# Titles are one line each (the cleaner takes newlines out of every title and label).
LINE = st.text(st.characters(blacklist_characters="\n"), max_size=12)
FEW_LETTERS = st.text("abo. \\*(", max_size=4)


def _holds_in_order(title: str, query: str) -> bool:
    letters = ".*?".join(re.escape(char) for char in query.lower() if char != "\n")
    return re.search(letters, title.lower(), re.DOTALL) is not None


@settings(max_examples=300, deadline=None)
@given(
    titles=st.lists(st.one_of(LINE, st.text("abo .", max_size=8)), max_size=40),
    names=st.none() | st.just("names"),
    query=st.one_of(FEW_LETTERS, LINE),
)
def test_joined_titles_choose_and_count_as_one_by_one(
    titles: list[str], names: str | None, query: str
) -> None:
    labels = [title[::-1] for title in titles] if names else None
    made = Titles(titles, labels)
    lowered = [title.lower() for title in titles]
    exact = exact_matches(
        lowered, query, PREFIXES, None if labels is None else [n.lower() for n in labels]
    )
    # Those holding what was typed, then those holding its letters in order: the first
    # SCORED_LIMIT, in the titles' order.
    holding = [i for i, title in enumerate(lowered) if query.lower() in title][:SCORED_LIMIT]
    letters = [i for i, t in enumerate(titles) if i not in holding and _holds_in_order(t, query)]
    chosen = (holding + letters)[:SCORED_LIMIT]
    assert section_choices(titles, query, SCORED_LIMIT, lowered) == chosen
    expected = chosen + [index for index in exact if index not in set(chosen)]
    assert made.choose(query) == (expected, exact)
    assert made.count(query) == sum(_holds_in_order(title, query) for title in titles)


def test_an_empty_query_or_no_titles() -> None:
    assert Titles([]).choose("a") == ([], [])
    assert Titles([]).count("a") == 0
    many = Titles([f"open {n}" for n in range(40)])
    assert many.choose("")[0] == list(range(SCORED_LIMIT))
    assert many.count("") == 40
