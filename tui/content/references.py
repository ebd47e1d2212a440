"""CSL-YAML reference items into Reference objects, reporting what is malformed."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tui.content.clean import clean_line
from tui.content.frontmatter import FrontMatter
from tui.content.model import Name, Reference
from tui.content.problems import Problem, Severity

DOI_PATTERN = re.compile(r"^10\.\d{4,9}/\S+$")
# Addresses a reference may give: the web, and nothing a reader's machine would run or open.
SAFE_URL_SCHEMES = ("http", "https")
OTHERS = ("others", "et al.", "et al")
_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.\-]*):")


def _text(value: Any) -> str:
    if isinstance(value, list | dict):
        return ""  # a field that should be text but holds a structure: nothing to show
    return clean_line(value)


def _names(value: Any) -> tuple[Name, ...]:
    if not isinstance(value, list):
        return ()
    names: list[Name] = []
    for item in value:
        if isinstance(item, dict):
            names.append(
                Name(
                    family=_text(item.get("family")),
                    given=_text(item.get("given")),
                    literal=_text(item.get("literal")),
                )
            )
        elif isinstance(item, str):
            names.append(Name(literal=_text(item)))
    return tuple(names)


def _without_others(names: tuple[Name, ...]) -> tuple[tuple[Name, ...], bool]:
    """The names without a closing "others" (et al.), and whether it was there."""
    if names and not names[-1].family and names[-1].literal.lower() in OTHERS:
        return names[:-1], True
    return names, False


def _year(value: Any) -> int | None:
    if isinstance(value, dict):
        parts = value.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            try:
                return int(parts[0][0])
            except (TypeError, ValueError):
                return None
        literal = value.get("literal") or value.get("raw")
        if literal is not None:
            match = re.search(r"\d{4}", str(literal))
            return int(match.group()) if match else None
    if isinstance(value, int):
        return value
    return None


def normalise_doi(value: str) -> str:
    """Accept 'doi:10...' and 'https://doi.org/10...' as written by reference managers."""
    doi = value.strip()
    for prefix in ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:"):
        if doi.lower().startswith(prefix):
            doi = doi[len(prefix) :]
    return doi


def parse_references(path: Path, front: FrontMatter) -> tuple[list[Reference], list[Problem]]:
    raw = front.data.get("references")
    problems: list[Problem] = []
    if raw is None:
        return [], problems
    if not isinstance(raw, list):
        problems.append(
            Problem(path, front.line_of("references"), "'references' must be a list of CSL items")
        )
        return [], problems

    references: list[Reference] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(raw):
        line = front.line_of("references", index)
        if not isinstance(item, dict):
            problems.append(Problem(path, line, "a reference must be a set of CSL fields"))
            continue
        ref_id = _text(item.get("id"))
        if not ref_id:
            problems.append(Problem(path, line, "a reference has no 'id'"))
            continue
        if ref_id in seen:
            problems.append(
                Problem(
                    path, line, f"duplicate reference id '{ref_id}' (first on line {seen[ref_id]})"
                )
            )
            continue
        seen[ref_id] = line
        title = _text(item.get("title"))
        if not title:
            problems.append(Problem(path, line, f"reference '{ref_id}' has no title"))
        authors, more_authors = _without_others(
            _names(item.get("author")) or _names(item.get("editor"))
        )
        if not authors:
            problems.append(
                Problem(path, line, f"reference '{ref_id}' has no author", Severity.WARNING)
            )
        year = _year(item.get("issued"))
        if year is None:
            problems.append(
                Problem(
                    path, line, f"reference '{ref_id}' has no year ('issued')", Severity.WARNING
                )
            )
        doi = normalise_doi(_text(item.get("DOI") or item.get("doi")))
        if doi and not DOI_PATTERN.match(doi):
            problems.append(
                Problem(path, line, f"reference '{ref_id}' has a malformed DOI '{doi}'")
            )
        url = _text(item.get("URL") or item.get("url"))
        scheme = _SCHEME.match(url)
        if url and (scheme is None or scheme.group(1).lower() not in SAFE_URL_SCHEMES):
            problems.append(
                Problem(
                    path,
                    line,
                    f"reference '{ref_id}' has a URL that is not a web address "
                    f"('{(scheme.group(1) + ':') if scheme else url[:40]}'); only http and "
                    "https are shown",
                )
            )
            url = ""
            item = {k: v for k, v in item.items() if str(k).lower() != "url"}
        references.append(
            Reference(
                id=ref_id,
                type=_text(item.get("type")) or "article-journal",
                authors=authors,
                year=year,
                title=title,
                container=_text(item.get("container-title")),
                volume=_text(item.get("volume")),
                issue=_text(item.get("issue")),
                page=_text(item.get("page")),
                doi=doi,
                url=url,
                publisher=_text(item.get("publisher")),
                line=line,
                csl=dict(item),
                more_authors=more_authors,
            )
        )
    return references, problems
