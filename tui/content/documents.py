"""Library files into entries (front matter only) and full documents (body parsed)."""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.content.clean import clean_line, needs_cleaning
from tui.content.entry import Entry, ExerciseFacts
from tui.content.frontmatter import FrontMatter, parse_front_matter
from tui.content.problems import Problem, Severity
from tui.content.source import read_source
from tui.content.vocab import CAUTIONS, IMPACTS, KINDS

if TYPE_CHECKING:
    # The whole article model (twenty-odd dataclasses, about 20 ms to import) is made
    # only by build_article and build_exercise: reading a file for the list needs Entry.
    from tui.content.model import Article, Citation, Exercise, Inline


def _string(front: FrontMatter, key: str) -> str:
    value = front.data.get(key)
    if isinstance(value, list | dict):
        return ""  # reported by _text_field where it matters
    return clean_line(value)


def _text_field(path: Path, front: FrontMatter, key: str, problems: list[Problem]) -> str:
    """A field that must be text: a list, a number or yes/no there is a mistake."""
    value = front.data.get(key)
    if value is not None and not isinstance(value, str):
        kind = (
            "a list"
            if isinstance(value, list)
            else "a set of fields"
            if isinstance(value, dict)
            else "yes/no"
            if isinstance(value, bool)
            else "a number"
            if isinstance(value, int | float)
            else "not text"
        )
        problems.append(
            Problem(path, front.line_of(key), f"'{key}' must be text, but it is {kind}")
        )
    return _string(front, key)


def slug_of(path: Path) -> str:
    """The slug a file is listed under: its name without '.md', cleaned of anything
    that could not be shown (a file name can hold an escape sequence, or not be UTF-8)."""
    return clean_line(path.stem)


def _string_list(path: Path, front: FrontMatter, key: str, problems: list[Problem]) -> list[str]:
    value = front.data.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        problems.append(Problem(path, front.line_of(key), f"'{key}' must be a list"))
        return []
    items: list[str] = []
    for index, item in enumerate(value):
        if isinstance(item, str | int | float) and not isinstance(item, bool):
            items.append(clean_line(item))
        else:
            problems.append(
                Problem(path, front.line_of(key, index), f"'{key}' items must be plain text")
            )
    return items


# Front matter read again for an opened article: the last few, not every one ever read.
_FRONTS: OrderedDict[tuple[Path, int, int], FrontMatter] = OrderedDict()
_FRONTS_KEPT = 4
_FRONTS_LOCK = threading.Lock()


def reread_front(entry: Entry) -> FrontMatter:
    """An entry's whole front matter and body, from its file (the last few are kept).

    Raises ContentError when the file can no longer be read.
    """
    try:
        stat = entry.path.stat()
        key = (entry.path, stat.st_size, stat.st_mtime_ns)
    except OSError:
        key = (entry.path, -1, -1)
    with _FRONTS_LOCK:
        kept = _FRONTS.get(key)
        if kept is not None:
            _FRONTS.move_to_end(key)
            return kept
    front = parse_front_matter(entry.path, read_source(entry.path, entry.root).text)
    with _FRONTS_LOCK:
        _FRONTS[key] = front
        while len(_FRONTS) > _FRONTS_KEPT:
            _FRONTS.popitem(last=False)
    return front


# Keys the list never shows, and the bulk of the YAML (a long review lists hundreds
# of references): a listing skips them; opening the article and `check` read them.
_SKIPPED_KEYS = ("references", "key_points")
_TOP_KEY = re.compile(r"([A-Za-z_][\w-]*)\s*:(\s|$)")


def list_keys_only(text: str) -> str:
    """*text* (a whole file) with the front matter's references and key points blanked
    out, line numbers kept; *text* itself when its shape is not plain enough to be sure."""
    if not text.startswith("---\n"):
        return text
    close = re.search(r"^(---|\.\.\.)[ \t]*$", text[4:], re.MULTILINE)
    if close is None:
        return text
    head = text[4 : 4 + close.start()]
    lines = head.split("\n")
    skipping, changed = False, False
    for number, line in enumerate(lines):
        # An item of a top-level list may stand at the first column, under its key.
        if line[:1] not in ("", " ", "\t", "#", "-"):
            key = _TOP_KEY.match(line)
            if key is None:
                return text  # a top-level line that is not a plain key: parse it all
            skipping = key.group(1) in _SKIPPED_KEYS
        elif skipping and line.startswith("#"):
            return text
        if skipping:
            lines[number], changed = "", True
    if not changed:
        return text
    return "---\n" + "\n".join(lines) + text[4 + close.start() :]


def read_entry(
    path: Path,
    kind: str,
    root: Path | None = None,
    *,
    listing: bool = False,
    words: int | None = None,
) -> Entry:
    """Read a file's front matter. Raises ContentError when the file cannot be used at all.

    *root* is the library folder: a link that leads out of it is refused. *listing*:
    read only what the list shows (the entry keeps no front matter). *words*: the body's
    word count when already known for this very file (counting 4 MB takes 50 ms).
    """
    source = read_source(path, root)
    front = parse_front_matter(path, list_keys_only(source.text) if listing else source.text)
    problems = [*source.problems, *front.problems]
    slug = slug_of(path)
    if slug != path.stem or needs_cleaning(path.stem):
        problems.append(
            Problem(
                path,
                1,
                "the file name holds characters that cannot be shown (controls, invisible "
                f"characters or bytes that are not UTF-8); it is listed as '{slug}'",
                Severity.WARNING,
            )
        )
    title = _text_field(path, front, "title", problems)
    if not title:
        if front.data.get("title") is None or isinstance(front.data.get("title"), str):
            problems.append(Problem(path, front.line_of("title"), "missing 'title'"))
        title = slug.replace("-", " ").capitalize()
    summary = _text_field(path, front, "summary", problems)
    if not summary:
        problems.append(
            Problem(path, front.line_of("summary"), "missing 'summary'", Severity.WARNING)
        )
    tags = _string_list(path, front, "tags", problems)
    if words is None:
        words = _count_words(front.body)
    entry = Entry(
        kind,
        slug,
        path,
        title,
        summary,
        tags,
        words,
        loaded=None if listing else front,
        problems=problems,
        root=root,
        body_line=front.body_line,
        related_exercises=tuple(_string_list(path, front, "related_exercises", [])),
        related_articles=tuple(_string_list(path, front, "related_articles", [])),
    )
    if kind == "exercise":
        entry.facts = _facts(path, slug, title, front, [])
    return entry


def _count_words(body: str) -> int:
    # Counting words on the raw body is close enough for a reading time, and costs
    # one pass instead of a full parse; split() makes no match objects.
    return len(body.split())


def _check_cited(path: Path, citations: list[Citation], known: set[str]) -> list[Problem]:
    problems = []
    for citation in citations:
        for cite_id in citation.ids:
            if cite_id not in known:
                problems.append(
                    Problem(
                        path, citation.line, f"unknown citation id '@{cite_id}' (not in references)"
                    )
                )
    return problems


def _document_fields(entry: Entry, body_text: str | None = None) -> dict[str, Any]:
    # Loaded here: listing the library never needs the Markdown parser.
    from tui.content.markdown import parse_body
    from tui.content.references import parse_references

    path, front = entry.path, entry.front
    references, problems = parse_references(path, front)
    if not references:
        if "source" in front.data:
            # An imported page that cites nothing is still worth reading; say so, gently.
            problems.append(
                Problem(
                    path,
                    front.line_of("references"),
                    "imported article lists no references",
                    Severity.WARNING,
                )
            )
        else:
            problems.append(Problem(path, front.line_of("references"), "no 'references'"))
    body = parse_body(
        path, front.body if body_text is None else body_text, front.body_line, entry.title
    )
    problems.extend(body.problems)
    problems.extend(_check_cited(path, body.citations, {ref.id for ref in references}))
    return {
        "slug": entry.slug,
        "path": path,
        "title": entry.title,
        "summary": entry.summary,
        "tags": entry.tags,
        "references": references,
        "overview": body.overview,
        "sections": body.sections,
        "footnotes": body.footnotes,
        "citations": body.citations,
        # The same count as the library list shows, whichever part of the body was parsed.
        "word_count": entry.word_count,
        "problems": [*entry.problems, *problems],
    }


def _reviewed(path: Path, front: FrontMatter, problems: list[Problem]) -> dt.date | None:
    value = front.data.get("reviewed")
    if value is None or isinstance(value, dt.date):
        return value if not isinstance(value, dt.datetime) else value.date()
    if any(p.line == front.line_of("reviewed") for p in front.problems):
        return None  # the loader has said why already
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        problems.append(
            Problem(path, front.line_of("reviewed"), "'reviewed' must be a date such as 2026-11-01")
        )
        return None


def build_article(entry: Entry, body_text: str | None = None) -> Article:
    """The article; *body_text* replaces the body (an opening, for a preview)."""
    from tui.content.markdown import parse_inline
    from tui.content.model import Article

    fields = _document_fields(entry, body_text)
    path, front = entry.path, entry.front
    problems: list[Problem] = fields["problems"]
    known = {ref.id for ref in fields["references"]}

    key_points: list[list[Inline]] = []
    key_citations: list[Citation] = []
    for index, point in enumerate(_string_list(path, front, "key_points", problems)):
        runs, point_citations = parse_inline(path, point, front.line_of("key_points", index))
        key_points.append(runs)
        key_citations.extend(point_citations)
    problems.extend(_check_cited(path, key_citations, known))
    fields["citations"] = [*key_citations, *fields["citations"]]

    return Article(
        **fields,
        reviewed=_reviewed(path, front, problems),
        key_points=key_points,
        related_exercises=_string_list(path, front, "related_exercises", problems),
        related_articles=_string_list(path, front, "related_articles", problems),
        source=_source(front),
        suggested_exercises=front.data.get("suggested_exercises") is True,
    )


# What an imported article's `source` may say, in the order it is shown.
SOURCE_KEYS = ("file", "url", "site", "date", "imported")


def _source(front: FrontMatter) -> dict[str, str]:
    """An imported article's provenance: known keys with one-line text values only."""
    value = front.data.get("source")
    if not isinstance(value, dict):
        return {}
    return {
        key: clean_line(value[key])
        for key in SOURCE_KEYS
        if isinstance(value.get(key), str | int | dt.date) and clean_line(value[key])
    }


def read_exercise_facts(entry: Entry) -> tuple[ExerciseFacts, list[Problem]]:
    """A card's front-matter facts, checked against the vocabularies."""
    problems: list[Problem] = []
    return _facts(entry.path, entry.slug, entry.title, entry.front, problems), problems


def _facts(
    path: Path, slug: str, title: str, front: FrontMatter, problems: list[Problem]
) -> ExerciseFacts:
    def vocab(key: str, allowed: dict[str, Any]) -> str:
        value = _string(front, key)
        if value and value not in allowed:
            problems.append(
                Problem(
                    path,
                    front.line_of(key),
                    f"unknown {key} '{value}' (one of: {', '.join(allowed)})",
                )
            )
        elif not value:
            problems.append(Problem(path, front.line_of(key), f"missing '{key}'", Severity.WARNING))
        return value

    kind = vocab("kind", KINDS)
    impact = vocab("impact", IMPACTS)
    cautions = _string_list(path, front, "cautions", problems)
    for index, code in enumerate(cautions):
        if code not in CAUTIONS:
            problems.append(
                Problem(
                    path,
                    front.line_of("cautions", index),
                    f"unknown caution '{code}' (one of: {', '.join(CAUTIONS)})",
                )
            )
    return ExerciseFacts(
        slug=slug,
        title=title,
        kind=kind,
        impact=impact,
        equipment=tuple(_string_list(path, front, "equipment", problems)),
        dose=_string(front, "dose"),
        cautions=tuple(cautions),
    )


def build_exercise(entry: Entry) -> Exercise:
    from tui.content.model import Exercise

    fields = _document_fields(entry)
    facts, problems = read_exercise_facts(entry)
    fields["problems"].extend(problems)
    return Exercise(
        **fields,
        kind=facts.kind,
        impact=facts.impact,
        equipment=list(facts.equipment),
        dose=facts.dose,
        cautions=list(facts.cautions),
    )
