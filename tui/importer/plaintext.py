"""A page saved as plain text (a browser's "save as text", a copy and paste) into a draft.

The text has lost its tags, so structure is read from the shape of the lines: the title
is the first line, a heading is a short line with no closing punctuation followed by a
paragraph or a list, and the reference list is the trailing run of numbered lines that
look like citations. Everything this module drops is named in the draft for the report.
"""

from __future__ import annotations

import re

from tui.importer.boilerplate import is_boilerplate, is_site_disclaimer, word_count
from tui.importer.draft import Block, Draft, RawReference
from tui.importer.refparse import looks_like_reference

_ITEM = re.compile(r"^\s{0,8}(?:[-*\u2022\u2013\u00b7\u25aa]|(\d{1,3})[.)])\s+(\S.*)$")
_REF_HEADINGS = re.compile(
    r"^(references|sources|bibliography|works cited|citations|literature cited)\s*:?$", re.I
)
LONG_PARAGRAPH = 15  # words: a unit this long is article text, not a caption or a button
HEADING_WORDS = 12


def _units(text: str) -> list[list[str]]:
    """Runs of non-blank lines; a list item on its own line is a run of its own."""
    units: list[list[str]] = []
    current: list[str] = []
    for raw in text.split("\n"):
        line = raw.rstrip()
        if not line.strip():
            if current:
                units.append(current)
                current = []
            continue
        if _ITEM.match(line) and current and not _ITEM.match(current[-1]):
            units.append(current)
            current = []
        current.append(line)
    if current:
        units.append(current)
    return units


def _is_list(unit: list[str]) -> bool:
    return _ITEM.match(unit[0]) is not None


def _is_long(unit: list[str]) -> bool:
    return _is_list(unit) or word_count(" ".join(unit)) >= LONG_PARAGRAPH


def _is_text(unit: list[str]) -> bool:
    """Article text under a heading: a list, or a sentence of a few words or more."""
    joined = " ".join(unit).strip()
    return _is_long(unit) or (word_count(joined) >= 6 and joined.endswith((".", ":", "!", "?")))


def _heading_shape(unit: list[str]) -> bool:
    if len(unit) != 1 or _is_list(unit):
        return False
    line = unit[0].strip()
    return (
        word_count(line) <= HEADING_WORDS
        and len(line) <= 100
        and line[:1].isupper()
        and not line.endswith((".", ":", ";", ","))
    )


def _reference_run(units: list[list[str]], draft: Draft) -> int:
    """Where the trailing reference list starts; its items go into the draft."""
    end = len(units)
    # Furniture after the references ("Explore related articles") is dropped first.
    while end > 0 and len(units[end - 1]) == 1 and is_boilerplate(units[end - 1][0]):
        draft.dropped.append(units[end - 1][0].strip())
        end -= 1
    start = end
    while start > 0:
        lines = units[start - 1]
        if not all(looks_like_reference(line) for line in lines):
            break
        start -= 1
    found: list[RawReference] = []
    for unit in units[start:end]:
        for line in unit:
            match = _ITEM.match(line)
            number = int(match.group(1)) if match and match.group(1) else None
            found.append(RawReference(match.group(2) if match else line.strip(), number=number))
    draft.references = found
    if start > 0 and found and _REF_HEADINGS.match(" ".join(units[start - 1]).strip()):
        start -= 1
    return start if found else len(units)


def _tail_start(units: list[list[str]], first: int) -> int:
    """Where the page furniture after the article begins (sign-up forms and the like).

    The first furniture line after which no heading-and-paragraph follows: an article
    that mentions "subscribe" in passing keeps its later sections.
    """
    for index in range(first, len(units)):
        unit = units[index]
        if len(unit) == 1 and is_boilerplate(unit[0]):
            later = range(index + 1, len(units) - 1)
            if not any(_heading_shape(units[i]) and _is_long(units[i + 1]) for i in later):
                return index
    return len(units)


def read_text_dump(text: str, title: str | None = None) -> Draft:
    draft = Draft(extractor="text")
    units = _units(text)
    if not units:
        return draft
    draft.title = title or " ".join(units[0]).strip()
    body_end = _reference_run(units, draft)
    after_references = draft.dropped
    draft.dropped = []
    tail = _tail_start(units, 1)
    begun = False
    body = units[1 : min(tail, body_end)]
    for index, unit in enumerate(body):
        joined = " ".join(line.strip() for line in unit)
        following = body[index + 1] if index + 1 < len(body) else None
        if _is_list(unit):
            items = [m.group(2).strip() for line in unit if (m := _ITEM.match(line))]
            ordered = bool((m := _ITEM.match(unit[0])) and m.group(1))
            draft.blocks.append(Block("list", items=items, ordered=ordered))
            begun = True
        elif (len(unit) == 1 and is_boilerplate(joined)) or is_site_disclaimer(joined):
            draft.dropped.append(joined)
        elif _heading_shape(unit) and following is not None and _is_text(following) and begun:
            draft.blocks.append(Block("heading", joined, level=2))
        elif not _is_long(unit) and (
            not begun
            or (len(unit) == 1 and word_count(joined) <= 5 and not joined.endswith((".", "!", "?")))
        ):
            # A caption, image description or button before the text began, or an
            # orphan label between paragraphs.
            draft.dropped.append(joined)
        else:
            draft.add_paragraph(joined)
            begun = True
    for unit in units[tail:body_end]:
        draft.dropped.extend(line.strip() for line in unit)
    draft.dropped.extend(after_references)
    return draft
