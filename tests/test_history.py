"""The way forward after going back: pure data, no screens."""

from __future__ import annotations

from tui.history import MOST_AHEAD, History, Place


def test_forward_returns_the_places_left_nearest_first() -> None:
    history = History()
    assert history.forward() is None
    history.left(Place("article", "gamma"))
    history.left(Place("search", "stairs", 3))
    assert history.forward() == Place("search", "stairs", 3)
    assert history.forward() == Place("article", "gamma")
    assert history.forward() is None


def test_a_new_step_forgets_the_way_forward() -> None:
    history = History()
    history.left(Place("help"))
    history.went_elsewhere()
    assert history.ahead == () and history.forward() is None


def test_only_the_nearest_places_are_kept() -> None:
    history = History()
    for n in range(MOST_AHEAD + 7):
        history.left(Place("card", f"c{n}"))
    assert len(history.ahead) == MOST_AHEAD
    # The last one left is the first one ahead; the oldest fell off.
    assert history.ahead[-1] == Place("card", f"c{MOST_AHEAD + 6}")
    assert history.ahead[0] == Place("card", "c7")
