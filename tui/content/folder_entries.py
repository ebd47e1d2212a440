"""One folder of a library listed: from the list cache where its rows still hold, from
the files where they do not.

A full listing looks at every file's size and time (one stat each); a trusted one, for
the app's first frame, takes the cached rows as they are when the folder itself has not
changed since its last full listing (no file added, removed or renamed), and the app
lists it in full once the screen is drawn (`Library.verify`).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import cast

from tui.content.entries import KIND, SLUG, Entries, Source
from tui.content.folder_scan import Scanned, scan
from tui.content.library_signature import SETTLING_NS
from tui.content.listing import ListingCache, Row, entry_row, row_entry, storable
from tui.content.listing_snapshot import NAME, Columns
from tui.content.model import Entry
from tui.content.problems import ContentError, Problem, Severity


def read_guarded(path: Path, kind: str, root: Path) -> Entry | Problem:
    from tui.content import documents  # loaded on first use (see the module)

    try:
        return documents.read_entry(path, kind, root, listing=True)
    except ContentError as error:
        return error.problem
    except Exception as error:  # whatever one file does, the rest of the library loads
        reason = (
            "it is nested too deeply"
            if isinstance(error, RecursionError)
            else (type(error).__name__)
        )
        return Problem(path, 1, f"the file could not be read: {reason}")


def folder_entries(
    folder: Path,
    kind: str,
    unreadable: list[Problem],
    root: Path,
    yours: bool,
    cache: ListingCache | None,
    trust: bool = False,
    looked: tuple[int, list[Scanned]] | None = None,
) -> tuple[Entries, bool]:
    """The entries of one folder, and whether they were trusted (listed from the cache
    without a look at each file: *trust*, and the folder unchanged since its last full
    listing). What cannot be listed is added to *unreadable*. *looked*: the folder's
    time before a look just taken, and what it saw (tui.content.library_signature),
    used instead of looking again."""
    entries = Entries()
    if cache is not None and not storable(str(folder)):
        cache = None
    try:
        if looked is None and not folder.is_dir():
            return entries, False
        before = os.stat(folder).st_mtime_ns if looked is None else looked[0]
        known = cache.listed_at(folder) if cache is not None else None
        columns = cache.snapshot(folder, kind) if cache is not None else None
        source = Source(folder, root, yours)
        if columns is not None:
            columns.source = source
        if trust and cache is not None and known == before:
            if columns is not None and _whole(columns, kind):
                return Entries.of_columns(columns), True
            rows = columns.rows() if columns is not None else cache.each_row(folder)
            return _trusted(folder, kind, unreadable, root, yours, rows), True
        scanned = scan(folder) if looked is None else looked[1]
    except OSError as error:
        unreadable.append(Problem(folder, 1, f"cannot list the folder: {error.strerror}"))
        return entries, False
    if columns is not None:
        if _whole(columns, kind) and scanned == columns.names_sizes_times():
            # Every file as its row says: the rows as they are, and nothing to store
            # but the folder's time (when settled: see below).
            settled = time.time_ns() - before > SETTLING_NS
            assert cache is not None
            cache.store(folder, [], [], before if settled else None, known)
            return Entries.of_columns(columns), False
        cached = dict(zip(columns.column(NAME), columns.rows(), strict=True))
    else:
        cached = cache.rows(folder) if cache is not None else {}
    fresh: list[Row] = []
    child = getattr(folder, "_make_child_relpath", folder.joinpath)
    for item in scanned:
        name, size, mtime = item
        row = cached.pop(name, None)
        if (
            row is not None
            and row[1] == size
            and row[2] == mtime
            and row[KIND] == kind
            and size >= 0
            and row[-1] is None  # no problems, no card facts: made when first used
        ):
            _add_row(entries, unreadable, source, row, name, child)
            continue
        path = child(name)
        found: Entry | Problem | None = None
        if row is not None and row[1] == size and row[2] == mtime and size >= 0:
            try:
                found = row_entry(row, path, root, yours, size, mtime)
            except Exception:  # a row not of our making: the file is read instead
                found = None
            if found is not None and found.__class__ is Entry and found.kind != kind:
                found = None
        if found is None:
            found = read_guarded(path, kind, root)
            if isinstance(found, Entry):
                found.yours = yours
                found.size, found.mtime_ns = size, mtime
            if cache is not None and size >= 0 and storable(name):
                fresh.append(entry_row(folder, item, found))
        _add_found(entries, unreadable, path, found)
    if cache is not None:
        # The folder's time is kept only when settled: a file added within the same
        # tick of the clock would leave it as it was.
        settled = time.time_ns() - before > SETTLING_NS
        # What is left in *cached* is gone.
        cache.store(folder, fresh, cached, before if settled else None, known)
    return entries, False


def _whole(columns: Columns, kind: str) -> bool:
    """Whether every row of *columns* can be an entry as it is: all of *kind*, with
    no problems or card facts, no two of one slug."""
    return (
        columns.plain and columns.kind == kind and len(set(columns.column(SLUG))) == columns.count
    )


def _trusted(
    folder: Path,
    kind: str,
    unreadable: list[Problem],
    root: Path,
    yours: bool,
    rows: Iterable[Row],
) -> Entries:
    """The folder's entries as its cached rows say, none of its files looked at."""
    entries = Entries()
    source = Source(folder, root, yours)
    child = getattr(folder, "_make_child_relpath", folder.joinpath)
    for row in rows:
        name = cast(str, row[0])
        found: Entry | Problem | None = None
        if row[KIND] == kind and row[-1] is None:
            _add_row(entries, unreadable, source, row, name, child)
            continue
        path = child(name)
        size, mtime = cast(tuple[int, int], row[1:3])
        try:
            found = row_entry(row, path, root, yours, size, mtime)
        except Exception:  # a row not of our making: the file is read instead
            found = None
        if found is None or (found.__class__ is Entry and found.kind != kind):
            found = read_guarded(path, kind, root)
            if isinstance(found, Entry):
                found.yours = yours
        _add_found(entries, unreadable, path, found)
    return entries


def _add_row(
    entries: Entries,
    unreadable: list[Problem],
    source: Source,
    row: Row,
    name: str,
    child: Callable[[str], Path],
) -> None:
    """A cached row as an entry made when first used (its path made only for a clash)."""
    slug = row[SLUG]
    assert isinstance(slug, str)  # the cache's query checks the types
    if slug in entries:
        _same_slug(unreadable, child(name), slug, entries)
    else:
        entries.add_row(slug, source, row)


def _add_found(
    entries: Entries, unreadable: list[Problem], path: Path, found: Entry | Problem
) -> None:
    """An entry read from its file or its row, or the problem that stopped it."""
    if isinstance(found, Problem):
        unreadable.append(found)
    elif found.slug in entries:
        _same_slug(unreadable, path, found.slug, entries)
    else:
        entries[found.slug] = found


def _same_slug(unreadable: list[Problem], path: Path, slug: str, entries: Entries) -> None:
    # Two names that differ only in characters cleaned away.
    unreadable.append(
        Problem(
            path,
            1,
            f"lists as '{slug}', like {entries[slug].path.name!r}; not read",
            Severity.ERROR,
        )
    )
