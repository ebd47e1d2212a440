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
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from itertools import compress, count
from operator import ne
from pathlib import Path
from typing import cast

from tui.content.entries import KIND, MTIME, SIZE, SLUG, Entries, Source
from tui.content.entry import Entry
from tui.content.folder_scan import Scanned, scan
from tui.content.library_signature import SETTLING_NS, FolderLook
from tui.content.listing import ListingCache
from tui.content.listing_patch import patch
from tui.content.listing_rows import Row, entry_row, row_entry, storable
from tui.content.listing_snapshot import NAME, Buffer, Columns
from tui.content.problems import ContentError, Problem, Severity

# More files changed than this, and a folder's snapshot is written anew, not patched.
PATCH_MOST = 256


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
    looked: FolderLook | None = None,
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
        before = os.stat(folder).st_mtime_ns if looked is None else looked.before
        known = cache.listed_at(folder) if cache is not None else None
        decoded = cache.decoded(folder, kind) if cache is not None else None
        token, columns = decoded if decoded is not None else (b"", None)
        source = Source(folder, root, yours)
        if columns is not None:
            columns.source = source
        if trust and cache is not None and known == before:
            if columns is not None and _whole(columns, kind):
                return Entries.of_columns(columns), True
            rows = columns.rows() if columns is not None else cache.each_row(folder)
            return _trusted(folder, kind, unreadable, root, yours, rows), True
        scanned = scan(folder) if looked is None else None
    except OSError as error:
        unreadable.append(Problem(folder, 1, f"cannot list the folder: {error.strerror}"))
        return entries, False
    if columns is not None:
        assert cache is not None
        settled = time.time_ns() - before > SETTLING_NS
        if _whole(columns, kind):
            seen: Files = (looked.names, looked.sizes, looked.times) if looked else _files(scanned)
            kept = (columns.column(NAME), columns.numbers[SIZE], columns.numbers[MTIME])
            changed, removed = _differences(seen, kept)
            if not changed and not removed:
                # Every file as its row says: the rows as they are, and nothing to
                # store but the folder's time (when settled: see below).
                same: Snapshot = (token, None, columns.count)  # the file stays as it is
                cache.store(folder, [], [], before if settled else None, known, same)
                return Entries.of_columns(columns), False
            made = _patched(folder, kind, root, columns, changed, removed)
            if made is not None:
                new_rows, gone, (patched, body) = made
                patched.source = source
                entries = Entries.of_columns(patched)
                if len(entries) == patched.count:  # else a new row's slug is taken
                    made_now: Snapshot = (token, body, patched.count)
                    cache.store(
                        folder, new_rows, gone, before if settled else None, known, made_now
                    )
                    return entries, False
                entries = Entries()
        cached = dict(zip(columns.column(NAME), columns.rows(), strict=True))
    else:
        cached = cache.rows(folder) if cache is not None else {}
    if scanned is None:
        assert looked is not None
        scanned = looked.scanned()
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


def _patched(
    folder: Path,
    kind: str,
    root: Path,
    columns: Columns,
    changed: list[Scanned],
    removed: set[str],
) -> tuple[list[Row], list[str], tuple[Columns, list[Buffer]]] | None:
    """When a few files were added or changed (*changed*, by name) or rows no longer
    hold (*removed*: changed or gone) since the snapshot of *columns* (whole) was
    written: the rows to store, the names gone, and the snapshot patched for them
    (tui.content.listing_patch). None when there are more changes than that, or a
    changed file has problems to report: then the folder is listed row by row."""
    if len(changed) + len(removed) > PATCH_MOST:
        return None
    names = columns.column(NAME)
    where: dict[str, int] = {}  # an old row's number by its name
    for name in removed:
        at = bisect_left(names, name)
        if at == len(names) or names[at] != name:  # rows not in the order of our making
            return None
        where[name] = at
    child = getattr(folder, "_make_child_relpath", folder.joinpath)
    rows_at: dict[int, list[Row]] = {}  # new rows by the old row they go before
    fresh: list[Row] = []
    for item in changed:
        name, size, _ = item
        if size < 0 or not storable(name):
            return None
        entry = read_guarded(child(name), kind, root)
        if (
            not isinstance(entry, Entry)
            or entry.kind != kind
            or entry.problems
            or entry.facts is not None
        ):
            return None
        fresh.append(entry_row(folder, item, entry))
        at = where[name] if name in where else bisect_left(names, name)
        rows_at.setdefault(at, []).append(fresh[-1][1:])
    gone_at = set(where.values())
    spots = sorted(gone_at.union(rows_at))
    made = patch(columns, [(at, int(at in gone_at), rows_at.get(at, [])) for at in spots])
    if made is None:
        return None
    gone = sorted(removed.difference(name for name, _, _ in changed))
    return fresh, gone, made


# The token of the snapshot read, and its body with the changes made (None: no change).
Snapshot = tuple[bytes, list[Buffer] | None, int]
# A folder's files as columns: names, sizes, modification times.
Files = tuple[Sequence[str], Sequence[int], Sequence[int]]


def _files(scanned: list[Scanned] | None) -> Files:
    """*scanned* as columns (names a list, as the cached rows' are: compared as lists)."""
    names, sizes, times = zip(*scanned, strict=True) if scanned else ((), (), ())
    return list(names), sizes, times


def _differences(seen: Files, kept: Files) -> tuple[list[Scanned], set[str]]:
    """The files *seen* not as their rows (*kept*) say, new or changed, by name; and
    the names of the rows whose file is not as they say, changed or gone."""
    names, sizes, times = seen
    kept_names, kept_sizes, kept_times = kept
    if names == kept_names:  # both by name: the files as they were, their numbers aside
        at = _differing(sizes, kept_sizes).union(_differing(times, kept_times))
        return sorted((names[i], sizes[i], times[i]) for i in at), {names[i] for i in at}
    where = dict(zip(kept_names, count()))
    found = list(map(where.get, names))
    if len(found) == len(kept_names) and None not in found:
        rows = cast(list[int], found)
        # The same names (a folder lists each once): each file's numbers against its
        # row's, in C, without a tuple made per file or the files sorted.
        at = set(compress(count(), map(ne, map(kept_sizes.__getitem__, rows), sizes)))
        at.update(compress(count(), map(ne, map(kept_times.__getitem__, rows), times)))
        return sorted((names[i], sizes[i], times[i]) for i in at), {names[i] for i in at}
    now = set(zip(names, sizes, times, strict=True))
    before = set(zip(kept_names, kept_sizes, kept_times, strict=True))
    return sorted(now.difference(before)), {name for name, _, _ in before.difference(now)}


def _differing(numbers: Sequence[int], others: Sequence[int]) -> set[int]:
    """Where two equally long columns of numbers differ: compared as bytes, a block at a
    time, when both are arrays (50,000 numbers made objects to compare cost 15 ms)."""
    if not (
        isinstance(numbers, array)
        and isinstance(others, array)
        and numbers.typecode == others.typecode
        and len(numbers) == len(others)
    ):
        return set(compress(count(), map(ne, numbers, others)))
    mine, theirs = numbers.tobytes(), others.tobytes()
    block = 512 * numbers.itemsize
    found: set[int] = set()
    for start in range(0, len(mine), block) if mine != theirs else ():
        if mine[start : start + block] != theirs[start : start + block]:
            first = start // numbers.itemsize
            last = min(first + 512, len(numbers))
            found.update(i for i in range(first, last) if numbers[i] != others[i])
    return found


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
