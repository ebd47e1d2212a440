"""The shape of the reading-state database, and bringing any file to that shape.

A state file can drift: an older wellread, a hand edit, another program. Each table
is checked for its columns and for values of the right type; a table that does not
match is rebuilt, keeping every row that fits, after a copy of the whole file is set
aside. Nothing is ever used half-matching.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from tui.content.clean import clean_line, clean_name

SCHEMA_VERSION = 3
# Recent articles kept per library: enough for any "recently read" list.
MAX_VISITS = 200

# (column, declared type, typeof() a value must have, default for rows that lack it)
Column = tuple[str, str, str, str | None]
TABLES: dict[str, tuple[list[Column], str]] = {
    "positions": (
        [
            ("library", "TEXT", "text", None),
            ("slug", "TEXT", "text", None),
            ("block", "INTEGER", "integer", "0"),
            ("offset", "INTEGER", "integer", "0"),
            ("section", "TEXT", "text", "''"),
            ("percent", "INTEGER", "integer", "0"),
            ("updated", "TEXT", "text", "''"),
        ],
        "PRIMARY KEY (library, slug)",
    ),
    "bookmarks": (
        [
            ("id", "INTEGER", "integer", None),
            ("library", "TEXT", "text", None),
            ("slug", "TEXT", "text", None),
            ("block", "INTEGER", "integer", "0"),
            ("offset", "INTEGER", "integer", "0"),
            ("section", "TEXT", "text", "''"),
            ("note", "TEXT", "text", "''"),
            ("created", "TEXT", "text", "''"),
        ],
        "PRIMARY KEY (id)",
    ),
    # One row per article: when it was last opened. Bounded (MAX_VISITS).
    "visits": (
        [
            ("library", "TEXT", "text", None),
            ("slug", "TEXT", "text", None),
            ("at", "TEXT", "text", "''"),
        ],
        "PRIMARY KEY (library, slug)",
    ),
    # The exercise cards a reader keeps ("My exercises"), with their own dose and note.
    "my_exercises": (
        [
            ("library", "TEXT", "text", None),
            ("slug", "TEXT", "text", None),
            ("note", "TEXT", "text", "''"),
            ("dose", "TEXT", "text", "''"),
            ("added", "TEXT", "text", "''"),
        ],
        "PRIMARY KEY (library, slug)",
    ),
}


def create_sql(table: str, name: str | None = None) -> str:
    columns, key = TABLES[table]
    body = ", ".join(f'"{column}" {kind} NOT NULL' for column, kind, _, _ in columns)
    return f'CREATE TABLE IF NOT EXISTS "{name or table}" ({body}, {key})'


def _valid_rows(table: str) -> str:
    columns, _ = TABLES[table]
    return " AND ".join(f"typeof(\"{c}\") = '{t}'" for c, _, t, _ in columns)


def drift(connection: sqlite3.Connection) -> dict[str, str]:
    """Tables that do not have the expected shape, with what is wrong with each."""
    wrong: dict[str, str] = {}
    for table, (columns, _) in TABLES.items():
        info = connection.execute(f'PRAGMA table_info("{table}")').fetchall()
        if not info:
            wrong[table] = "missing"
            continue
        found = {row[1]: (str(row[2]).upper(), bool(row[3]), row[4]) for row in info}
        expected = {column: kind for column, kind, _, _ in columns}
        missing = [c for c in expected if c not in found]
        extra = [c for c in found if c not in expected]
        retyped = [c for c in expected if c in found and found[c][0] != expected[c]]
        if missing or extra or retyped:
            parts = [
                f"{label} {', '.join(names)}"
                for label, names in (
                    ("missing column", missing),
                    ("extra column", extra),
                    ("retyped column", retyped),
                )
                if names
            ]
            wrong[table] = "; ".join(parts)
            continue
        bad = connection.execute(
            f'SELECT count(*) FROM "{table}" WHERE NOT ({_valid_rows(table)})'
        ).fetchone()[0]
        if bad:
            wrong[table] = f"{bad} row(s) with values of the wrong type"
    return wrong


def _rebuild(connection: sqlite3.Connection, table: str, how: str) -> None:
    columns, _ = TABLES[table]
    if how == "missing":
        connection.execute(create_sql(table))
        return
    found = {row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')}
    old = f"{table}_before_v{SCHEMA_VERSION}"
    connection.execute(f'DROP TABLE IF EXISTS "{old}"')
    connection.execute(f'ALTER TABLE "{table}" RENAME TO "{old}"')
    connection.execute(create_sql(table))
    included: list[tuple[str, str, str]] = []  # (column, value to copy, typeof it needs)
    for column, _, kind, default in columns:
        if column in found:
            included.append((column, f'"{column}"', kind))
        elif default is not None:
            included.append((column, default, kind))
    # Keys cannot be made up: without them the rows stay only in the copy set aside.
    if all(column in found for column, _, _, default in columns if default is None):
        names = ", ".join(f'"{column}"' for column, _, _ in included)
        values = ", ".join(value for _, value, _ in included)
        checks = " AND ".join(f"typeof({value}) = '{kind}'" for _, value, kind in included)
        order = ' ORDER BY "at"' if table == "visits" and "at" in found else ""
        connection.execute(
            f'INSERT OR REPLACE INTO "{table}" ({names}) '
            f'SELECT {values} FROM "{old}" WHERE {checks}{order}'
        )
    connection.execute(f'DROP TABLE "{old}"')


def bring_to_shape(connection: sqlite3.Connection, path: Path) -> str | None:
    """Create or rebuild what does not match; a message when rows were dropped.

    The caller holds no transaction; this takes the write lock itself.
    """
    connection.execute("BEGIN IMMEDIATE")
    try:
        wrong = drift(connection)
        changed = {table: how for table, how in wrong.items() if how != "missing"}
        aside: Path | None = None
        if changed:
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            aside = path.with_name(f"{path.name}.before-repair-{stamp}")
            shutil.copy2(path, aside)
        for table, how in wrong.items():
            _rebuild(connection, table, how)
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    if not changed or aside is None:
        return None
    if set(changed) == {"visits"} and changed["visits"].endswith("column id"):
        return None  # the older, unbounded visits table: an upgrade, nothing lost
    what = "; ".join(f"{table}: {how}" for table, how in changed.items())
    return (
        f"Your reading state file had an unexpected shape ({what}); it was repaired, "
        f"keeping every entry that fitted. A copy of it as it was is kept as "
        f"{clean_name(str(aside))}."
    )


def open_database(
    path: Path, read_only: bool, busy_ms: int
) -> tuple[sqlite3.Connection, str | None]:
    """A checked connection to the state file, and a message when it had to be repaired.

    Raises sqlite3.DatabaseError for a file that is not ours to use (corrupt, newer),
    PermissionError for a read-only file of the wrong shape.
    """
    if read_only:
        connection = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro",
            uri=True,
            timeout=busy_ms / 1000,
            isolation_level=None,
            check_same_thread=False,
        )
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(
            path, timeout=busy_ms / 1000, isolation_level=None, check_same_thread=False
        )
    repaired: str | None = None
    try:
        connection.execute(f"PRAGMA busy_timeout = {busy_ms}")
        if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise sqlite3.DatabaseError("the database failed its integrity check")
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise sqlite3.DatabaseError(f"it was written by a newer wellread (schema {version})")
        wrong = drift(connection)
        if wrong and read_only:
            raise PermissionError(", ".join(f"{t}: {how}" for t, how in wrong.items()))
        if wrong or version != SCHEMA_VERSION:
            repaired = bring_to_shape(connection, path)
    except BaseException:
        connection.close()
        raise
    return connection, repaired


# ---------------------------------------------------------------- rows


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


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def position_of(row: tuple[object, ...]) -> SavedPosition | None:
    """A row as read, or None when a value has the wrong type (another program wrote it)."""
    slug, block, offset, section, percent, updated = row
    numbers = [_int(block), _int(offset), _int(percent)]
    if None in numbers:
        return None
    return SavedPosition(
        clean_line(slug),
        numbers[0] or 0,
        numbers[1] or 0,
        clean_line(section),
        numbers[2] or 0,
        clean_line(updated),
    )


def bookmark_of(row: tuple[object, ...]) -> Bookmark | None:
    mark_id, slug, block, offset, section, note, created = row
    numbers = [_int(mark_id), _int(block), _int(offset)]
    if None in numbers:
        return None
    return Bookmark(
        numbers[0] or 0,
        clean_line(slug),
        numbers[1] or 0,
        numbers[2] or 0,
        clean_line(section),
        clean_line(note),
        clean_line(created),
    )


@dataclass(frozen=True)
class Visit:
    slug: str
    at: str


@dataclass(frozen=True)
class Delete:
    id: int


@dataclass(frozen=True)
class MyExercise:
    slug: str
    note: str
    dose: str
    added: str


@dataclass(frozen=True)
class Forget:
    """A card taken off My exercises."""

    slug: str


def my_exercise_of(row: tuple[object, ...]) -> MyExercise:
    slug, note, dose, added = row
    return MyExercise(clean_line(slug), clean_line(note), clean_line(dose), clean_line(added))


Write = SavedPosition | Bookmark | Delete | Visit | MyExercise | Forget


def write_changes(connection: sqlite3.Connection, library: str, batch: list[Write]) -> None:
    """Write *batch* in one transaction (the caller retries it whole when locked)."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        for change in batch:
            if isinstance(change, SavedPosition):
                connection.execute(
                    "INSERT OR REPLACE INTO positions VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        library,
                        change.slug,
                        change.block,
                        change.offset,
                        change.section,
                        change.percent,
                        change.updated,
                    ),
                )
            elif isinstance(change, Bookmark):
                connection.execute(
                    "INSERT OR REPLACE INTO bookmarks VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        change.id,
                        library,
                        change.slug,
                        change.block,
                        change.offset,
                        change.section,
                        change.note,
                        change.created,
                    ),
                )
            elif isinstance(change, Delete):
                connection.execute("DELETE FROM bookmarks WHERE id = ?", (change.id,))
            elif isinstance(change, MyExercise):
                connection.execute(
                    "INSERT OR REPLACE INTO my_exercises VALUES (?, ?, ?, ?, ?)",
                    (library, change.slug, change.note, change.dose, change.added),
                )
            elif isinstance(change, Forget):
                connection.execute(
                    "DELETE FROM my_exercises WHERE library = ? AND slug = ?",
                    (library, change.slug),
                )
            else:
                connection.execute(
                    "INSERT OR REPLACE INTO visits VALUES (?, ?, ?)",
                    (library, change.slug, change.at),
                )
                connection.execute(
                    "DELETE FROM visits WHERE library = ? AND slug NOT IN (SELECT slug "
                    "FROM visits WHERE library = ? ORDER BY at DESC LIMIT ?)",
                    (library, library, MAX_VISITS),
                )
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
