"""Reading state and settings that cannot block, crash or be half-used, and article
text that is never read as markup in the dialogs."""

from __future__ import annotations

import html
import os
import sqlite3
import tomllib
from pathlib import Path

import pytest
from pilot_helpers import article_ready
from textual.widgets import Static

from tui.app import WellreadApp
from tui.content import load_library
from tui.screens.bookmarks import NoteScreen
from tui.screens.cited_in import CitedInScreen
from tui.screens.reader import ReaderScreen
from tui.settings import Settings, load_settings, save_settings
from tui.state import StateStore
from tui.widgets.article_view import ArticleView
from tui.widgets.outline import Outline
from tui.widgets.sidebar import ReferenceList

LIBRARY = Path("/library")
POSITIONS = (
    "CREATE TABLE positions (library TEXT NOT NULL, slug TEXT NOT NULL, block INTEGER NOT NULL,"
    " offset INTEGER NOT NULL, section TEXT NOT NULL, percent INTEGER NOT NULL,"
    " updated TEXT NOT NULL{extra}, PRIMARY KEY (library, slug));"
)


def _database(path: Path, script: str) -> Path:
    connection = sqlite3.connect(path)
    connection.executescript(script)
    connection.commit()
    connection.close()
    return path


# ---------------------------------------------------------------- state


def test_a_missing_column_is_added_and_the_bookmark_kept(tmp_path: Path) -> None:
    path = _database(
        tmp_path / "state.sqlite",
        "CREATE TABLE bookmarks (id INTEGER PRIMARY KEY, library TEXT NOT NULL, slug TEXT NOT"
        " NULL, block INTEGER NOT NULL, offset INTEGER NOT NULL, section TEXT NOT NULL,"
        " created TEXT NOT NULL);"
        "INSERT INTO bookmarks VALUES (7, '/library', 'alpha', 3, 1, '2. Two', '2026-01-01');",
    )
    store = StateStore(LIBRARY, path)
    assert store.message is not None and "missing column note" in store.message
    [kept] = store.bookmarks()
    assert (kept.id, kept.slug, kept.block, kept.note) == (7, "alpha", 3, "")
    # A new bookmark is written in the repaired table, not lost on `m`.
    new = store.add_bookmark("alpha", 5, 0, "3. Three", "mine")
    store.close()
    assert {b.id for b in StateStore(LIBRARY, path).bookmarks()} == {7, new}
    assert [p for p in tmp_path.iterdir() if ".before-repair-" in p.name]


def test_an_extra_not_null_column_does_not_stop_saving(tmp_path: Path) -> None:
    path = _database(
        tmp_path / "state.sqlite",
        POSITIONS.format(extra=", colour TEXT NOT NULL")
        + "INSERT INTO positions VALUES ('/library', 'a', 1, 0, 'x', 10, '2026', 'red');",
    )
    store = StateStore(LIBRARY, path)
    assert store.message is not None and "extra column colour" in store.message
    store.save_position("b", 2, 0, "y", 20)
    store.close()
    assert set(StateStore(LIBRARY, path).positions()) == {"a", "b"}


def test_text_where_a_number_belongs_is_left_out_and_said(tmp_path: Path) -> None:
    path = _database(
        tmp_path / "state.sqlite",
        POSITIONS.format(extra="")
        + "INSERT INTO positions VALUES ('/library', 'bad', 'abc', 0, 'x', 10, '2026');"
        + "INSERT INTO positions VALUES ('/library', 'good', 4, 0, 'y\x1b[2J', 10, '2026');",
    )
    store = StateStore(LIBRARY, path)
    assert store.message is not None and "wrong type" in store.message
    positions = store.positions()
    assert set(positions) == {"good"}
    assert "\x1b" not in positions["good"].section


def test_a_read_only_file_is_used_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "state.sqlite"
    first = StateStore(LIBRARY, path)
    first.save_position("alpha", 3, 0, "2. Two", 40)
    first.close()
    before = path.read_bytes()
    # The tests may run as root, who can write anything: the check is what is faked.
    monkeypatch.setattr("tui.state.os.access", lambda *_: False)
    store = StateStore(LIBRARY, path)
    assert store.read_only and store.enabled
    assert store.message is not None and "read-only" in store.message
    saved = store.position("alpha")
    assert saved is not None and saved.block == 3
    store.save_position("alpha", 9, 0, "4. Four", 80)
    mark = store.add_bookmark("alpha", 9, 0, "4. Four", "kept in memory")
    assert [b.id for b in store.bookmarks()] == [mark]
    moved = store.position("alpha")
    assert moved is not None and moved.block == 9
    store.close()
    assert path.read_bytes() == before
    assert path.exists() and not list(tmp_path.glob("*.unreadable-*"))


def test_a_state_path_that_is_a_folder_is_reported_not_moved(tmp_path: Path) -> None:
    folder = tmp_path / "state.sqlite"
    folder.mkdir()
    store = StateStore(LIBRARY, folder)
    assert not store.enabled
    assert store.message is not None and "is a folder" in store.message
    store.save_position("a", 1, 0, "x", 1)
    store.close()
    assert folder.is_dir() and sorted(p.name for p in tmp_path.iterdir()) == ["state.sqlite"]


def test_visits_are_one_row_per_article_and_bounded(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    store = StateStore(LIBRARY, path)
    for number in range(250):
        store.record_visit(f"a{number % 210}")
    store.close()
    again = StateStore(LIBRARY, path)
    rows = sqlite3.connect(path).execute("SELECT count(*) FROM visits").fetchone()[0]
    assert rows == 200
    newest = again.visits(limit=3)
    assert [slug for slug, _ in newest] == ["a39", "a38", "a37"]


def test_writes_wait_for_a_lock_and_are_kept_meanwhile(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    store = StateStore(LIBRARY, path)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    store.save_position("alpha", 5, 0, "3. Three", 50)
    mark = store.add_bookmark("alpha", 5, 0, "3. Three", "while locked")
    # Shown at once, from memory.
    saved = store.position("alpha")
    assert saved is not None and saved.block == 5
    assert [b.id for b in store.bookmarks()] == [mark]
    assert store.pending == 2
    other.execute("COMMIT")
    assert store.flush()
    assert store.pending == 0
    rows = sqlite3.connect(path).execute("SELECT note FROM bookmarks").fetchall()
    assert rows == [("while locked",)]
    store.close()


async def test_a_locked_state_file_never_holds_up_a_key(library_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    state = StateStore(library_dir.resolve(), path)
    app = WellreadApp(load_library(library_dir), open_slug="alpha", state=state)
    other = sqlite3.connect(path, isolation_level=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await article_ready(pilot)
        assert state.flush()
        other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
        outline = app.screen.query_one(Outline)
        before = outline.current
        await pilot.press("right_square_bracket")
        await pilot.pause()
        # The key was handled and the screen moved on while the lock is still held.
        assert outline.current == before + 1
        assert state.pending >= 1
        label = app.screen.rendered.outline[outline.current].label  # type: ignore[attr-defined]
        remembered = state.position("alpha")
        assert remembered is not None and remembered.section == label
        other.execute("COMMIT")  # the lock goes; the writer's next try succeeds
        assert state.flush()
    row = (
        sqlite3.connect(path)
        .execute("SELECT section FROM positions WHERE slug = 'alpha'")
        .fetchone()
    )
    assert row == (label,)


# ---------------------------------------------------------------- settings


@pytest.mark.parametrize("value", ["true", "0", "-5", '"wide"', "1000"])
def test_a_bad_reading_width_is_named_and_the_default_used(tmp_path: Path, value: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f'reading_width = {value}\ntheme = "ansi-dark"\n', encoding="utf-8")
    settings, message = load_settings(path)
    assert settings.reading_width == Settings().reading_width
    assert settings.theme == "ansi-dark"  # the rest still applies
    assert message is not None and "reading_width" in message
    assert path.exists()  # a bad value is not a broken file: nothing is moved


def test_a_settings_path_that_is_a_folder_is_reported_not_renamed(tmp_path: Path) -> None:
    folder = tmp_path / "config.toml"
    folder.mkdir()
    (folder / "inside").write_text("keep me", encoding="utf-8")
    settings, message = load_settings(folder)
    assert settings == Settings()
    assert message is not None and "is a folder" in message
    with pytest.raises(OSError):
        save_settings(Settings(theme="x"), folder)
    assert (folder / "inside").read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.toml"]


def test_a_setting_holding_a_newline_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    save_settings(Settings(theme='two\nlines "quoted" \\ back'), path)
    assert tomllib.loads(path.read_text(encoding="utf-8"))["theme"] == 'two\nlines "quoted" \\ back'
    assert load_settings(path)[0].theme == 'two\nlines "quoted" \\ back'


def test_search_works_when_the_data_folder_is_a_file(
    library_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.cli import main

    blocker = tmp_path / "data"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    monkeypatch.setenv("WELLREAD_DATA", str(blocker))
    assert main(["search", "bones", "--library", str(library_dir)]) in (0, 1)
    assert blocker.read_text(encoding="utf-8") == "a file, not a folder"


# ---------------------------------------------------------------- markup


def _markup_library(root: Path) -> Path:
    root.mkdir()
    (root / "markup.md").write_text(
        "---\ntitle: Markup\nsummary: S\nreferences:\n  - id: r1\n    title: A study\n"
        "    author: [{family: Lee}]\n    issued: {date-parts: [[2020]]}\n---\n"
        "## [@click=app.quit]Q[/]\n\nText that cites [@r1].\n\n## [/bold] end\n\nMore.\n",
        encoding="utf-8",
    )
    return root


def _screen_text(app: WellreadApp) -> str:
    return html.unescape(app.export_screenshot()).replace("\xa0", " ")


async def test_dialogs_show_headings_literally_and_clicks_do_nothing(tmp_path: Path) -> None:
    root = _markup_library(tmp_path / "library")
    state = StateStore(root.resolve(), tmp_path / "state.sqlite")
    app = WellreadApp(load_library(root), open_slug="markup", state=state)
    async with app.run_test(size=(120, 40)) as pilot:
        await article_ready(pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        reader.query_one(ArticleView).focus()
        # At the section with the hostile heading, so the dialog names it.
        await pilot.press("right_square_bracket", "m")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        assert "[@click=app.quit]Q[/]" in _screen_text(app)
        await pilot.click(Static)
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, NoteScreen)
        await pilot.press("escape")
        await pilot.pause()
        reader.post_message(ReferenceList.Selected("r1"))
        await pilot.pause()
        assert isinstance(app.screen, CitedInScreen)
        assert "Cited in 1. [@click=app.quit]Q[/]" in _screen_text(app)
        await pilot.click("#cited-in-title")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, CitedInScreen)


def test_hostile_state_leaves_no_stray_files(tmp_path: Path) -> None:
    StateStore(LIBRARY, tmp_path / "state.sqlite").close()
    assert sorted(os.listdir(tmp_path)) == ["state.sqlite"]
