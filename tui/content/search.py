"""Search across the library: an SQLite FTS5 index of every article and exercise.

One row per section (title, heading, text), plus one for each document's reference
titles, which count for less in the ranking. The index is built on first use and
afterwards updated only for the files whose size or modification time changed. It
lives beside the reading state, one index per library folder. Words are matched
with English stemming, so "fracture" finds "fractures".
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tui.content.clean import clean_name
from tui.content.library import Library
from tui.content.model import (
    Block,
    Document,
    Inline,
    Link,
    ListBlock,
    Paragraph,
    Quote,
    Table,
    Text,
)
from tui.content.model import Heading as SubHeading
from tui.content.problems import ContentError

SCHEMA_VERSION = 4
# Each document's rows have rowids from id * ROW_STRIDE: deleting them is a rowid
# range, not a scan of the whole table (FTS5 has no index on other columns).
ROW_STRIDE = 1 << 20
# Marks around matched words in snippets; never shown as they are (see split_snippet).
MATCH_START, MATCH_END = "\x02", "\x03"
REFERENCES_ENTRY = -1

Progress = Callable[[int, int], None]


def index_path(data_dir: Path, library_root: Path) -> Path:
    digest = hashlib.sha1(str(library_root.resolve()).encode()).hexdigest()[:16]
    return data_dir / f"search-{digest}.sqlite"


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "article" or "exercise"
    slug: str
    title: str
    entry: int  # the outline entry of the section (-1: the references)
    heading: str
    snippet: str  # with MATCH_START / MATCH_END around matched words


@dataclass
class UpdateStats:
    indexed: int = 0
    removed: int = 0
    unchanged: int = 0
    failed: int = 0


def split_snippet(snippet: str) -> list[tuple[str, bool]]:
    """The snippet as (text, is a match) pieces."""
    pieces: list[tuple[str, bool]] = []
    for part in re.split(f"({MATCH_START}.*?{MATCH_END})", snippet):
        if part.startswith(MATCH_START) and part.endswith(MATCH_END):
            pieces.append((part[1:-1], True))
        elif part:
            pieces.append((part, False))
    return pieces


def fts_query(text: str) -> str:
    """The reader's words as an FTS5 query: each word (or "quoted phrase") required."""
    terms: list[str] = []
    for phrase, word in re.findall(r'"([^"]*)"|(\S+)', text):
        chunk = phrase or word
        words = re.findall(r"\w+", chunk)
        if words:
            terms.append('"' + " ".join(words) + '"')
    return " ".join(terms)


def _inline_words(runs: Iterable[Inline]) -> str:
    return "".join(run.text for run in runs if isinstance(run, Text | Link))


def _block_words(blocks: Iterable[Block]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Paragraph | SubHeading):
            yield _inline_words(block.inlines)
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from _block_words(item.blocks)
        elif isinstance(block, Quote):
            yield from _block_words(block.blocks)
        elif isinstance(block, Table):
            for row in [block.header, *block.rows]:
                yield " ".join(_inline_words(cell) for cell in row)


def _text_of(blocks: Iterable[Block]) -> str:
    # Citations are left out of the text, so close the gap they leave before a stop.
    return re.sub(r"\s+([.,;:)])", r"\1", " ".join(" ".join(_block_words(blocks)).split()))


def section_rows(document: Document) -> Iterator[tuple[int, str, str]]:
    """(outline entry, heading, text) for the overview and every section, in the
    numbering the reader's outline uses (the overview is entry 0)."""
    yield 0, "Overview", _text_of(document.overview)
    entry = 0
    for section in document.sections:
        for part in (section, *section.subsections):
            entry += 1
            yield entry, part.label, _text_of(part.blocks)


class SearchIndex:
    def __init__(self, library: Library, path: Path) -> None:
        self.library = library
        self.path = path
        # Said once when the index could not be kept on disk (it is built in memory).
        self.message: str | None = None
        try:
            self.db = self._open(path)
        except (OSError, sqlite3.Error) as error:
            # A read-only data folder, or a file where it should be: search still works,
            # from an index built for this run only.
            reason = getattr(error, "strerror", None) or str(error)
            self.message = (
                f"The search index cannot be kept in {clean_name(str(path.parent))} "
                f"({clean_name(reason)}); it is built afresh each time."
            )
            self.db = sqlite3.connect(":memory:", isolation_level=None)
            self._create()

    def _open(self, path: Path) -> sqlite3.Connection:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path, isolation_level=None, timeout=10)
        try:
            db.execute("PRAGMA busy_timeout = 10000")
            self.db = db
            self._create()
            return db
        except sqlite3.OperationalError:
            db.close()
            raise
        except sqlite3.DatabaseError:
            # The index is only a cache of the library: a broken one is rebuilt.
            db.close()
            path.unlink(missing_ok=True)
            db = sqlite3.connect(path, isolation_level=None, timeout=10)
            self.db = db
            self._create()
            return db

    def _create(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version not in (0, SCHEMA_VERSION):
            self.db.executescript("DROP TABLE IF EXISTS files; DROP TABLE IF EXISTS sections;")
        self.db.executescript(
            """
            BEGIN;
            CREATE TABLE IF NOT EXISTS files (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL, slug TEXT NOT NULL, size INTEGER, mtime INTEGER,
                UNIQUE (kind, slug)
            );
            CREATE VIRTUAL TABLE IF NOT EXISTS sections USING fts5(
                kind UNINDEXED, slug UNINDEXED, entry UNINDEXED,
                title, heading, body, refs,
                tokenize = 'porter unicode61'
            );
            COMMIT;
            """
        )
        self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def close(self) -> None:
        self.db.close()

    # ------------------------------------------------------------ building

    def _documents(self) -> dict[tuple[str, str], Path]:
        found = {("article", slug): e.path for slug, e in self.library.articles.items()}
        found.update({("exercise", slug): e.path for slug, e in self.library.exercises.items()})
        return found

    def stale(self) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """(documents to index, documents to drop) since the last update."""
        known = {
            (kind, slug): (size, mtime)
            for kind, slug, size, mtime in self.db.execute(
                "SELECT kind, slug, size, mtime FROM files"
            )
        }
        documents = self._documents()
        changed = []
        listed = {("article", s): e for s, e in self.library.articles.items()}
        listed.update({("exercise", s): e for s, e in self.library.exercises.items()})
        for key, path in documents.items():
            entry = listed[key]
            # The library's own scan saw the size and time: no second stat per file.
            seen = (entry.size, entry.mtime_ns)
            if entry.size < 0:
                try:
                    stat = os.stat(path)
                except OSError:
                    continue
                seen = (stat.st_size, stat.st_mtime_ns)
            if known.get(key) != seen:
                changed.append(key)
        gone = [key for key in known if key not in documents]
        return changed, gone

    def update(self, progress: Progress | None = None, batch: int = 200) -> UpdateStats:
        """Index what changed; *progress*(done, total) is called as it goes."""
        changed, gone = self.stale()
        paths = self._documents()
        stats = UpdateStats(unchanged=len(paths) - len(changed), removed=len(gone))
        db = self.db
        ids = {
            (kind, slug): file_id
            for file_id, kind, slug in db.execute("SELECT id, kind, slug FROM files")
        }

        def drop_rows(file_id: int) -> None:
            db.execute(
                "DELETE FROM sections WHERE rowid >= ? AND rowid < ?",
                (file_id * ROW_STRIDE, (file_id + 1) * ROW_STRIDE),
            )

        db.execute("BEGIN IMMEDIATE")
        try:
            for key in gone:
                drop_rows(ids[key])
                db.execute("DELETE FROM files WHERE id = ?", (ids[key],))
            for done, (kind, slug) in enumerate(changed, start=1):
                file_id = ids.get((kind, slug))
                if file_id is None:
                    cursor = db.execute(
                        "INSERT INTO files (kind, slug) VALUES (?, ?)", (kind, slug)
                    )
                    file_id = int(cursor.lastrowid or 0)
                else:
                    drop_rows(file_id)
                was_open = self.library.is_parsed(kind, slug)
                try:
                    document = self.library.document(kind, slug)
                except (ContentError, OSError):
                    stats.failed += 1
                    continue
                rows = [
                    (kind, slug, entry, document.title, heading, text, "")
                    for entry, heading, text in section_rows(document)
                ]
                refs = " ".join(ref.title for ref in document.references)
                rows.append((kind, slug, REFERENCES_ENTRY, document.title, "References", "", refs))
                base = file_id * ROW_STRIDE
                db.executemany(
                    "INSERT INTO sections (rowid, kind, slug, entry, title, heading, body, refs) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [(base + number, *row) for number, row in enumerate(rows)],
                )
                stat = os.stat(paths[(kind, slug)])
                db.execute(
                    "UPDATE files SET size = ?, mtime = ? WHERE id = ?",
                    (stat.st_size, stat.st_mtime_ns, file_id),
                )
                stats.indexed += 1
                if not was_open:
                    # Parsed only to index it: let it go, or a large library fills memory.
                    self.library.forget(kind, slug)
                if done % batch == 0:
                    db.execute("COMMIT")
                    db.execute("BEGIN IMMEDIATE")
                if progress is not None:
                    progress(done, len(changed))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return stats

    # ------------------------------------------------------------ searching

    def search(self, text: str, limit: int = 50) -> list[SearchHit]:
        query = fts_query(text)
        if not query:
            return []
        rows = self.db.execute(
            "SELECT kind, slug, entry, title, heading, "
            f"snippet(sections, -1, '{MATCH_START}', '{MATCH_END}', '…', 14) "
            "FROM sections WHERE sections MATCH ? "
            # A heading counts for more than the text, the titles of cited works for less.
            "ORDER BY bm25(sections, 0, 0, 0, 2.0, 4.0, 1.0, 0.2) LIMIT ?",
            (query, limit),
        )
        return [
            SearchHit(kind, slug, title, int(entry), heading, snippet)
            for kind, slug, entry, title, heading, snippet in rows
        ]
