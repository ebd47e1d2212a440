"""The linear mode's menus, one at a time, on a library the tests write."""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from linear_support import assert_plain, write_library

from tui.content import load_library
from tui.linear import LinearReader
from tui.render.document import render_document
from tui.state import StateStore


@pytest.fixture
def state(tmp_path: Path) -> Iterator[StateStore]:
    library = write_library(tmp_path / "library")
    store = StateStore(library.resolve(), tmp_path / "state.sqlite")
    yield store
    store.close()


def _session(state: StateStore, answers: str) -> str:
    library = load_library(Path(state.library))
    output = io.StringIO()
    reader = LinearReader(library, io.StringIO(answers), output, state, err=io.StringIO())
    assert reader.run() == 0
    text = output.getvalue()
    assert_plain(text)
    return text


def test_choices_are_said_once_and_h_says_them_again(state: StateStore) -> None:
    text = _session(state, "1\n\nh\nq\nq\n")
    choices = "In an article: Enter reads the next part;"
    assert text.count(choices) == 2  # on opening, and after h; not after Enter
    assert text.count("In the library: an article's number reads it") == 1


def test_reading_saves_the_place_as_the_full_screen_app_does(state: StateStore) -> None:
    _session(state, "1\n1\nq\nq\n")
    library = load_library(Path(state.library))
    outline = render_document(library.article("stairs")).outline
    saved = state.position("stairs")
    assert saved is not None
    following = next(entry for entry in outline if entry.number == "2")
    # Section 1 read: the place is the start of section 2, by its block and label.
    assert (saved.block, saved.offset, saved.section) == (following.block, 0, following.label)
    assert 0 < saved.percent < 100
    assert state.last_read() == saved


def test_bookmarks_delete_only_after_yes(state: StateStore) -> None:
    _session(state, "1\n2\nm\nrail\nq\nb\nd 1\nn\nd 1\ny\nq\n")
    assert state.bookmarks() == []
    text = _session(state, "b\nq\n")
    assert "No bookmarks yet." in text


def test_kept_after_no(state: StateStore) -> None:
    text = _session(state, "1\n2\nm\n\nq\nb\nd 1\nn\n\nq\n")
    assert "Delete bookmark 1, 2. Going down with care? Type y or n." in text
    assert "Kept." in text
    assert [mark.section for mark in state.bookmarks()] == ["2. Going down with care"]


def test_one_reference_and_where_it_is_cited(state: StateStore) -> None:
    text = _session(state, "1\nr\n1\n2\nq\nq\n")
    shown = text[text.index("Reference 1. Park S (2021)") :]
    assert "Cited in 2 places:" in shown
    assert "1. In 1. Why stairs help: Each step up lifts your whole weight [1]" in shown
    # The citation as the text reads it, with both of its references.
    assert "2. In 2. Going down with care: Coming down asks more of your balance than " in shown
    assert "than going up [1, 2]\n" in shown
    # The second place's number reads the part it is in.
    assert "Section 2: Going down with care\n\nComing down" in shown


def test_notes_are_reached_and_markers_stand_apart(state: StateStore) -> None:
    text = _session(state, "1\n1\nf\nq\nq\n")
    assert "to your own maximum [note 1]." in text
    assert "This part has note 1: f reads the notes." in text
    assert "[note 1] Your maximum is what you can do without pain or breathlessness." in text


def test_reading_path_shows_what_is_read_and_what_comes_next(state: StateStore) -> None:
    # Read every part of "Stairs as exercise", then look at the path.
    text = _session(state, "1\n\n\n\n\n\n\nq\np\n1\nq\n")
    assert 'Next in your path "Exercise at home": Standing tall. Type n to read it.' in text
    assert "1. Exercise at home (1 of 2 read). Two short reads." in text
    assert "1. Stairs as exercise: read\n2. Standing tall: not read yet" in text
    assert "c goes on with the path (Standing tall)" in text
    text = _session(state, "1\nn\nq\nq\n")
    assert "\nStanding tall\nIt has " in text


def test_every_exercise_card_is_listed_and_opens(state: StateStore) -> None:
    text = _session(state, "x\n1\nq\nq\n")
    assert "Exercise cards (1):\n1. Step taps. Balance, Low impact." in text
    assert "Exercise card: Step taps" in text
    assert "\nStop and get help if\n\nYou feel faint or dizzy, or you fall." in text


def test_a_locked_state_database_is_said_and_reading_goes_on(
    state: StateStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(*args: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(state, "save_position", locked)
    monkeypatch.setattr(state, "add_bookmark", locked)
    text = _session(state, "1\n1\nm\nnote\n2\nq\nq\n")
    assert "Could not save your place: database is locked." in text
    assert "Could not save the bookmark: database is locked." in text
    assert "Bookmarked" not in text
    assert "Section 2: Going down with care\n\nComing down" in text


# Answers a reader (or a stuck key, or a pasted file) might type anywhere.
ODD_ANSWERS = [
    "0",
    "-1",
    "99999999999999999999999",
    "1.1.1",
    "d",
    "d x",
    "d 99",
    "\x1b[2J",
    "\x00\x07",
    "\u202e1",
    "é" * 500,
    "   ",
    "?",
    "c",
    "n",
]


@pytest.mark.parametrize(
    "way_in", ["", "1\n", "1\ne\n", "1\nr\n", "b\n", "p\n", "x\n", "s\n", "1\ne\n1\n"]
)
def test_odd_answers_in_every_menu_never_break_the_session(state: StateStore, way_in: str) -> None:
    # A bookmark first, so the bookmark list has something to act on.
    _session(state, "1\nm\nmine\nq\nq\n")
    answers = way_in + "\n".join(ODD_ANSWERS) + "\n"
    text = _session(state, answers)
    assert text.rstrip().endswith("Goodbye.")
    assert "\x1b" not in text and "\x00" not in text and "\x07" not in text
    assert "\u202e" not in text
