"""Reading state: where the reader is in each article, bookmarks, and visits.

SQLite in the user data folder (`WELLREAD_DATA` overrides). Every write is one
transaction, and SQLite's locking keeps two wellread processes from corrupting it.
A file that is not a readable database is moved aside, with a message for the
reader, and a new one is started: reading state is never silently discarded.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import platformdirs

DATA_ENV = "WELLREAD_DATA"
SCHEMA_VERSION = 1
# Another wellread writing at the same moment: wait for it rather than fail.
BUSY_TIMEOUT_MS = 5000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS positions (
    library TEXT NOT NULL,
    slug TEXT NOT NULL,
    block INTEGER NOT NULL,
    offset INTEGER NOT NULL,
    section TEXT NOT NULL,
    percent INTEGER NOT NULL,
    updated TEXT NOT NULL,
    PRIMARY KEY (library, slug)
);
CREATE TABLE IF NOT EXISTS bookmarks (
    id INTEGER PRIMARY KEY,
    library TEXT NOT NULL,
    slug TEXT NOT NULL,
    block INTEGER NOT NULL,
    offset INTEGER NOT NULL,
    section TEXT NOT NULL,
    note TEXT NOT NULL,
    created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS visits (
    id INTEGER PRIMARY KEY,
    library TEXT NOT NULL,
    slug TEXT NOT NULL,
    at TEXT NOT NULL
);
"""


def data_dir() -> Path:
    configured = os.environ.get(DATA_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    return platformdirs.user_data_path("wellread")


def _now() -> str:
    # Microseconds, so "most recent" is right even for saves within one second.
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True)
class SavedPosition:
    slug: str
    block: int
    offset: int
    section: str  # the outline label, for "Continue reading: ... (Section 4)"
    percent: int
    updated: str


@dataclass(frozen=True)
class Bookmark:
    id: int
    slug: str
    block: int
    offset: int
    section: str
    note: str
    created: str


class StateStore:
    """One reader's state for one library folder."""

    def __init__(self, library_root: Path, path: Path | None = None) -> None:
        self.library = str(library_root)
        self.path = path or data_dir() / "state.sqlite"
        # Said to the reader once: the old file was set aside, or state is off.
        self.message: str | None = None
        self._connection: sqlite3.Connection | None = None
        self._open()

    # ------------------------------------------------------------ opening

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(
            self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
        )
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            connection.close()
            raise sqlite3.DatabaseError("the database failed its integrity check")
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            connection.close()
            raise sqlite3.DatabaseError(f"it was written by a newer wellread (schema {version})")
        connection.executescript("BEGIN IMMEDIATE;" + _SCHEMA + "COMMIT;")
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        return connection

    def _open(self) -> None:
        try:
            self._connection = self._connect()
            return
        except sqlite3.DatabaseError as error:
            problem = str(error)
        except OSError as error:
            self.message = f"Reading state is off: cannot use {self.path} ({error.strerror})."
            return
        aside = self.path.with_name(
            f"{self.path.name}.unreadable-{dt.datetime.now():%Y%m%d-%H%M%S}"
        )
        try:
            os.replace(self.path, aside)
        except OSError as error:
            self.message = (
                f"Reading state is off: {self.path} could not be read ({problem}) "
                f"or moved aside ({error.strerror})."
            )
            return
        self.message = (
            f"Your reading state file could not be read ({problem}). It was kept as {aside}; "
            "a new one has been started."
        )
        try:
            self._connection = self._connect()
        except (sqlite3.DatabaseError, OSError) as error:
            self.message += f" The new one failed too ({error}); reading state is off."

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection | None]:
        """One write transaction; no-op when state is off."""
        connection = self._connection
        if connection is None:
            yield None
            return
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield connection
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")

    @property
    def enabled(self) -> bool:
        return self._connection is not None

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    # ------------------------------------------------------------ positions

    def save_position(self, slug: str, block: int, offset: int, section: str, percent: int) -> None:
        with self._write() as db:
            if db is not None:
                db.execute(
                    "INSERT INTO positions VALUES (?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (library, slug) DO UPDATE SET block = excluded.block, "
                    "offset = excluded.offset, section = excluded.section, "
                    "percent = excluded.percent, updated = excluded.updated",
                    (self.library, slug, block, offset, section, percent, _now()),
                )

    def position(self, slug: str) -> SavedPosition | None:
        if self._connection is None:
            return None
        row = self._connection.execute(
            "SELECT slug, block, offset, section, percent, updated FROM positions "
            "WHERE library = ? AND slug = ?",
            (self.library, slug),
        ).fetchone()
        return SavedPosition(*row) if row else None

    def positions(self) -> dict[str, SavedPosition]:
        if self._connection is None:
            return {}
        rows = self._connection.execute(
            "SELECT slug, block, offset, section, percent, updated FROM positions "
            "WHERE library = ?",
            (self.library,),
        )
        return {row[0]: SavedPosition(*row) for row in rows}

    def last_read(self) -> SavedPosition | None:
        """The article read most recently, if it was not finished."""
        if self._connection is None:
            return None
        row = self._connection.execute(
            "SELECT slug, block, offset, section, percent, updated FROM positions "
            "WHERE library = ? AND percent < 100 ORDER BY updated DESC LIMIT 1",
            (self.library,),
        ).fetchone()
        return SavedPosition(*row) if row else None

    # ------------------------------------------------------------ bookmarks

    def add_bookmark(self, slug: str, block: int, offset: int, section: str, note: str) -> int:
        with self._write() as db:
            if db is None:
                return 0
            cursor = db.execute(
                "INSERT INTO bookmarks (library, slug, block, offset, section, note, created) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (self.library, slug, block, offset, section, note, _now()),
            )
            return int(cursor.lastrowid or 0)

    def bookmarks(self, slug: str | None = None) -> list[Bookmark]:
        if self._connection is None:
            return []
        query = (
            "SELECT id, slug, block, offset, section, note, created FROM bookmarks "
            "WHERE library = ?"
        )
        params: tuple[str, ...] = (self.library,)
        if slug is not None:
            query += " AND slug = ?"
            params += (slug,)
        rows = self._connection.execute(query + " ORDER BY created DESC, id DESC", params)
        return [Bookmark(*row) for row in rows]

    def delete_bookmark(self, bookmark_id: int) -> None:
        with self._write() as db:
            if db is not None:
                db.execute("DELETE FROM bookmarks WHERE id = ?", (bookmark_id,))

    # ------------------------------------------------------------ visits

    def record_visit(self, slug: str) -> None:
        with self._write() as db:
            if db is not None:
                db.execute(
                    "INSERT INTO visits (library, slug, at) VALUES (?, ?, ?)",
                    (self.library, slug, _now()),
                )

    def visits(self, limit: int = 50) -> list[tuple[str, str]]:
        """(slug, when) of the most recent visits, newest first."""
        if self._connection is None:
            return []
        rows = self._connection.execute(
            "SELECT slug, at FROM visits WHERE library = ? ORDER BY id DESC LIMIT ?",
            (self.library, limit),
        )
        return [(slug, at) for slug, at in rows]
