"""Reading state: where the reader is in each article, bookmarks, and recent visits.

SQLite in the user data folder (`WELLREAD_DATA` overrides). Reads answer at once;
writes go to a queue that one writer thread empties, so a key press never waits on
the disk or on another wellread holding the lock. Until a write is done, what the
reader did is kept in memory and every read includes it; a locked database is
simply tried again. A file that is not a readable database is moved aside, one of
an unexpected shape is repaired (see state_schema), and a read-only one is used
read-only: reading state is never silently discarded.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import sqlite3
import threading
from collections import deque
from pathlib import Path

from tui.content.clean import clean_line, clean_name
from tui.data_folder import DATA_ENV as DATA_ENV
from tui.data_folder import data_dir as data_dir
from tui.state_schema import (
    Bookmark,
    Delete,
    Forget,
    MyExercise,
    SavedPosition,
    Visit,
    Write,
    bookmark_of,
    my_exercise_of,
    open_database,
    position_of,
    write_changes,
)

__all__ = ["Bookmark", "MyExercise", "SavedPosition", "StateStore", "data_dir"]

# How long one attempt waits on another wellread's lock. Short: the writer retries.
BUSY_TIMEOUT_MS = 100
# Between attempts on a locked database: from RETRY_FIRST, doubling, at most RETRY_MAX.
RETRY_FIRST, RETRY_MAX = 0.05, 1.0
# At close, how long to keep trying to write what is still waiting.
CLOSE_WAIT = 10.0


def _now() -> str:
    # Microseconds, so "most recent" is right even for saves within one second.
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


class StateStore:
    """One reader's state for one library folder."""

    def __init__(self, library_root: Path, path: Path | None = None) -> None:
        self.library = str(library_root)
        self.path = path or data_dir() / "state.sqlite"
        # Said to the reader once: the old file was set aside or repaired, or state is off.
        self.message: str | None = None
        # The last reason a write failed, other than a lock (a full disk, say).
        self.write_problem: str | None = None
        self.read_only = False
        self.attempts = 0  # write attempts that met a locked database, for tests
        self._connection: sqlite3.Connection | None = None
        self._read_lock = threading.Lock()
        # What the reader did that is not yet written, and the queue of writes.
        self._changes = threading.Condition()
        self._queue: deque[Write] = deque()
        self._positions: dict[str, SavedPosition] = {}
        self._marks: dict[int, Bookmark] = {}
        self._kept: dict[str, MyExercise | Forget] = {}
        self._deleted: set[int] = set()
        self._visits: dict[str, str] = {}
        self._wake = threading.Event()
        self._closing = False
        # Started at the first write: a reader who only reads (a command, a test, a
        # session that moves nowhere) has no thread waiting for the process to end.
        self._writer: threading.Thread | None = None
        self._open()

    # ------------------------------------------------------------ opening

    def _connect(self, read_only: bool) -> sqlite3.Connection:
        connection, repaired = open_database(self.path, read_only, BUSY_TIMEOUT_MS)
        if repaired is not None:
            self.message = repaired
        return connection

    def _open(self) -> None:
        if self.path.is_dir():
            # Never moved aside: a folder is not ours to move.
            self.message = f"Reading state is off: {self._where} is a folder, not a file."
            return
        exists = self.path.is_file()
        if exists and not os.access(self.path, os.W_OK):
            self._open_read_only()
            return
        try:
            self._connection = self._connect(read_only=False)
            return
        except sqlite3.OperationalError as error:
            if "locked" in str(error) or "busy" in str(error):
                self.message = "Reading state is off for now: another wellread is busy with it."
                return
            if exists and "readonly" in str(error).replace("-", "").replace(" ", ""):
                self._open_read_only()
                return
            problem = str(error)
        except sqlite3.DatabaseError as error:
            problem = str(error)
        except OSError as error:
            self.message = f"Reading state is off: cannot use {self._where} ({error.strerror})."
            return
        self._set_aside(problem)

    def _open_read_only(self) -> None:
        try:
            self._connection = self._connect(read_only=True)
        except (sqlite3.Error, OSError) as error:
            self.message = (
                f"Your reading state file {self._where} is read-only and could not be read "
                f"({error}); what you do now is kept until wellread closes."
            )
        else:
            self.message = (
                f"Your reading state file {self._where} is read-only: your places are shown, "
                "and what you change now is kept until wellread closes."
            )
        self.read_only = True

    def _set_aside(self, problem: str) -> None:
        aside = self.path.with_name(
            f"{self.path.name}.unreadable-{dt.datetime.now():%Y%m%d-%H%M%S}"
        )
        try:
            os.replace(self.path, aside)
        except OSError as error:
            self.message = (
                f"Reading state is off: {self._where} could not be read ({problem}) "
                f"or moved aside ({error.strerror})."
            )
            return
        self.message = (
            f"Your reading state file could not be read ({problem}). It was kept as "
            f"{clean_name(str(aside))}; a new one has been started."
        )
        try:
            self._connection = self._connect(read_only=False)
        except (sqlite3.Error, OSError) as error:
            self.message += f" The new one failed too ({error}); reading state is off."

    @property
    def _where(self) -> str:
        """The file's path as it may be shown (WELLREAD_DATA can hold anything)."""
        return clean_name(str(self.path))

    @property
    def enabled(self) -> bool:
        return self._connection is not None or self.read_only

    # ------------------------------------------------------------ writing

    def _put(self, change: Write) -> None:
        """Keep *change* in memory at once; queue it for the writer."""
        if not self.enabled:
            return
        with self._changes:
            if isinstance(change, SavedPosition):
                self._positions[change.slug] = change
            elif isinstance(change, Bookmark):
                self._marks[change.id] = change
            elif isinstance(change, Delete):
                if self._marks.pop(change.id, None) is not None and self.read_only:
                    return
                self._deleted.add(change.id)
            elif isinstance(change, MyExercise | Forget):
                self._kept[change.slug] = change
            else:
                self._visits[change.slug] = change.at
            if not self.read_only:
                self._queue.append(change)
                if self._writer is None and not self._closing:
                    self._writer = threading.Thread(
                        target=self._write_loop, name="state", daemon=True
                    )
                    self._writer.start()
                self._changes.notify_all()

    def _settle(self, batch: list[Write]) -> None:
        """Forget the in-memory copies of what is now written (unless changed since)."""
        for change in batch:
            self._queue.popleft()
            if isinstance(change, SavedPosition):
                if self._positions.get(change.slug) is change:
                    del self._positions[change.slug]
            elif isinstance(change, Bookmark):
                if self._marks.get(change.id) is change:
                    del self._marks[change.id]
            elif isinstance(change, Delete):
                self._deleted.discard(change.id)
            elif isinstance(change, MyExercise | Forget):
                if self._kept.get(change.slug) is change:
                    del self._kept[change.slug]
            elif self._visits.get(change.slug) == change.at:
                del self._visits[change.slug]

    def _write_loop(self) -> None:
        connection: sqlite3.Connection | None = None
        delay = RETRY_FIRST
        while True:
            with self._changes:
                while not self._queue and not self._closing:
                    self._changes.wait()
                if not self._queue:
                    break
                batch = list(self._queue)
            try:
                if connection is None:
                    connection = sqlite3.connect(
                        self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
                    )
                write_changes(connection, self.library, batch)
            except sqlite3.Error as error:
                # Locked by another wellread, or a full disk: keep it all, try again.
                self.attempts += 1
                if not isinstance(error, sqlite3.OperationalError) or "locked" not in str(error):
                    self.write_problem = str(error)
                if self._closing and self._give_up:
                    break
                self._wake.wait(delay)
                self._wake.clear()
                delay = min(delay * 2, RETRY_MAX)
                continue
            with self._changes:
                self._settle(batch)
                self._changes.notify_all()
            self.write_problem = None
            delay = RETRY_FIRST
        if connection is not None:
            connection.close()

    _give_up = False

    def flush(self, timeout: float = CLOSE_WAIT) -> bool:
        """Try the waiting writes now and wait for them; True when nothing is left."""
        with self._changes:
            if self._writer is None:
                return not self._queue
            self._wake.set()
            return self._changes.wait_for(lambda: not self._queue, timeout)

    @property
    def pending(self) -> int:
        """Writes not yet done."""
        with self._changes:
            return len(self._queue)

    def close(self) -> None:
        if self._writer is not None:
            self.flush(CLOSE_WAIT)
            with self._changes:
                self._closing = True
                self._give_up = True
                self._changes.notify_all()
            self._wake.set()
            self._writer.join(CLOSE_WAIT)
            self._writer = None
        with self._read_lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    # ------------------------------------------------------------ reading

    def _rows(self, query: str, params: tuple[object, ...]) -> list[tuple[object, ...]]:
        """Rows from the file; none when it cannot be read just now (locked, gone)."""
        with self._read_lock:
            if self._connection is None:
                return []
            try:
                return list(self._connection.execute(query, params))
            except sqlite3.Error:
                return []

    def _all_positions(self) -> dict[str, SavedPosition]:
        rows = self._rows(
            "SELECT slug, block, offset, section, percent, updated FROM positions "
            "WHERE library = ?",
            (self.library,),
        )
        found = {p.slug: p for p in map(position_of, rows) if p is not None}
        with self._changes:
            found.update(self._positions)
        return found

    def save_position(self, slug: str, block: int, offset: int, section: str, percent: int) -> None:
        self._put(SavedPosition(slug, block, offset, section, percent, _now()))

    def position(self, slug: str) -> SavedPosition | None:
        return self._all_positions().get(slug) if self.enabled else None

    def positions(self) -> dict[str, SavedPosition]:
        return self._all_positions() if self.enabled else {}

    def last_read(self) -> SavedPosition | None:
        """The article read most recently, if it was not finished."""
        unfinished = [p for p in self.positions().values() if p.percent < 100]
        return max(unfinished, key=lambda p: p.updated, default=None)

    # ------------------------------------------------------------ bookmarks

    def add_bookmark(self, slug: str, block: int, offset: int, section: str, note: str) -> int:
        """The new bookmark's id (chosen here, so it is known before it is written)."""
        if not self.enabled:
            return 0
        mark_id = secrets.randbits(53) or 1
        self._put(Bookmark(mark_id, slug, block, offset, section, note, _now()))
        return mark_id

    def bookmarks(self, slug: str | None = None) -> list[Bookmark]:
        query = (
            "SELECT id, slug, block, offset, section, note, created FROM bookmarks "
            "WHERE library = ?"
        )
        params: tuple[str, ...] = (self.library,)
        if slug is not None:
            query += " AND slug = ?"
            params += (slug,)
        found = {m.id: m for m in map(bookmark_of, self._rows(query, params)) if m is not None}
        with self._changes:
            found.update({i: m for i, m in self._marks.items() if slug in (None, m.slug)})
            for gone in self._deleted:
                found.pop(gone, None)
        return sorted(found.values(), key=lambda m: (m.created, m.id), reverse=True)

    def delete_bookmark(self, bookmark_id: int) -> None:
        self._put(Delete(bookmark_id))

    # ------------------------------------------------------------ visits

    def record_visit(self, slug: str) -> None:
        self._put(Visit(slug, _now()))

    def visits(self, limit: int = 50) -> list[tuple[str, str]]:
        """(slug, when) of the articles opened most recently, newest first, each once."""
        rows = self._rows(
            "SELECT slug, at FROM visits WHERE library = ? ORDER BY at DESC LIMIT ?",
            (self.library, limit),
        )
        found = {clean_line(slug): clean_line(at) for slug, at in rows}
        with self._changes:
            found.update(self._visits)
        return sorted(found.items(), key=lambda visit: visit[1], reverse=True)[:limit]

    # ------------------------------------------------------------ my exercises

    def my_exercises(self) -> list[MyExercise]:
        """The kept cards, in the order they were first kept."""
        rows = self._rows(
            "SELECT slug, note, dose, added FROM my_exercises WHERE library = ?", (self.library,)
        )
        found: dict[str, MyExercise] = {m.slug: m for m in map(my_exercise_of, rows)}
        with self._changes:
            for slug, change in self._kept.items():
                if isinstance(change, Forget):
                    found.pop(slug, None)
                else:
                    found[slug] = change
        return sorted(found.values(), key=lambda m: m.added)

    def keep_exercise(self, slug: str, note: str, dose: str) -> None:
        """Keep a card (again: its dose and note are replaced, its date kept)."""
        before = next((m for m in self.my_exercises() if m.slug == slug), None)
        added = before.added if before is not None else _now()
        self._put(MyExercise(slug, clean_line(note), clean_line(dose), added))

    def forget_exercise(self, slug: str) -> None:
        self._put(Forget(slug))
