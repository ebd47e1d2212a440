"""A file's list data as one row of the list cache (tui.content.listing), and the entry
a row describes: what is kept of a file, and what is made of it again."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, cast

from tui.content.entry import Entry, ExerciseFacts
from tui.content.folder_scan import Scanned
from tui.content.problems import Problem, Severity

SEP = "\x1f"  # between tags and related ids (the cleaner takes it out of any text)

Row = tuple[object, ...]


def storable(text: str) -> bool:
    """Whether a name can be kept in the cache: a file name that is not UTF-8 (read
    with surrogates) is read afresh each time instead."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _problems_json(problems: Iterable[Problem]) -> list[list[object]]:
    return [[p.line, p.message, p.severity.value] for p in problems]


def _problems_from(path: Path, items: list[list[object]]) -> list[Problem]:
    return [Problem(path, int(str(line)), str(msg), Severity(str(sev))) for line, msg, sev in items]


def entry_row(folder: Path, scanned: Scanned, entry: Entry | Problem) -> Row:
    """What is kept of a file: its list data, or the reason it could not be listed."""
    if isinstance(entry, Problem):
        extra = json.dumps({"unreadable": _problems_json([entry])[0]})
        return (str(folder), *scanned, "", "", "", "",
                "", 0, 1, "", "", extra)  # fmt: skip
    data: dict[str, object] = {}
    if entry.problems:
        data["problems"] = _problems_json(entry.problems)
    if entry.facts is not None:
        facts = entry.facts
        data["facts"] = [facts.kind, facts.impact, list(facts.equipment), facts.dose,
                         list(facts.cautions)]  # fmt: skip
    return (
        str(folder),
        *scanned,
        entry.kind,
        entry.slug,
        entry.title,
        entry.summary,
        SEP.join(entry.tags),
        entry.word_count,
        entry.body_line,
        SEP.join(entry.related_exercises),
        SEP.join(entry.related_articles),
        json.dumps(data) if data else None,
    )


def _split(text: str) -> list[str]:
    return text.split(SEP) if text else []


def row_entry(
    row: Row, path: Path, root: Path, yours: bool, size: int = -1, mtime_ns: int = -1
) -> Entry | Problem:
    """The entry a cached row (as `ListingCache.rows` gives it) describes, or the problem
    that kept the file out.

    Raises ValueError (or another error) for a row that is not one of ours: the cache
    file may have been written by anything.
    """
    (_, _, _, kind, slug, title, summary, tags, words, body_line, related_ex, related_ar,
     extra) = cast(tuple[Any, ...], row)  # fmt: skip
    # One chained test: this runs 50,000 times on a large library's every start.
    if not (
        type(kind) is type(slug) is type(title) is type(summary) is type(tags) is str
        and type(related_ex) is type(related_ar) is str
        and type(words) is type(body_line) is int
        and (extra is None or type(extra) is str)
    ):
        raise ValueError("a cached row of the wrong shape")
    problems: list[Problem] = []
    facts = None
    if extra:
        data = json.loads(extra)
        if "unreadable" in data:
            return _problems_from(path, [data["unreadable"]])[0]
        problems = _problems_from(path, data.get("problems", []))
        facts = data.get("facts")
    entry = Entry(
        kind,
        slug,
        path,
        title,
        summary,
        tags.split(SEP) if tags else [],
        words,
        None,
        problems,
        root,
        yours,
        body_line,
        tuple(related_ex.split(SEP)) if related_ex else (),
        tuple(related_ar.split(SEP)) if related_ar else (),
        None,
        size,
        mtime_ns,
    )
    if facts is not None:
        kind_, impact, equipment, dose, cautions = facts
        entry.facts = ExerciseFacts(
            entry.slug, entry.title, kind_, impact, tuple(equipment), dose, tuple(cautions)
        )
    return entry
