"""Author-year and numbered citations in the text into Pandoc's `[@id]`.

A citation is linked only to a reference the page itself lists: first on the first
author's family name, then on a co-author's, then on the first author's given name (some
pages cite "Arnaud, 2015" for Arnaud Boudenot; reported so the reader can check). A
citation naming a year alone is linked only when exactly one reference has that year.
Anything else stays as written and is reported: a reference is never invented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from tui.importer.refparse import fold, year_of

_YEAR = r"(?:19|20)\d{2}[a-z]?"
# Bounded everywhere so that a long line is read in linear time.
_PARENS = re.compile(r"\(([^()\n]{1,300})\)")
_NAMED = re.compile(
    rf"^(?P<names>[A-Z\u00c0-\u024f][^\d();,]{{0,80}}?),?\s+(?P<year>{_YEAR})"
    r"(?:,\s?(?:p|pp)\.\s?[\d\u2013-]{1,12})?$"
)
_NARRATIVE = re.compile(
    r"(?P<names>\b[A-Z\u00c0-\u024f][\w'\u2019-]{1,40}"
    r"(?:\s(?:et\sal\.?|and\s[A-Z][\w'\u2019-]{1,40}|&\s[A-Z][\w'\u2019-]{1,40}))?)"
    rf"\s\((?P<year>{_YEAR})\)"
)
_YEAR_ONLY = re.compile(rf"\b(?P<year>{_YEAR})\b")
_NUMBERED = re.compile("\u27e6cite:([^\u27e7\\s]{1,80})\u27e7")
CITE_MARK = "\u27e6cite:{}\u27e7"  # where the HTML reader found a numbered citation link


@dataclass
class CitationReport:
    linked: list[tuple[str, str]] = field(default_factory=list)  # (as written, id)
    given_name: list[tuple[str, str]] = field(default_factory=list)
    year_only: list[tuple[str, str]] = field(default_factory=list)
    unlinked: list[tuple[str, str]] = field(default_factory=list)  # (as written, why)


class Linker:
    def __init__(self, references: list[dict[str, Any]], anchors: dict[str, str]) -> None:
        self.references = references
        self.anchors = anchors  # element id a numbered citation points at -> reference id
        self.report = CitationReport()
        # (how, folded name, year) -> references, built once: a long page cites hundreds
        # of times.
        self._index: dict[tuple[str, str, int | None], list[dict[str, Any]]] = {}
        for csl in references:
            authors = csl.get("author") or []
            year = year_of(csl)
            names = {
                "first": [authors[0].get("family", "")] if authors else [],
                "co": [a.get("family", "") for a in authors[1:]],
                "given": [authors[0].get("given", "")] if authors else [],
            }
            for how, values in names.items():
                keys = {fold(v) for v in values} | {fold(v.split()[-1]) for v in values if v}
                for key in keys - {""}:
                    self._index.setdefault((how, key, year), []).append(csl)

    def _by(self, name: str, year: int, how: str) -> list[dict[str, Any]]:
        return self._index.get((how, fold(name), year), [])

    def match(self, names: str, year_text: str, written: str) -> str | None:
        year = int(year_text[:4])
        first = re.split(r"\s+(?:et\s+al\.?|and|&)\s*|,", names.strip())[0].strip()
        if not first:
            return None
        for how in ("first", "co", "given"):
            found = self._by(first, year, how)
            if len(found) == 1:
                ref_id = str(found[0]["id"])
                if how == "given":
                    self.report.given_name.append((written, ref_id))
                else:
                    self.report.linked.append((written, ref_id))
                return ref_id
            if len(found) > 1:
                self.report.unlinked.append((written, "more than one reference matches"))
                return None
        self.report.unlinked.append((written, f"no reference by {first} in {year_text[:4]}"))
        return None

    def _year_only(self, year_text: str, written: str) -> str | None:
        year = int(year_text[:4])
        found = [csl for csl in self.references if year_of(csl) == year]  # rare: no name
        if len(found) == 1:
            ref_id = str(found[0]["id"])
            self.report.year_only.append((written, ref_id))
            return ref_id
        why = (
            "names no author, and no reference is from that year"
            if not found
            else ("names no author, and several references are from that year")
        )
        self.report.unlinked.append((written, why))
        return None

    def _parenthetical(self, match: re.Match[str]) -> str:
        inside = match.group(1)
        if not _YEAR_ONLY.search(inside):
            return match.group(0)
        parts = [p.strip() for p in inside.split(";")]
        ids: list[str | None] = []
        for part in parts:
            named = _NAMED.match(part)
            if named:
                ids.append(self.match(named.group("names"), named.group("year"), f"({inside})"))
                continue
            year = _YEAR_ONLY.search(part)
            # "(1999 study)": a year and a word or two, no author.
            no_name = not re.search(r"[A-Z]", part)
            if year and no_name and len(part.split()) <= 3 and not re.search(r"\d{3,}\D+\d", part):
                ids.append(self._year_only(year.group("year"), f"({inside})"))
            else:
                return match.group(0)
        found = [i for i in ids if i]
        if len(found) == len(ids):
            return "[" + "; ".join(f"@{i}" for i in found) + "]"
        if found:
            # Keep what could not be linked as written beside what could.
            return f"({inside}) [" + "; ".join(f"@{i}" for i in found) + "]"
        return match.group(0)

    def _narrative(self, match: re.Match[str]) -> str:
        ref_id = self.match(match.group("names"), match.group("year"), match.group(0))
        if ref_id is None:
            return match.group(0)
        return f"{match.group('names')} [-@{ref_id}]"

    def _numbered(self, match: re.Match[str]) -> str:
        # The page's own id, before Markdown escaping touched it ("cite\\_note-1").
        anchor = match.group(1).replace("\\", "")
        ref_id = self.anchors.get(anchor)
        if ref_id is None:
            self.report.unlinked.append((f"#{anchor}", "points at no item of the reference list"))
            return ""
        self.report.linked.append((f"#{anchor}", ref_id))
        return f"[@{ref_id}]"

    def link(self, text: str) -> str:
        text = _NUMBERED.sub(self._numbered, text)
        text = re.sub(r"(?<=[A-Za-z0-9_])\],?\s?\[@", "; @", text)
        text = _PARENS.sub(self._parenthetical, text)
        return _NARRATIVE.sub(self._narrative, text)
