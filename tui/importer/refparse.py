"""Reference list items, as pages write them, into CSL-JSON dictionaries.

Three shapes cover most health pages: Vancouver/AMA ("Beck BR, Daly RM. Title. J Sci Med
Sport. 2017;20(5):438-445. doi:..."), APA ("Beck, B. R., & Daly, R. M. (2017). Title.
Journal, 20(5), 438-445.") and given name first ("Arnaud Boudenot, Zahra Achiou, and
Hugues Portier. 2015. Title. Journal. 40(12): 1309-1312."). What cannot be read is kept
whole as the title, never guessed. Every pattern is anchored and bounded, so a long or
hostile line costs linear time.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]{1,200})")
_YEAR = re.compile(r"\b((?:19|20)\d{2})[a-z]?\b")
_PMID = re.compile(r"\bPMID:?\s*(\d{4,9})\b", re.I)
_URL = re.compile(r"\bhttps?://[^\s\"<>]{1,300}")
# "2017;20(5):438-445" and "2017 Feb;15(1):26-30" (Vancouver/AMA).
_VANCOUVER_SOURCE = re.compile(
    r"(?P<year>(?:19|20)\d{2})[^;.]{0,20};\s?(?P<volume>[\w-]{1,10})"
    r"(?:\((?P<issue>[^()]{1,12})\))?(?::\s?(?P<page>[A-Za-z]?\d{1,6}(?:[-\u2013][A-Za-z]?\d{1,6})?))?"
)
# "20(5), 438-445" (APA) and "40(12): 1309-1312" (given name first).
_VOLUME_PAGES = re.compile(
    r"(?P<volume>\d{1,5})(?:\((?P<issue>[^()]{1,12})\))?[,:]\s?"
    r"(?P<page>[A-Za-z]?\d{1,6}(?:[-\u2013][A-Za-z]?\d{1,6})?)"
)
_APA = re.compile(
    r"^(?P<authors>.{2,600}?)\s\((?P<year>(?:19|20)\d{2})[a-z]?[^)]{0,20}\)\.\s(?P<rest>.+)$"
)
_INITIALS = re.compile(r"^[A-Z]{1,4}$")
_NOTE = re.compile(r"\s*\[[^\[\]]{0,200}\]")  # "[published correction appears in ...]"


@dataclass
class ParsedReference:
    csl: dict[str, Any]
    complete: bool  # authors, year, title and journal were all read
    notes: list[str] = field(default_factory=list)


def looks_like_reference(line: str) -> bool:
    """A numbered line that reads like a citation: a year and a DOI or journal numbers."""
    text = line.strip()
    if not re.match(r"^\[?\d{1,3}[.)\]]\s+\S", text):
        return False
    has_year = _YEAR.search(text) is not None
    return has_year and (
        _DOI.search(text) is not None
        or _VOLUME_PAGES.search(text) is not None
        or _VANCOUVER_SOURCE.search(text) is not None
    )


def reads_like_reference(text: str) -> bool:
    """An unnumbered item that reads like a citation: a year and a DOI or journal numbers."""
    return looks_like_reference("1. " + text.strip())


def fold(text: str) -> str:
    """Lower-case ASCII letters only: "Sañudo" and "sanudo", "Brooke-Wavell" and "brookewavell"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isascii() and c.isalpha()).lower()


def _clean_doi(doi: str) -> str:
    return doi.rstrip(".,;)]")


def _name_vancouver(part: str) -> dict[str, str] | None:
    words = part.split()
    if len(words) >= 2 and _INITIALS.match(words[-1]):
        return {"family": " ".join(words[:-1]), "given": " ".join(words[-1])}
    return None


def _name_given_first(part: str) -> dict[str, str] | None:
    words = part.split()
    if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
        return {"family": words[-1], "given": " ".join(words[:-1])}
    return None


Authors = tuple[list[dict[str, str]], bool]


def _author_list(text: str, read_name: Callable[[str], dict[str, str] | None]) -> Authors | None:
    """Comma-separated names, each read by *read_name*; "et al." says the list is cut.
    None when any part is not a name in that style."""
    names: list[dict[str, str]] = []
    more = False
    for part in (p.strip() for p in text.split(",")):
        if part.lower().rstrip(".") in ("et al", "and others"):
            more = True
            continue
        name = read_name(part)
        if name is None:
            return None
        names.append(name)
    return (names, more) if names else None


def _authors_vancouver(text: str) -> Authors | None:
    return _author_list(text, _name_vancouver)


def _authors_apa(text: str) -> Authors | None:
    parts = [p.strip() for p in re.split(r",\s*(?:&\s*)?", text.replace(" & ", ", ")) if p.strip()]
    names: list[dict[str, str]] = []
    more = False
    index = 0
    while index < len(parts):
        family = parts[index]
        if family.lower().rstrip(".") in ("et al", "..."):
            more = True
            index += 1
            continue
        given = parts[index + 1] if index + 1 < len(parts) else ""
        if not re.fullmatch(r"(?:[A-Z]\.\s?-?){1,4}", given):
            return None
        names.append({"family": family, "given": given.replace(".", "").strip()})
        index += 2
    return (names, more) if names else None


def _authors_given_first(text: str) -> Authors | None:
    return _author_list(re.sub(r",?\s+and\s+", ", ", text), _name_given_first)


def _segments(text: str) -> list[str]:
    """Sentences of a reference: split at ". " and "? " but not inside initials."""
    pieces = re.split(r"(?<=[a-z0-9\)\]?!])\.\s+(?=[A-Z0-9\[])|(?<=\?)\s+(?=[A-Z])", text)
    return [p.strip() for p in pieces if p.strip()]


def _base(text: str) -> dict[str, Any]:
    csl: dict[str, Any] = {"type": "article-journal"}
    if doi := _DOI.search(text):
        csl["DOI"] = _clean_doi(doi.group(1))
    if pmid := _PMID.search(text):
        csl["PMID"] = pmid.group(1)
    return csl


def _finish_title(title: str) -> str:
    return _NOTE.sub("", title).strip().rstrip(".").strip()


def _with_names(csl: dict[str, Any], names: list[dict[str, str]], more: bool) -> list[str]:
    csl["author"] = names
    return ["the list gives only the first authors (et al.)"] if more else []


def _vancouver_split(text: str) -> list[str] | None:
    """Vancouver authors end with initials ("Lee JH."), which sentence splitting skips."""
    for match in re.finditer(r"\.\s+", text[:600]):
        head = text[: match.start()]
        if _authors_vancouver(head):
            return [head, *_segments(text[match.end() :])]
    return None


def parse_reference(text: str, links: list[str] | None = None) -> ParsedReference:
    text = _NOTE.sub("", " ".join(text.split()))
    csl = _base(text)
    if "DOI" not in csl:
        for link in links or []:
            if (doi := _DOI.search(link)) is not None and "doi" in link.lower():
                csl["DOI"] = _clean_doi(doi.group(1))
                break
    if "DOI" not in csl and (url := _URL.search(text)):
        csl["URL"] = url.group(0).rstrip(".,;)")

    # APA: authors (year). title. journal, volume(issue), pages.
    apa = _APA.match(text)
    if apa and (names := _authors_apa(apa.group("authors"))):
        notes = _with_names(csl, *names)
        csl["issued"] = {"date-parts": [[int(apa.group("year"))]]}
        segments = _segments(apa.group("rest"))
        if segments:
            csl["title"] = _finish_title(segments[0])
        if len(segments) > 1:
            numbers = _VOLUME_PAGES.search(segments[1])
            journal = segments[1][: numbers.start()] if numbers else segments[1]
            csl["container-title"] = journal.strip().rstrip(",").strip()
            _numbers(csl, numbers)
        return ParsedReference(csl, _complete(csl), notes)

    segments = _vancouver_split(text) or _segments(text)
    if len(segments) >= 3:
        vancouver = _authors_vancouver(segments[0])
        given_first = None if vancouver else _authors_given_first(segments[0])
        if vancouver:
            notes = _with_names(csl, *vancouver)
            csl["title"] = _finish_title(segments[1])
            for index, segment in enumerate(segments[2:], start=2):
                found = _VANCOUVER_SOURCE.search(segment)
                if found:
                    journal = segments[index][: found.start()].strip() or segments[index - 1]
                    if journal != segments[1]:
                        csl["container-title"] = journal.rstrip(".").strip()
                    csl["issued"] = {"date-parts": [[int(found.group("year"))]]}
                    _numbers(csl, found)
                    break
            return ParsedReference(csl, _complete(csl), notes)
        if given_first and _YEAR.fullmatch(segments[1].strip(". ")):
            notes = _with_names(csl, *given_first)
            csl["issued"] = {"date-parts": [[int(segments[1][:4])]]}
            csl["title"] = _finish_title(segments[2])
            if len(segments) > 3:
                csl["container-title"] = segments[3].rstrip(".").strip()
            if len(segments) > 4:
                _numbers(csl, _VOLUME_PAGES.search(segments[4]))
            return ParsedReference(csl, _complete(csl), notes)

    # Unknown shape: keep the whole item as its title rather than guess its parts.
    csl["title"] = text
    if year := _YEAR.search(text):
        csl["issued"] = {"date-parts": [[int(year.group(1))]]}
    return ParsedReference(csl, False, ["could not tell its parts apart; kept whole as the title"])


def _numbers(csl: dict[str, Any], match: re.Match[str] | None) -> None:
    if match is None:
        return
    for key, name in (("volume", "volume"), ("issue", "issue"), ("page", "page")):
        value = match.group(name)
        if value:
            csl[key] = value.replace("\u2013", "-")


def _complete(csl: dict[str, Any]) -> bool:
    return all(key in csl for key in ("author", "issued", "title", "container-title"))


def first_author_family(csl: dict[str, Any]) -> str:
    authors = csl.get("author") or []
    return str(authors[0].get("family", "")) if authors else ""


def year_of(csl: dict[str, Any]) -> int | None:
    parts = csl.get("issued", {}).get("date-parts", [[None]])
    value = parts[0][0] if parts and parts[0] else None
    return value if isinstance(value, int) else None


def assign_ids(references: list[dict[str, Any]]) -> None:
    """Ids as the library writes them: first author's family name in ASCII plus the year,
    with a, b, ... where two would be the same."""
    bases: list[str] = []
    for csl in references:
        family = fold(first_author_family(csl)) or "ref"
        year = year_of(csl)
        bases.append(f"{family}{year or 'nd'}")
    counts: dict[str, int] = {}
    for base in bases:
        counts[base] = counts.get(base, 0) + 1
    seen: dict[str, int] = {}
    for csl, base in zip(references, bases, strict=True):
        if counts[base] == 1:
            csl["id"] = base
        else:
            index = seen.get(base, 0)
            seen[base] = index + 1
            csl["id"] = base + "abcdefghijklmnopqrstuvwxyz"[index % 26]
