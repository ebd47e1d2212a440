"""Search across the library: an SQLite FTS5 index of every article and exercise.

One row per part of a document (its overview, each section and subsection, and its
reference titles). Words are indexed as their stems (tui.content.tokens), the same
stems the query and the highlighter use, so "fractures" finds and marks "fracture".
SQLite's own tokenizer only splits the stems again at the spaces between them.

Ranking: SQLite's bm25, with a document's title (indexed on its overview only) worth
most, then headings, then text, then the titles of cited works; each row's score is
then weighed by what it is, so an article or a card's overview comes before a card's
"Easier". Snippets are whole sentences of the text with the matched words marked.

The index is built on first use and afterwards updated only for the files whose size
or modification time changed. It lives beside the reading state, one index per
library folder. A `forms` table keeps every written form of each stem the library
uses: it tells the snippets what to mark and "did you mean" what words exist.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tui.content.clean import clean_name
from tui.content.digests import new_sha1
from tui.content.hits import SearchHit, SearchResults
from tui.content.search_ranking import best_rowids, shown_rows
from tui.content.search_rows import WEIGHTS
from tui.content.snippets import MATCH_END, MATCH_START, make_snippet, split_snippet
from tui.content.tokens import Forms, Term, fts_of, fts_query, query_terms, terms_regex

if TYPE_CHECKING:
    from tui.content.library import Library

__all__ = [
    "MATCH_END",
    "MATCH_START",
    "SearchHit",
    "SearchIndex",
    "SearchResults",
    "UpdateStats",
    "fts_query",
    "index_path",
    "split_snippet",
]

# 7: a section with no text of its own keeps its first subsection's opening to show.
# 8: a row's weight class is the low bits of its rowid.
SCHEMA_VERSION = 8
# Each document's rows have rowids from id * ROW_STRIDE: deleting them is a rowid
# range, not a scan of the whole table (FTS5 has no index on other columns).
ROW_STRIDE = 1 << 20
# Within them, row number * WEIGHT_SLOTS + the class of its weight (search_rows.WEIGHTS):
# the ranking weighs each match by its rowid alone, and reads the table of what is
# shown only for the hits it keeps (reading a weight per match cost as much as bm25).
WEIGHT_SLOTS = 8
_WEIGHT = "CASE rowid & {} {} END".format(
    WEIGHT_SLOTS - 1,
    " ".join(f"WHEN {code} THEN {weight!r}" for code, weight in enumerate(WEIGHTS)),
)
assert len(WEIGHTS) <= WEIGHT_SLOTS
MAPPED_AT_MOST = 1 << 31  # how much of the index a one-query process maps (read_mapped)
# bm25 weights, one per column of `sections`: title, heading, body, context, refs.
COLUMN_WEIGHTS = "10.0, 3.0, 1.0, 0.2, 0.2"

Progress = Callable[[int, int], None]


def index_path(data_dir: Path, library_root: Path) -> Path:
    digest = new_sha1(str(library_root.resolve()).encode()).hexdigest()[:16]
    return data_dir / f"search-{digest}.sqlite"


@dataclass
class UpdateStats:
    indexed: int = 0
    removed: int = 0
    unchanged: int = 0
    failed: int = 0


class SearchIndex:
    """The index of *library* in the file *path*; with no library, an index that only
    answers queries (see `known_signature`)."""

    def __init__(self, library: Library | None, path: Path) -> None:
        self._library = library
        self.path = path
        # Said once when the index could not be kept on disk (it is built in memory).
        self.message: str | None = None
        self._vocabulary: list[str] | None = None
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
            self.db.executescript(
                "DROP TABLE IF EXISTS files; DROP TABLE IF EXISTS sections; "
                "DROP TABLE IF EXISTS parts; DROP TABLE IF EXISTS forms; "
                "DROP TABLE IF EXISTS signature;"
            )
        self.db.executescript(
            """
            BEGIN;
            CREATE TABLE IF NOT EXISTS files (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL, slug TEXT NOT NULL, size INTEGER, mtime INTEGER,
                UNIQUE (kind, slug)
            );
            -- The stems that are searched ...
            CREATE VIRTUAL TABLE IF NOT EXISTS sections USING fts5(
                title, heading, body, context, refs, tokenize = 'unicode61'
            );
            -- ... and, by the same rowid, what is shown, read only for the hits shown
            -- (the weight is also kept in the rowid: see WEIGHT_SLOTS).
            CREATE TABLE IF NOT EXISTS parts (
                id INTEGER PRIMARY KEY, weight REAL NOT NULL,
                kind TEXT, slug TEXT, entry INTEGER, title TEXT, heading TEXT, text TEXT
            );
            -- Every written form (lower case) of every stem the library has used.
            CREATE TABLE IF NOT EXISTS forms (
                word TEXT PRIMARY KEY, stem TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS forms_by_stem ON forms (stem);
            -- The library signature the index was last brought up to date from.
            CREATE TABLE IF NOT EXISTS signature (folders TEXT NOT NULL);
            COMMIT;
            """
        )
        if version != SCHEMA_VERSION:  # a write: not on every query
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def close(self) -> None:
        self.db.close()

    def reconnect(self) -> None:
        """Open the index file again (after `close`)."""
        self.db = self._open(self.path)

    @property
    def library(self) -> Library:
        if self._library is None:
            raise RuntimeError("this index was opened to answer queries only")
        return self._library

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads inside see the index as it was at the first: an update in another
        process waits (or, begun before, is not seen) until the block ends."""
        self.db.execute("BEGIN")
        try:
            yield
        finally:
            self.db.execute("COMMIT")

    def read_mapped(self) -> None:
        """Map the file rather than copy each page in: less kernel time for a one-query
        process (not the app, whose memory would count the pages). SQLite warns of a
        file cut shorter while mapped; this one only grows, or is unlinked and remade."""
        self.db.execute(f"PRAGMA mmap_size = {MAPPED_AT_MOST}")

    def known_signature(self) -> str | None:
        """The library signature (tui.content.library_signature) kept by `keep_signature`."""
        try:
            row = self.db.execute("SELECT folders FROM signature").fetchone()
        except sqlite3.Error:
            return None
        return row[0] if row is not None and isinstance(row[0], str) else None

    def keep_signature(self, signature: str | None) -> None:
        """Say the index is up to date with the library of *signature* (taken before the
        library was listed for the update: a change made since shows as a new one)."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("DELETE FROM signature")
            if signature is not None:
                self.db.execute("INSERT INTO signature VALUES (?)", (signature,))
            self.db.execute("COMMIT")
        except sqlite3.Error:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")

    # ------------------------------------------------------------ building

    def _listed(self) -> dict[tuple[str, str], tuple[int, int]]:
        """Each document's (size, mtime) as the library's scan saw its file: no
        second stat per file, no entry made for each."""
        found = {("article", slug): (size, mtime) for slug, size, mtime in
                 self.library.articles.stats()}  # fmt: skip
        for slug, size, mtime in self.library.exercises.stats():
            found["exercise", slug] = (size, mtime)
        return found

    def path_of(self, kind: str, slug: str) -> Path:
        """The file of a document of the library."""
        return (self.library.articles if kind == "article" else self.library.exercises)[slug].path

    def stale(self) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """(documents to index, documents to drop) since the last update."""
        known = {
            (kind, slug): (size, mtime)
            for kind, slug, size, mtime in self.db.execute(
                "SELECT kind, slug, size, mtime FROM files"
            )
        }
        listed = self._listed()
        changed = []
        for key, seen in listed.items():
            if seen[0] < 0:  # not seen as a regular file when listed: asked again
                try:
                    stat = os.stat(self.path_of(*key))
                except OSError:
                    continue
                seen = (stat.st_size, stat.st_mtime_ns)
            if known.get(key) != seen:
                changed.append(key)
        gone = [key for key in known if key not in listed]
        return changed, gone

    def update(self, progress: Progress | None = None) -> UpdateStats:
        """Index what changed; *progress*(done, total) is called as it goes."""
        from tui.content.search_build import index_documents  # building only, not a query

        changed, gone = self.stale()
        documents = len(self.library.articles) + len(self.library.exercises)
        stats = UpdateStats(unchanged=documents - len(changed), removed=len(gone))
        if not changed and not gone:
            return stats
        self._vocabulary = None
        index_documents(self, changed, gone, stats, progress)
        return stats

    # ------------------------------------------------------------ searching

    def _forms(self, terms: list[Term]) -> Forms:
        stems = sorted({one for term in terms for one in term})
        marks = ", ".join("?" * len(stems))
        rows = self.db.execute(f"SELECT word FROM forms WHERE stem IN ({marks})", stems)
        return Forms(word for (word,) in rows)

    def search(self, text: str, limit: int = 50) -> list[SearchHit]:
        """The best places for the words of *text*, best first (as typed: no
        spelling is corrected; see find)."""
        terms = query_terms(text)
        if not terms:
            return []
        # Every match weighed by its rowid (tui.content.search_ranking); what is shown
        # read for the best only.
        best = best_rowids(
            self.db,
            fts_of(terms),
            limit,
            f"bm25(sections, {COLUMN_WEIGHTS}) * ({_WEIGHT})",
            _WEIGHT,
        )
        rows = shown_rows(self.db, best)
        if not rows:
            return []
        pattern = terms_regex(terms, self._forms(terms))
        return [
            SearchHit(kind, slug, title, int(entry), heading, make_snippet(body, pattern), text)
            for kind, slug, entry, title, heading, body in rows
        ]

    def count(self, text: str) -> int:
        """How many places the words of *text* are found in."""
        terms = query_terms(text)
        if not terms:
            return 0
        found = self.db.execute(
            "SELECT count(*) FROM sections WHERE sections MATCH ?", (fts_of(terms),)
        ).fetchone()
        return int(found[0])

    def known(self, one_stem: str) -> bool:
        """Whether the library uses a word of this stem."""
        found = self.db.execute("SELECT 1 FROM forms WHERE stem = ? LIMIT 1", (one_stem,))
        return found.fetchone() is not None

    @property
    def vocabulary(self) -> list[str]:
        """Every word the library uses (lower case), for "did you mean"."""
        if self._vocabulary is None:
            self._vocabulary = [word for (word,) in self.db.execute("SELECT word FROM forms")]
        return self._vocabulary

    def find(self, text: str, limit: int = 50) -> SearchResults:
        """search, and "did you mean" (tui.content.search_spelling)."""
        from tui.content.search_spelling import find_with_spelling

        return find_with_spelling(self, text, limit)
