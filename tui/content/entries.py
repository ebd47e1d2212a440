"""A library's entries by slug, each made from its cached list row when first used.

A library of 50,000 articles lists from the cache as 50,000 rows; an `Entry` (with its
`Path`, lists and problems) is made only for the entries something looks at: the
hundred cards on screen, the article opened. Memory and start-up then follow what is
shown, not the size of the library. Sorting and filtering read the rows directly
(`titles`, `listed`).
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping, Sequence
from itertools import repeat
from pathlib import Path
from typing import Any, NamedTuple, cast

from tui.content.collation import title_key
from tui.content.entry import Entry
from tui.content.listing_rows import SEP, Row, row_entry
from tui.content.listing_snapshot import Columns


class Source(NamedTuple):
    """Where a row's file lives: its folder, its library folder, and whose it is."""

    folder: Path
    root: Path
    yours: bool


# A row as `ListingCache.rows` gives it (name, size, mtime, kind, slug, title, summary,
# tags, words, body_line, related exercises, related articles, extra), with its source.
Lazy = tuple[Source, Row]

NAME, SIZE, MTIME, KIND, SLUG, TITLE, SUMMARY, TAGS = range(8)


def made(source: Source, row: Row) -> Entry:
    """The entry of a cached row; when the row is not one of ours after all (the cache
    file may have been written by anything), the entry read from its file."""
    folder = source.folder
    # Path objects made the quick way for a folder's own files (pathlib's glob does the
    # same): the public constructor costs several times more.
    child = getattr(folder, "_make_child_relpath", folder.joinpath)
    name, size, mtime = cast(tuple[str, int, int], row[:3])
    path = child(name)
    try:
        entry = row_entry(row, path, source.root, source.yours, size, mtime)
        if isinstance(entry, Entry):
            return entry
    except Exception:  # a row of the wrong shape
        pass
    from tui.content.folder_entries import read_guarded

    kind, slug = str(row[KIND]), cast(str, row[SLUG])
    found = read_guarded(path, kind if kind in ("article", "exercise") else "article", source.root)
    if isinstance(found, Entry):
        found.yours = source.yours
        return found
    # Unreadable since it was listed: listed on, with the reason.
    return Entry(kind, slug, path, slug, "", [], 0, problems=[found], root=source.root,
                 yours=source.yours)  # fmt: skip


def _first(item: tuple[str, str, str, bool]) -> str:
    return item[0]


class Entries(MutableMapping[str, Entry]):
    """Entries by slug, in the order they were added; a row becomes an Entry on first use.

    An item is an Entry, a row with its source, or the number of a row of the folder's
    snapshot (`Columns`): 50,000 of those cost one int each until something looks."""

    __slots__ = ("_changes", "_columns", "_items", "_pure")

    def __init__(self) -> None:
        self._items: dict[str, Entry | Lazy | int] = {}
        self._columns: Columns | None = None
        # Exactly the snapshot's rows, none added or taken away: its order by title is
        # then the library's, no sort needed.
        self._pure = False
        self._changes = 0

    @property
    def changes(self) -> int:
        """How many times an entry was set, added or taken away: what was made of every
        title holds while this stays the same (an entry made from its row is no change)."""
        return self._changes

    @classmethod
    def of_columns(cls, columns: Columns) -> Entries:
        """Every row of *columns* (its source set) as an entry made when first used
        (its slugs are unique and its rows all of one kind: the caller checked)."""
        entries = cls()
        slugs = columns.column(SLUG)
        entries._items = dict(zip(slugs, range(len(slugs)), strict=True))
        entries._columns = columns
        entries._pure = True
        return entries

    def _lazy(self, number: int) -> Lazy:
        columns = cast(Columns, self._columns)
        return cast(Source, columns.source), columns.row(number)

    def __getitem__(self, slug: str) -> Entry:
        item = self._items[slug]
        if isinstance(item, int):
            item = self._items[slug] = made(*self._lazy(item))
        elif isinstance(item, tuple):
            item = self._items[slug] = made(*item)
        return item

    def __setitem__(self, slug: str, entry: Entry) -> None:
        self._items[slug] = entry
        self._pure = False
        self._changes += 1

    def __delitem__(self, slug: str) -> None:
        del self._items[slug]
        self._pure = False
        self._changes += 1

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, slug: object) -> bool:
        return slug in self._items

    def __repr__(self) -> str:
        return f"Entries({len(self._items)} entries)"

    # ------------------------------------------------------------ without making entries

    def add_row(self, slug: str, source: Source, row: Row) -> None:
        self._items[slug] = (source, row)
        self._pure = False
        self._changes += 1

    def raw(self, slug: str) -> Entry | Lazy:
        """The entry, or its row when not made yet: moved between maps as it is."""
        item = self._items[slug]
        return self._lazy(item) if isinstance(item, int) else item

    def put_raw(self, slug: str, item: Entry | Lazy) -> None:
        self._items[slug] = item
        self._pure = False
        self._changes += 1

    def made_entries(self) -> Iterator[Entry]:
        """The entries already made: every entry with a problem is among them."""
        for item in self._items.values():
            if isinstance(item, Entry):
                yield item

    def _column(self, column: int) -> Sequence[Any]:
        return self._columns.column(column) if self._columns is not None else []

    def by_title(self) -> list[tuple[str, str, bool]]:
        """(slug, title, whether it is the reader's own) of every entry, by title
        regardless of case and accents (ties in the order added): one pass, no entry made."""
        titles = self._column(TITLE)
        columns = self._columns
        if self._pure and columns is not None:
            order, yours = columns.by_title, cast(Source, columns.source).yours
            slugs = map(columns.column(SLUG).__getitem__, order)
            return list(zip(slugs, map(titles.__getitem__, order), repeat(yours)))
        of_columns = columns is not None and columns.source is not None and columns.source.yours
        keyed: list[tuple[str, str, str, bool]] = []
        add = keyed.append
        for slug, item in self._items.items():
            found: Any = item
            if found.__class__ is int:
                title, yours = titles[found], of_columns
            elif found.__class__ is tuple:
                title, yours = found[1][TITLE], found[0].yours
            else:
                title, yours = found.title, found.yours
            add((title_key(title), slug, title, yours))
        keyed.sort(key=_first)
        return [(slug, title, yours) for _, slug, title, yours in keyed]

    def by_title_columns(self) -> tuple[list[str], list[str], list[bool]]:
        """`by_title` as three lists (slugs, titles, whether each is the reader's own):
        no tuple made per entry, for 50,000 lines written at once (`wellread list`)."""
        columns = self._columns
        if self._pure and columns is not None:
            order, titles = columns.by_title, self._column(TITLE)
            slugs = list(map(columns.column(SLUG).__getitem__, order))
            yours = [cast(Source, columns.source).yours] * len(slugs)
            return slugs, list(map(titles.__getitem__, order)), yours
        listed = self.by_title()
        return [e[0] for e in listed], [e[1] for e in listed], [e[2] for e in listed]

    def listing_digest(self) -> bytes | None:
        """The digest of what `by_title` gives (`Columns.listing_digest`, and whether
        the entries are the reader's own) when the entries are exactly a snapshot's
        rows; None otherwise."""
        columns = self._columns
        if not self._pure or columns is None:
            return None
        return columns.listing_digest() + bytes([cast(Source, columns.source).yours])

    def slugs_by_title(self) -> list[str]:
        """The slugs of `by_title`, without their titles (a start needs only these)."""
        columns = self._columns
        if self._pure and columns is not None:
            return list(map(columns.column(SLUG).__getitem__, columns.by_title))
        return [slug for slug, _, _ in self.by_title()]

    def texts(self, slugs: list[str]) -> list[str]:
        """Title, summary and tags of each of *slugs*, in one string each."""
        items = self._items
        out = []
        titles, summaries, tags_of = (self._column(c) for c in (TITLE, SUMMARY, TAGS))
        for slug in slugs:
            item = items[slug]
            if isinstance(item, Entry):
                out.append(" ".join([item.title, item.summary, *item.tags]))
                continue
            if isinstance(item, int):
                title, summary, tags = titles[item], summaries[item], tags_of[item]
            else:
                row: Any = item[1]
                title, summary, tags = row[TITLE], row[SUMMARY], row[TAGS]
            text = f"{title} {summary}"
            out.append(f"{text} {str(tags).replace(SEP, ' ')}" if tags else text)
        return out

    def stats(self) -> Iterator[tuple[str, int, int]]:
        """(slug, size, mtime_ns) of every entry as the library's scan saw its file."""
        sizes, mtimes = self._column(SIZE), self._column(MTIME)
        for slug, item in self._items.items():
            if isinstance(item, int):
                yield slug, sizes[item], mtimes[item]
            elif isinstance(item, tuple):
                row: Any = item[1]
                yield slug, row[SIZE], row[MTIME]
            else:
                yield slug, item.size, item.mtime_ns

    def files(self) -> Iterator[tuple[str, str, int, int]]:
        """(folder, file name, size, mtime_ns) of every entry, as listed."""
        names, sizes, mtimes = (self._column(c) for c in (NAME, SIZE, MTIME))
        for item in self._items.values():
            if isinstance(item, int):
                folder = cast(Source, cast(Columns, self._columns).source).folder
                yield str(folder), names[item], sizes[item], mtimes[item]
            elif isinstance(item, tuple):
                source, row = item
                yield str(source.folder), *cast(tuple[str, int, int], row[:3])
            else:
                path = item.path
                yield str(path.parent), path.name, item.size, item.mtime_ns
