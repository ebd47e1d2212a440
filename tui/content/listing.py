"""The library's list data, kept in SQLite so that only changed files are read again.

One row per file, keyed by its folder and name and checked against the size and
modification time `os.scandir` reports: a library of 50,000 articles lists from the
cache in a fraction of a second, and an edited file is read again on the next start.
The cache is only a copy of what the files say: a broken or foreign file is set aside
and a new one made; a data folder that cannot be written means no cache, never an
error.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import cast

from tui.content.digests import new_blake2b
from tui.content.listing_rows import Row
from tui.content.listing_snapshot import (
    NAME,
    SLUG,
    TITLE,
    Buffer,
    Columns,
    decode,
    encode,
    framed,
)

CACHE_NAME = "library-cache.sqlite"
# Raised whenever a row's shape or what goes into it changes. A file of an earlier
# version is emptied and filled anew; one of any other version is set aside.
SCHEMA_VERSION = 2
_COLUMNS = (
    "folder, name, size, mtime, kind, slug, title, summary, tags, words, body_line, "
    "related_exercises, related_articles, extra"
)

# The rows of one folder, those whose name, slug and title are text (what a listing
# keys and sorts by): checked by SQLite for the rows a library is drawn from at once.
# A row with any other column of the wrong type fails when its entry is made, and the
# file is read instead (tui.content.entries).
_TABLES = {"files", "folders", "snapshots"}
_SNAPSHOT = "mtime, token"
_TABLE_NAMES = "SELECT name FROM sqlite_master WHERE type = 'table'"
_OURS = "folder = ? AND typeof(name) = 'text' AND typeof(slug) = 'text' AND typeof(title) = 'text'"


# Columns decoded while the look at the library was still under way (`decode_ahead`),
# by cache file and folder: (the token they were decoded under, kind, columns). Used
# once, and only under the same token: the table's token names one write of the file.
_decoded_ahead: dict[tuple[str, str], tuple[bytes, str, Columns]] = {}


def decode_ahead(path: Path, folders: list[tuple[Path, str]]) -> None:
    """Decode the snapshots of *folders* (each with its kind) kept beside the cache
    *path*, and split the columns a listing reads, for `ListingCache.snapshot` to give
    later: `wellread list` does this while its look at every file runs in a child,
    rather than after it. Whatever is found wrong, nothing is kept and nothing raised."""
    cache = ListingCache(path)
    try:
        for folder, kind in folders:
            found = cache.decoded(folder, kind)
            if found is None:
                continue
            token, columns = found
            for column in (NAME, SLUG, TITLE):
                columns.column(column)
            _decoded_ahead[(str(path), str(folder))] = (token, kind, columns)
    finally:
        cache.close()


def drop_decoded_ahead() -> None:
    """Forget what `decode_ahead` kept: what it was read for was answered without it."""
    _decoded_ahead.clear()


class ListingCache:
    """The cache file, open for one load of the library. Every method may be called
    after a failure: the cache then simply holds nothing."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db: sqlite3.Connection | None = None
        # Said once when the file was set aside or could not be used.
        self.message: str | None = None
        try:
            self.db = self._open()
        except (OSError, sqlite3.Error) as error:
            self.db = None
            self.message = f"the library cache cannot be used ({type(error).__name__})"

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            return self._connect()
        except sqlite3.OperationalError:
            raise  # locked or read-only: no cache this time, the file stays
        except sqlite3.DatabaseError:
            # Not a database, or not ours: set aside (kept for a look), start anew.
            self.path.replace(self.path.with_name(self.path.name + ".set-aside"))
            self.message = f"the library cache was unreadable and was set aside: {self.path}"
            return self._connect()

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, isolation_level=None, timeout=0.2)
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            tables = {row[0] for row in db.execute(_TABLE_NAMES)}
            if type(version) is int and 0 < version < SCHEMA_VERSION and tables <= _TABLES:
                # Our own cache from before: only a copy, so made anew without a word.
                db.executescript("".join(f"DROP TABLE IF EXISTS {t};" for t in _TABLES))
                tables = set()
            elif version != SCHEMA_VERSION and tables:
                raise sqlite3.DatabaseError(f"schema {version}, not {SCHEMA_VERSION}")
            if not tables:
                db.executescript(
                    "CREATE TABLE files (folder TEXT NOT NULL, name TEXT NOT NULL, "
                    "size INTEGER, mtime INTEGER, kind TEXT, slug TEXT, title TEXT, "
                    "summary TEXT, tags TEXT, words INTEGER, body_line INTEGER, "
                    "related_exercises TEXT, related_articles TEXT, extra TEXT, "
                    "PRIMARY KEY (folder, name)) WITHOUT ROWID;"
                    # Each folder's rows in one file (tui.content.listing_snapshot),
                    # as of the folder's time *mtime*, that file's *token* in it.
                    "CREATE TABLE snapshots (folder TEXT PRIMARY KEY, mtime INTEGER, "
                    "token BLOB);"
                    # Any change to a folder's rows, by whatever writes them, drops its
                    # snapshot: it can never say other than the rows.
                    + "".join(
                        f"CREATE TRIGGER {when}_row AFTER {when} ON files BEGIN "
                        f"DELETE FROM snapshots WHERE folder IN ({folders}); END;"
                        for when, folders in (
                            ("INSERT", "new.folder"),
                            ("UPDATE", "old.folder, new.folder"),
                            ("DELETE", "old.folder"),
                        )
                    )
                    + f"PRAGMA user_version = {SCHEMA_VERSION};"
                )
            # Each folder's modification time when it was last listed in full (added to
            # a file of this schema made before it: no version change).
            db.execute(
                "CREATE TABLE IF NOT EXISTS folders (folder TEXT PRIMARY KEY, mtime INTEGER) "
                "WITHOUT ROWID"
            )
            # A wrong column set fails here, as a schema error (the file is set aside),
            # not later mid-load; a lock held elsewhere stays a lock (no cache this time).
            try:
                db.execute(f"SELECT {_COLUMNS} FROM files LIMIT 0").fetchall()
                db.execute("SELECT folder, mtime FROM folders LIMIT 0").fetchall()
                db.execute(f"SELECT {_SNAPSHOT} FROM snapshots LIMIT 0").fetchall()
            except sqlite3.OperationalError as error:
                if error.sqlite_errorcode in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
                    raise
                raise sqlite3.DatabaseError(f"not the tables of this version: {error}") from None
        except BaseException:
            db.close()
            raise
        return db

    def rows(self, folder: Path) -> dict[str, Row]:
        """The cached rows of one folder by file name: each `entry_row` less the folder."""
        return {cast(str, row[0]): row for row in self.each_row(folder)}

    def each_row(self, folder: Path) -> Iterator[Row]:
        """The cached rows of one folder by file name, one at a time (no dict of 50,000
        held at once beside the library made of them)."""
        if self.db is None:
            return
        query = f"SELECT {_COLUMNS.removeprefix('folder, ')} FROM files WHERE {_OURS} ORDER BY name"
        try:
            yield from self.db.execute(query, (str(folder),))
        except sqlite3.Error:
            self.close()

    def snapshot_file(self, folder: Path) -> Path:
        digest = new_blake2b(os.fsencode(folder), digest_size=8).hexdigest()
        return self.path.with_name(f"{self.path.name}-{digest}.snapshot")

    def snapshot(self, folder: Path, kind: str) -> Columns | None:
        """The folder's rows from their file, when it holds what the rows hold as of
        the folder's time when last listed in full (`listed_at`)."""
        found = self.decoded(folder, kind)
        return None if found is None else found[1]

    def decoded(self, folder: Path, kind: str) -> tuple[bytes, Columns] | None:
        """`snapshot`, with the token it was read under."""
        if self.db is None:
            return None
        try:
            query = f"SELECT {_SNAPSHOT} FROM snapshots WHERE folder = ?"
            found = self.db.execute(query, (str(folder),)).fetchone()
        except sqlite3.Error:
            return None
        if found is None or found[0] != self.listed_at(folder) or type(found[1]) is not bytes:
            return None
        ahead = _decoded_ahead.pop((str(self.path), str(folder)), None)
        if ahead is not None and ahead[0] == found[1] and ahead[1] == kind:
            return found[1], ahead[2]  # the same token: the same file's columns
        try:
            data = self.snapshot_file(folder).read_bytes()
        except OSError:
            data = b""
        columns = decode(data, found[1], kind)
        if columns is None:  # gone or not ours: written again with the next full listing
            with contextlib.suppress(sqlite3.Error):
                self.db.execute("DELETE FROM snapshots WHERE folder = ?", (str(folder),))
            return None
        return found[1], columns

    def listed_at(self, folder: Path) -> int | None:
        """The folder's modification time when its rows were last checked file by file."""
        if self.db is None:
            return None
        try:
            row = self.db.execute("SELECT mtime FROM folders WHERE folder = ?", (str(folder),))
            found = row.fetchone()
        except sqlite3.Error:
            return None
        return found[0] if found is not None and type(found[0]) is int else None

    def store(
        self,
        folder: Path,
        rows: list[Row],
        gone: Iterable[str],
        listed_at: int | None = None,
        known: int | None = None,
        patched: tuple[bytes, list[Buffer] | None, int] | None = None,
    ) -> None:
        """Keep new rows and forget files no longer there, and the folder's time when
        listed (*listed_at*; *known*: the time kept before); a failure keeps nothing.
        *patched*: the token of the snapshot read, and the body and row count of that
        snapshot with these changes made (tui.content.listing_patch; no body: no rows
        changed, the file stays as it is), kept instead of one made from every row when
        that snapshot is still the table's."""
        if self.db is None:
            return
        gone = list(gone)
        if not rows and not gone and listed_at == known and self._snapshot_at(folder) == known:
            return
        try:
            self.db.execute("BEGIN IMMEDIATE")
            # Read before the rows change (any change drops the folder's snapshot).
            current = patched is not None and self._token(folder) == patched[0]
            self.db.execute("DELETE FROM snapshots WHERE folder = ?", (str(folder),))
            self.db.execute("DELETE FROM folders WHERE folder = ?", (str(folder),))
            if listed_at is not None:
                self.db.execute("INSERT INTO folders VALUES (?, ?)", (str(folder), listed_at))
            self.db.executemany(
                f"INSERT OR REPLACE INTO files ({_COLUMNS}) VALUES ({', '.join('?' * 14)})", rows
            )
            self.db.executemany(
                "DELETE FROM files WHERE folder = ? AND name = ?", [(str(folder), n) for n in gone]
            )
            kept = None
            if listed_at is not None:
                query = f"SELECT {_COLUMNS.removeprefix('folder, ')} FROM files WHERE {_OURS}"
                token = os.urandom(16)
                if current and patched is not None and patched[1] is None:
                    token = patched[0]  # the same rows: the same file, under its token
                elif current and patched is not None and patched[1] is not None:
                    kept = framed(patched[1], token, patched[2])
                else:
                    rows_now = self.db.execute(query + " ORDER BY name", (str(folder),))
                    whole = encode(rows_now.fetchall(), token)
                    kept = None if whole is None else [whole]
                if kept is not None or (patched is not None and token == patched[0]):
                    self.db.execute(
                        "INSERT INTO snapshots VALUES (?, ?, ?)", (str(folder), listed_at, token)
                    )
            self.db.execute("COMMIT")
            if kept is not None:
                self._write_snapshot(folder, kept)
        except sqlite3.Error:
            # Another wellread holds the lock, or the disk is full: next time, then.
            with contextlib.suppress(sqlite3.Error):
                self.db.execute("ROLLBACK")

    def _write_snapshot(self, folder: Path, data: list[Buffer]) -> None:
        # Whole or not at all: written beside and renamed into place. A file that
        # cannot be written is no harm: its token is not found, and the rows are read.
        path = self.snapshot_file(folder)
        partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
        try:
            with open(partial, "wb") as file:
                file.writelines(data)
            partial.replace(path)
        except OSError:
            with contextlib.suppress(OSError):
                partial.unlink()

    def _token(self, folder: Path) -> object:
        assert self.db is not None
        found = self.db.execute("SELECT token FROM snapshots WHERE folder = ?", (str(folder),))
        row = found.fetchone()
        return row[0] if row is not None else None

    def _snapshot_at(self, folder: Path) -> int | None:
        assert self.db is not None
        try:
            query = "SELECT mtime FROM snapshots WHERE folder = ?"
            found = self.db.execute(query, (str(folder),)).fetchone()
        except sqlite3.Error:
            return None
        return found[0] if found is not None else None

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None
