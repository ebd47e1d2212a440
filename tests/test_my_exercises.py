"""My exercises: kept in the reading state, in the linear mode, on screen and on paper."""

from __future__ import annotations

import contextlib
import io
import sqlite3
from pathlib import Path

import pytest
from exercise_library import write_cards
from pilot_helpers import settle
from textual.app import App

from tui.cli import main
from tui.content import load_library
from tui.content.library import Library
from tui.linear import LinearReader
from tui.screens.my_exercises import ConfirmScreen, MyExercisesScreen
from tui.state import StateStore
from tui.widgets.line_list import LineList


@pytest.fixture
def cards(tmp_path: Path) -> Path:
    return write_cards(tmp_path / "lib")


def _store(root: Path, tmp_path: Path) -> StateStore:
    return StateStore(root.resolve(), tmp_path / "state.sqlite")


def test_kept_cards_survive_a_restart_and_keep_their_first_date(
    cards: Path, tmp_path: Path
) -> None:
    store = _store(cards, tmp_path)
    store.keep_exercise("toe-stand", "from my physical therapist", "10 times, twice a day")
    store.keep_exercise("stamp-walk", "", "")
    first = {m.slug: m for m in store.my_exercises()}
    store.keep_exercise("toe-stand", "changed note", "5 times")
    store.close()
    again = _store(cards, tmp_path)
    kept = {m.slug: m for m in again.my_exercises()}
    assert list(kept) == ["toe-stand", "stamp-walk"]  # in the order first kept
    assert kept["toe-stand"].note == "changed note"
    assert kept["toe-stand"].dose == "5 times"
    assert kept["toe-stand"].added == first["toe-stand"].added
    again.forget_exercise("toe-stand")
    assert [m.slug for m in again.my_exercises()] == ["stamp-walk"]
    again.close()
    with sqlite3.connect(tmp_path / "state.sqlite") as db:
        rows = db.execute("SELECT slug FROM my_exercises").fetchall()
    assert rows == [("stamp-walk",)]


def test_an_older_state_file_gains_the_table_without_losing_bookmarks(
    cards: Path, tmp_path: Path
) -> None:
    store = _store(cards, tmp_path)
    store.add_bookmark("toe-stand", 0, 0, "Overview", "mine")
    store.close()
    with sqlite3.connect(tmp_path / "state.sqlite") as db:
        db.execute("DROP TABLE my_exercises")
        db.execute("PRAGMA user_version = 2")
    again = _store(cards, tmp_path)
    assert [b.note for b in again.bookmarks()] == ["mine"]
    again.keep_exercise("toe-stand", "", "")
    assert [m.slug for m in again.my_exercises()] == ["toe-stand"]
    again.close()


def test_linear_keep_list_remove_and_handout(
    cards: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    (cards / "moving.md").write_text(
        "---\ntitle: Moving\nsummary: S.\nrelated_exercises: [sit-back, toe-stand, stamp-walk]\n"
        "references:\n  - {id: r1, title: A study, author: [{family: Lee}], "
        "issued: {date-parts: [[2020]]}}\n---\n## One\n\nText [@r1].\n",
        encoding="utf-8",
    )
    library = load_library(cards)
    store = _store(cards, tmp_path)
    answers = (
        "x\n1\nk\n8 stands\nfrom my physio\nq\n"  # open Sit back, keep it
        "y\nw\nd 1\ny\n\nq\n"  # list, handout, remove
    )
    out = io.StringIO()
    assert LinearReader(library, io.StringIO(answers), out, store, err=io.StringIO()).run() == 0
    text = out.getvalue()
    assert "Kept in My exercises." in text
    assert "My exercises (1):\n1. Sit back <b>&amp; rise</b>. Added " in text
    assert "   Dose for you: 8 stands.\n   Note: from my physio" in text
    assert "Wrote a handout of 1 card to " in text
    assert "Take sit-back off My exercises? Type y or n." in text
    assert store.my_exercises() == []
    written = list((tmp_path / "home").glob("wellread-handout-*.html"))
    assert len(written) == 1
    assert "from my physio" in written[0].read_text(encoding="utf-8")


def test_handout_mine_uses_the_kept_cards_with_their_notes(
    cards: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WELLREAD_DATA", str(tmp_path / "data"))
    store = StateStore(cards.resolve())
    store.keep_exercise("toe-stand", "at the kitchen counter", "10 rises")
    store.close()
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--library", str(cards), "handout", "--mine", "--format", "txt"])
    assert code == 0, err.getvalue()
    text = out.getvalue()
    assert "Exercise: Toe stand" in text
    assert "Dose for you: 10 rises" in text and "at the kitchen counter" in text
    assert "Stamp walk" not in text


class MineApp(App[None]):
    def __init__(self, library: Library, store: StateStore, folder: Path) -> None:
        super().__init__()
        self.library, self.store, self.folder = library, store, folder
        self.opened: list[str] = []

    def on_mount(self) -> None:
        self.push_screen(MyExercisesScreen(self.library, self.store, self.folder))

    def on_my_exercises_screen_open_card(self, event: MyExercisesScreen.OpenCard) -> None:
        self.opened.append(event.slug)


async def test_screen_lists_opens_asks_before_removing_and_writes_a_handout(
    cards: Path, tmp_path: Path
) -> None:
    store = _store(cards, tmp_path)
    store.keep_exercise("toe-stand", "from my physio", "10 rises")
    store.keep_exercise("stamp-walk", "", "")
    app = MineApp(load_library(cards), store, tmp_path / "out")
    async with app.run_test(size=(90, 30)) as pilot:
        await pilot.pause()
        mine = app.screen.query_one(LineList)
        assert [e.id for e in mine.entries] == ["card:toe-stand", "card:stamp-walk"]
        texts = [b.text for b in mine.entries[0].blocks]
        assert "Dose for you: 10 rises" in texts and "Note: from my physio" in texts
        await pilot.press("enter")
        assert app.opened == ["toe-stand"]
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert len(store.my_exercises()) == 2
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert [m.slug for m in store.my_exercises()] == ["stamp-walk"]
        await pilot.press("w")
        await settle(pilot)
        written = list((tmp_path / "out").glob("wellread-handout-*.html"))
        assert len(written) == 1
        await pilot.press("w")
        await settle(pilot)
        # A second handout never replaces the first.
        assert len(list((tmp_path / "out").glob("wellread-handout-*.html"))) == 2
