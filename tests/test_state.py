"""Reading state in SQLite: kept, transactional, shared safely, never silently lost."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import sqlite3
import threading
from pathlib import Path

import textual.constants

from tui.state import StateStore

LIBRARY = Path("/library")
HANG_LIMIT = 300.0  # seconds


def test_positions_bookmarks_and_visits_persist(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    store = StateStore(LIBRARY, path)
    assert store.message is None and store.enabled
    store.save_position("running", 40, 12, "4. Safety concerns", 57)
    store.save_position("walking", 3, 0, "Overview", 5)
    mark = store.add_bookmark("running", 40, 12, "4. Safety concerns", "ask my physio")
    before = dt.datetime.now(dt.UTC)
    store.record_visit("running")
    after = dt.datetime.now(dt.UTC)
    store.close()

    again = StateStore(LIBRARY, path)
    saved = again.position("running")
    assert saved is not None
    assert (saved.block, saved.offset, saved.section, saved.percent) == (
        40,
        12,
        "4. Safety concerns",
        57,
    )
    # Walking was saved last, so it is what "continue reading" offers.
    last = again.last_read()
    assert last is not None and last.slug == "walking"
    [bookmark] = again.bookmarks()
    assert (bookmark.id, bookmark.note, bookmark.block) == (mark, "ask my physio", 40)
    [(slug, when)] = again.visits()
    # The visit is dated when it was recorded, in UTC.
    assert slug == "running"
    assert before <= dt.datetime.fromisoformat(when) <= after
    again.delete_bookmark(mark)
    assert again.bookmarks() == []


def _state_threads() -> int:
    return sum(thread.name == "state" for thread in threading.enumerate())


def test_the_writer_thread_starts_at_the_first_write(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    threads = _state_threads()
    store = StateStore(LIBRARY, path)
    # Only read: no thread left waiting for the process to end.
    assert store.positions() == {} and store.bookmarks() == []
    assert _state_threads() == threads
    store.close()
    store = StateStore(LIBRARY, path)
    store.save_position("running", 4, 0, "Overview", 10)
    assert _state_threads() == threads + 1
    assert store.flush() and store.pending == 0
    store.close()
    assert _state_threads() == threads
    saved = StateStore(LIBRARY, path).position("running")
    assert saved is not None and saved.block == 4


def test_finished_articles_are_not_offered_to_continue(tmp_path: Path) -> None:
    store = StateStore(LIBRARY, tmp_path / "state.sqlite")
    store.save_position("done", 90, 0, "6. End", 100)
    assert store.last_read() is None
    store.save_position("half", 10, 0, "2. Middle", 50)
    last = store.last_read()
    assert last is not None and last.slug == "half"


def test_each_library_keeps_its_own_state(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    StateStore(Path("/one"), path).save_position("a", 1, 0, "1. A", 10)
    assert StateStore(Path("/two"), path).position("a") is None


def test_garbage_file_is_moved_aside_and_a_new_one_works(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    garbage = b"this is not a database at all \x00\x01\x02" * 200
    path.write_bytes(garbage)
    store = StateStore(LIBRARY, path)
    assert store.enabled
    assert store.message is not None and "could not be read" in store.message
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("state.sqlite.unreadable-")]
    assert len(kept) == 1 and kept[0].read_bytes() == garbage
    assert str(kept[0]) in store.message
    store.add_bookmark("running", 1, 0, "Overview", "new after the garbage")
    store.close()
    assert [b.note for b in StateStore(LIBRARY, path).bookmarks()] == ["new after the garbage"]


def test_unwritable_place_turns_state_off_with_a_message(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where a folder should be")
    store = StateStore(LIBRARY, blocker / "state.sqlite")
    assert not store.enabled
    assert store.message is not None and "Reading state is off" in store.message
    store.save_position("a", 1, 0, "x", 1)  # quietly does nothing
    assert store.position("a") is None


def _writer(path: str, name: str, count: int) -> None:
    store = StateStore(LIBRARY, Path(path))
    for number in range(count):
        store.add_bookmark(name, number, 0, "s", f"{name}-{number}")
        store.save_position(name, number, 0, "s", number % 100)
    store.close()


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    StateStore(LIBRARY, path).close()
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_writer, args=(str(path), name, 150)) for name in ("a", "b")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(HANG_LIMIT)  # only ends a test whose writer hangs; never waited out
        assert worker.exitcode == 0
    store = StateStore(LIBRARY, path)
    notes = {b.note for b in store.bookmarks()}
    assert notes == {f"{name}-{n}" for name in ("a", "b") for n in range(150)}
    position = store.position("a")
    assert position is not None and position.block == 149
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_the_suite_never_touches_the_user_s_places(_isolated_home: Path) -> None:
    """The test fixture puts every place wellread reads or writes under a fresh home,
    whatever the environment the tests were started in."""
    from tui.content.folders import LIBRARY_ENV
    from tui.settings import CONFIG_ENV, config_path
    from tui.state import DATA_ENV, data_dir

    for name in (LIBRARY_ENV, CONFIG_ENV, DATA_ENV, "NO_COLOR", "ACCESSIBLE"):
        assert name not in os.environ
    assert data_dir().is_relative_to(_isolated_home)
    # Textual read its variables before the tests began: read again without them.
    assert textual.constants.TEXTUAL_ANIMATIONS == "full"
    assert textual.constants.COLOR_SYSTEM == "auto"
    assert config_path().is_relative_to(_isolated_home)
