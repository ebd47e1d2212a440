"""Bringing the search index up to date: documents parsed a batch at a time outside the
write lock, and a large build shared with a forked child process.

The first `wellread search` of a large library parses every file: front matter,
Markdown and the stems of every word, about 2.5 ms a file on a 2-core machine, two
minutes at 50,000 files, all of it pure Python on one core. From SPLIT_AT changed
files a child is forked that parses every other one and writes its rows into the same
index file through a connection of its own. The two take SQLite's write lock in turn
and hold it only while they insert a parsed batch, so each parses while the other
writes.

The child is forked only where that is safe (tui.content.forked: one thread; an index
on disk, not in memory) and worth it (a second core), with no connection of this
process open across the fork, as SQLite asks; the app, whose search screen builds
the index in a thread, builds it in one process. Anything amiss with the child (no
fork, it fails, it is killed) and this process indexes what the child left undone:
the same index, only slower. If this process stops (Ctrl+C, an error) it stops the
child too; a child whose parent is gone stops at its next batch.
"""

from __future__ import annotations

import contextlib
import mmap
import os
import select
import signal
import struct
from collections.abc import Callable
from typing import TYPE_CHECKING

from tui.content.forked import Child, can_fork, child_answer, fork_work, read_all
from tui.content.problems import ContentError
from tui.content.search import ROW_STRIDE, WEIGHT_SLOTS
from tui.content.search_rows import DocumentRows, document_rows, weight_class
from tui.content.tokens import stem

if TYPE_CHECKING:
    from tui.content.search import Progress, SearchIndex, UpdateStats

Key = tuple[str, str]  # (kind, slug)
# A document parsed, with its file's (size, mtime) as seen before it was read; None
# when it could not be read.
Parsed = tuple[Key, tuple[DocumentRows, tuple[int, int]] | None]

# From this many changed documents a child process takes half: below it, a fork and a
# second connection cost more than the parsing they share (about a second's worth).
SPLIT_AT = 400
# Documents parsed, then written in one transaction: the lock is held for the writing.
BATCH = 200
# How often (seconds) the reader hears how far the child is once this process is done.
PROGRESS_EVERY = 0.25
_COUNTS = struct.Struct("qq")  # the child's answer: documents indexed, and failed


class Writer:
    """Parses documents of *index*'s library and writes their rows through its
    connection; *ids*: the file id of each document to index."""

    def __init__(
        self,
        index: SearchIndex,
        ids: dict[Key, int],
        fresh: set[Key],
        known_forms: set[str],
        stats: UpdateStats,
    ) -> None:
        self.index = index
        self.ids = ids
        self.fresh = fresh  # documents new to the index: no rows of theirs to drop
        self.known_forms = known_forms
        self.stats = stats

    def run(
        self,
        keys: list[Key],
        progress: Callable[[int], None] | None = None,
        stop: Callable[[], bool] = lambda: False,
    ) -> None:
        """Index *keys* (documents); *progress*(done) after each one parsed."""
        done = 0
        for start in range(0, len(keys), BATCH):
            if stop():
                return
            parsed: list[Parsed] = []
            for key in keys[start : start + BATCH]:
                parsed.append((key, self._parse(key)))
                done += 1
                if progress is not None:
                    progress(done)
            self._write(parsed)

    def _parse(self, key: Key) -> tuple[DocumentRows, tuple[int, int]] | None:
        kind, slug = key
        library = self.index.library
        was_open = library.is_parsed(kind, slug)
        try:
            # Seen before it is read: a change made while it is read shows as a change.
            info = os.stat(self.index.path_of(kind, slug))
            rows = document_rows(library.document(kind, slug), kind, slug)
        except (ContentError, OSError):
            return None
        finally:
            if not was_open:
                # Parsed only to index it: let it go, or a large library fills memory.
                library.forget(kind, slug)
        return rows, (info.st_size, info.st_mtime_ns)

    def _write(self, parsed: list[Parsed]) -> None:
        db = self.index.db
        db.execute("BEGIN IMMEDIATE")
        try:
            for key, found in parsed:
                file_id = self.ids[key]
                if key not in self.fresh:
                    drop_rows(self.index, file_id)
                if found is None:
                    # Its size and time left as they were (none, if new): tried again.
                    self.stats.failed += 1
                    continue
                self._insert(file_id, *found)
                self.stats.indexed += 1
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _insert(self, file_id: int, rows: DocumentRows, seen: tuple[int, int]) -> None:
        db = self.index.db
        base = file_id * ROW_STRIDE
        # A document of more parts than its rowids hold (131,072; a 4 MB article has a
        # few thousand) is indexed up to there.
        kept = rows.rows[: ROW_STRIDE // WEIGHT_SLOTS]
        row_ids = [
            base + number * WEIGHT_SLOTS + weight_class(row.shown[1], row.shown[3])
            for number, row in enumerate(kept)
        ]
        db.executemany(
            "INSERT INTO parts (id, weight, kind, slug, entry, title, heading, text) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(row_id, *row.shown) for row_id, row in zip(row_ids, kept, strict=True)],
        )
        db.executemany(
            "INSERT INTO sections (rowid, title, heading, body, context, refs) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(row_id, *row.stems) for row_id, row in zip(row_ids, kept, strict=True)],
        )
        # Forms are only ever added: one that no file uses any more marks nothing
        # and corrects nothing (a correction is only offered if it finds something).
        new_forms = rows.vocabulary - self.known_forms
        db.executemany(
            "INSERT OR IGNORE INTO forms (word, stem) VALUES (?, ?)",
            [(word, stem(word)) for word in new_forms],
        )
        self.known_forms |= new_forms
        db.execute("UPDATE files SET size = ?, mtime = ? WHERE id = ?", (*seen, file_id))


def file_ids(index: SearchIndex) -> dict[Key, int]:
    """The id of each document's file in *index*."""
    rows = index.db.execute("SELECT id, kind, slug FROM files")
    return {(kind, slug): file_id for file_id, kind, slug in rows}


def drop_rows(index: SearchIndex, file_id: int) -> None:
    rows = (file_id * ROW_STRIDE, (file_id + 1) * ROW_STRIDE)
    index.db.execute("DELETE FROM sections WHERE rowid >= ? AND rowid < ?", rows)
    index.db.execute("DELETE FROM parts WHERE id >= ? AND id < ?", rows)


def index_documents(
    index: SearchIndex,
    changed: list[Key],
    gone: list[Key],
    stats: UpdateStats,
    progress: Progress | None = None,
    *,
    split_at: int | None = None,
) -> None:
    """Drop *gone* documents from *index*, and index *changed* ones (in two processes
    from *split_at*, by default SPLIT_AT, of them), counted in *stats*;
    *progress*(done, total) as it goes."""
    db = index.db
    ids = file_ids(index)
    known_forms = {word for (word,) in db.execute("SELECT word FROM forms")}
    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute("DELETE FROM signature")  # kept again only by whoever updated
        for key in gone:
            file_id = ids.pop(key)
            drop_rows(index, file_id)
            db.execute("DELETE FROM files WHERE id = ?", (file_id,))
        # New files numbered here, in the order of *changed*, whichever process indexes
        # them: the rowids, and so the order of hits that rank the same, are those of an
        # index built in one process. Kept with no size until indexed (tried again).
        fresh = {key for key in changed if key not in ids}
        for key in changed:
            if key in fresh:
                cursor = db.execute("INSERT INTO files (kind, slug) VALUES (?, ?)", key)
                ids[key] = int(cursor.lastrowid or 0)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    total = len(changed)
    shared = Shared()
    child = None
    mine = changed
    if (
        total >= (SPLIT_AT if split_at is None else split_at)
        and index.message is None
        and cores() > 1
        and can_fork()
    ):
        theirs = changed[1::2]
        index.db.close()  # no connection open across the fork (SQLite's rule)
        try:
            child = fork_work(lambda: _child_work(index, theirs, ids, fresh, known_forms, shared))
        finally:
            index.reconnect()
        if child is not None:
            mine = changed[0::2]

    def told(done: int) -> None:
        if progress is not None:
            progress(done + shared.done(), total)

    writer = Writer(index, ids, fresh, known_forms, stats)
    try:
        writer.run(mine, told)
        if child is not None:
            while not _answered(child):  # the reader is told how the child goes
                told(len(mine))
            answer = child_answer(child, lambda reading: read_all(reading, _COUNTS.size))
            child = None
            if answer is None:
                # The child failed: what it left stale is indexed here, and what it did
                # is kept (each batch it wrote is whole: a transaction).
                theirs = changed[1::2]
                still = set(index.stale()[0])
                left = [key for key in theirs if key in still]
                stats.indexed += len(theirs) - len(left)
                writer.run(left, _after(len(mine), total, progress))
            else:
                indexed, failed = _COUNTS.unpack(answer)
                stats.indexed += indexed
                stats.failed += failed
            if progress is not None:
                progress(total, total)  # the child's last may have come after this one's
    finally:
        if child is not None:  # stopped here (Ctrl+C, an error): the child stops too
            _stop(child)
        shared.close()


def cores() -> int:
    """The processors this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


class Shared:
    """How many documents the child has parsed, written where this process reads it."""

    def __init__(self) -> None:
        self._map = mmap.mmap(-1, 8)  # anonymous and shared with a forked child

    def set(self, done: int) -> None:
        struct.pack_into("q", self._map, 0, done)

    def done(self) -> int:
        if self._map.closed:
            return 0
        value: int = struct.unpack_from("q", self._map, 0)[0]
        return value

    def close(self) -> None:
        self._map.close()


def _child_work(
    index: SearchIndex,
    keys: list[Key],
    ids: dict[Key, int],
    fresh: set[Key],
    known_forms: set[str],
    shared: Shared,
) -> bytes:  # pragma: no cover  (runs in the child: coverage does not follow it)
    from tui.content.search import SearchIndex, UpdateStats

    own = SearchIndex(index.library, index.path)
    if own.message is not None:
        raise OSError(own.message)  # the parent indexes this half
    stats = UpdateStats()
    parent = os.getppid()
    writer = Writer(own, ids, fresh, known_forms, stats)
    writer.run(keys, shared.set, stop=lambda: os.getppid() != parent)
    own.close()
    return _COUNTS.pack(stats.indexed, stats.failed)


def _answered(child: Child) -> bool:
    """Whether the child has written its answer (or is gone), after a moment's wait."""
    ready, _, _ = select.select([child.reading], [], [], PROGRESS_EVERY)
    return bool(ready)


def _after(before: int, total: int, progress: Progress | None) -> Callable[[int], None] | None:
    """*progress* for documents counted after *before* others."""
    if progress is None:
        return None
    return lambda done: progress(before + done, total)


def _stop(child: Child) -> None:
    with contextlib.suppress(OSError):  # gone already
        os.kill(child.pid, signal.SIGKILL)
    child_answer(child, lambda reading: None)
