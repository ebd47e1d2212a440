"""Which places a search shows first: bm25 over every match, or, for words found in
most of the library, by where the words stand.

FTS5's bm25 scores every matching row. For a word the whole library uses ("walking"
in 246,598 places of 50,000 articles) that is about half a second, the longest part
of a search by far, and it buys little: bm25 weighs a word by how rare it is, and
FTS5 gives a word found in most rows a weight near zero (clamped to a millionth), so
the order it finds among such places rests on their lengths alone.

Past RANKED_AT_MOST matches, the places are taken in tiers instead: the words in a
title, then in a heading, then anywhere. A tier small enough is ranked by bm25 as
usual; a larger one by the weight of its kind of place (an article's text above its
references, an article above a card: tui.content.search_rows.WEIGHTS) and then the
library's order. Counting a tier reads no positions, so it costs a few milliseconds.
"""

from __future__ import annotations

import sqlite3

# Matches bm25 ranks in one go: on a two-core machine about 30 ms of scoring.
RANKED_AT_MOST = 20_000
# Where the words must stand, best first: a column of `sections`, or None for anywhere.
TIERS: tuple[str | None, ...] = ("title", "heading", None)


def best_rowids(db: sqlite3.Connection, fts: str, limit: int, score: str, weight: str) -> list[int]:
    """The rowids of the *limit* best rows of `sections` for the FTS5 query *fts*, best
    first. *score* is the SQL of a row's score (lower is better), *weight* that of its
    kind's weight (higher is better); both may read only the row being ranked."""
    matched = _count(db, fts)
    if matched <= RANKED_AT_MOST:
        return _ranked(db, fts, limit, score)
    taken: list[int] = []
    seen: set[int] = set()
    for column in TIERS:
        if len(taken) >= limit:
            break
        query = fts if column is None else f"{{{column}}} : ({fts})"
        size = matched if column is None else _count(db, query)
        if not size:
            continue
        # Rows of an earlier tier come again here: enough are asked for to pass them.
        wanted = limit - len(taken) + len(seen)
        rows = (
            _ranked(db, query, wanted, score)
            if size <= RANKED_AT_MOST
            else _by_weight(db, query, wanted, weight)
        )
        for rowid in rows:
            if rowid not in seen:
                seen.add(rowid)
                taken.append(rowid)
                if len(taken) == limit:
                    break
    return taken


def _count(db: sqlite3.Connection, fts: str) -> int:
    """How many rows match, counted up to one past RANKED_AT_MOST: all a tier's size
    decides. Counting stops there (the 246,598 places of a word in every article took
    a fifth of that search)."""
    found = db.execute(
        "SELECT count(*) FROM (SELECT 1 FROM sections WHERE sections MATCH ? LIMIT ?)",
        (fts, RANKED_AT_MOST + 1),
    )
    return int(found.fetchone()[0])


def _ranked(db: sqlite3.Connection, fts: str, limit: int, score: str) -> list[int]:
    # Equal scores in the order of the documents and their parts.
    rows = db.execute(
        f"SELECT rowid FROM sections WHERE sections MATCH ? ORDER BY {score}, rowid LIMIT ?",
        (fts, limit),
    )
    return [rowid for (rowid,) in rows]


def _by_weight(db: sqlite3.Connection, fts: str, limit: int, weight: str) -> list[int]:
    rows = db.execute(
        f"SELECT rowid FROM sections WHERE sections MATCH ? ORDER BY {weight} DESC, rowid LIMIT ?",
        (fts, limit),
    )
    return [rowid for (rowid,) in rows]


def shown_rows(
    db: sqlite3.Connection, rowids: list[int]
) -> list[tuple[str, str, int, str, str, str]]:
    """What is shown of each of *rowids* (kind, slug, entry, title, heading, text), in
    their order."""
    marks = ", ".join("?" * len(rowids))
    shown = {
        row[0]: row[1:]
        for row in db.execute(
            f"SELECT id, kind, slug, entry, title, heading, text FROM parts WHERE id IN ({marks})",
            rowids,
        )
    }
    return [shown[rowid] for rowid in rowids if rowid in shown]
