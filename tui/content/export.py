"""An article's references for reference managers: BibTeX, CSL-JSON and RIS.

Each format is written by a kept library (bibtexparser, json, rispy), and every value
is made safe for its format first: LaTeX specials escaped for BibTeX, one line per
value for RIS, no NaN, Infinity or control characters in JSON. Any reference a file
can hold gives output its format's readers accept.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Callable
from typing import Any

import rispy
from bibtexparser import model as bib
from bibtexparser.entrypoint import write_string
from bibtexparser.library import Library as BibLibrary
from bibtexparser.writer import BibtexFormat

from tui.content.clean import clean, clean_line
from tui.content.model import Name, Reference

FORMATS = ("bibtex", "csl-json", "ris")

_BIBTEX_TYPES = {
    "article-journal": "article",
    "book": "book",
    "chapter": "incollection",
    "paper-conference": "inproceedings",
    "report": "techreport",
    "thesis": "phdthesis",
    "webpage": "misc",
}
_RIS_TYPES = {
    "article-journal": "JOUR",
    "book": "BOOK",
    "chapter": "CHAP",
    "paper-conference": "CONF",
    "report": "RPRT",
    "thesis": "THES",
    "webpage": "ELEC",
}
# Characters BibTeX (and LaTeX under it) read as commands.
_BIBTEX_SPECIAL = re.compile(r"([\\{}&%$#_~^])")
# Hyphen, en dash, em dash, minus: how page ranges are written.
_RANGE = re.compile(r"\s*[-\u2010-\u2015\u2212]+\s*")


def _bibtex_escape(text: str) -> str:
    def escape(match: re.Match[str]) -> str:
        char = match.group(1)
        if char == "\\":
            return r"\textbackslash{}"
        if char in "~^":
            return rf"\{char}{{}}"
        return "\\" + char

    return _BIBTEX_SPECIAL.sub(escape, text)


def _bibtex_url(url: str) -> str:
    # A URL is read verbatim by the url package: percent-encode what would unbalance
    # the braces, and escape the comment sign.
    encoded = url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")
    return encoded.replace("%", r"\%")


def _name_bibtex(name: Name) -> str:
    if name.literal:
        return "{" + _bibtex_escape(name.literal) + "}"
    if name.given:
        return f"{_bibtex_escape(name.family)}, {_bibtex_escape(name.given)}"
    return _bibtex_escape(name.family)


def _name_plain(name: Name) -> str:
    if name.literal:
        return name.literal
    return f"{name.family}, {name.given}" if name.given else name.family


def page_range(page: str) -> tuple[str, str]:
    """(first page, last page) of "438-445", "438–445" or "438"."""
    first, _, last = _RANGE.sub("-", page.strip(), count=1).partition("-")
    return first.strip(), last.strip()


def _bibtex_key(ref_id: str, taken: set[str]) -> str:
    key = re.sub(r"[^A-Za-z0-9_:.-]", "_", ref_id) or "ref"
    unique, number = key, 1
    while unique in taken:
        number += 1
        unique = f"{key}_{number}"
    taken.add(unique)
    return unique


def to_bibtex(references: list[Reference]) -> str:
    entries: list[bib.Block] = []
    taken: set[str] = set()
    for ref in references:
        fields: list[tuple[str, str]] = []
        if ref.authors:
            names = [_name_bibtex(n) for n in ref.authors]
            # BibTeX's own way to say "et al.".
            fields.append(("author", " and ".join(names + ["others"] * ref.more_authors)))
        if ref.title:
            # Double braces keep the title's capitals as written.
            fields.append(("title", "{" + _bibtex_escape(ref.title) + "}"))
        container_field = "journal" if ref.type == "article-journal" else "booktitle"
        if ref.container:
            fields.append((container_field, _bibtex_escape(ref.container)))
        if ref.publisher:
            fields.append(("publisher", _bibtex_escape(ref.publisher)))
        if ref.year is not None:
            fields.append(("year", str(ref.year)))
        if ref.volume:
            fields.append(("volume", _bibtex_escape(ref.volume)))
        if ref.issue:
            fields.append(("number", _bibtex_escape(ref.issue)))
        if ref.page:
            first, last = page_range(ref.page)
            pages = f"{first}--{last}" if last else first
            fields.append(("pages", _bibtex_escape(pages)))
        if ref.doi:
            fields.append(("doi", _bibtex_escape(ref.doi)))
        if ref.url:
            fields.append(("url", _bibtex_url(ref.url)))
        kind = _BIBTEX_TYPES.get(ref.type, "misc")
        entries.append(
            bib.Entry(
                kind,
                _bibtex_key(ref.id, taken),
                [bib.Field(name, value) for name, value in fields],
            )
        )
    if not entries:
        return ""
    layout = BibtexFormat()  # type: ignore[no-untyped-call]
    layout.indent = "  "
    layout.block_separator = "\n"
    return write_string(BibLibrary(entries), bibtex_format=layout)


def _json_safe(value: Any, depth: int = 0) -> Any:
    """The value as JSON can hold it: text cleaned, no NaN or Infinity, keys as text."""
    if depth > 64:
        return None
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {clean_line(k): _json_safe(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_safe(v, depth + 1) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return clean_line(value)


def to_csl_json(references: list[Reference]) -> str:
    items = []
    for ref in references:
        item = _json_safe(dict(ref.csl))
        item["id"] = ref.id
        item.setdefault("type", ref.type)
        if ref.doi:
            item["DOI"] = ref.doi  # normalised: no "https://doi.org/" prefix
        items.append(item)
    return json.dumps(items, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


class _RisWriter(rispy.RisWriter):  # type: ignore[misc]
    """rispy's writer without its "1." line before each record."""

    def set_header(self, count: int) -> str:
        return ""


def to_ris(references: list[Reference]) -> str:
    records: list[dict[str, Any]] = []
    for ref in references:
        first, last = page_range(ref.page)
        # Every value is one line already (clean_line), so none can end a record early.
        fields: list[tuple[str, Any]] = [
            ("type_of_reference", _RIS_TYPES.get(ref.type, "GEN")),
            ("authors", [_name_plain(name) for name in ref.authors]),
            ("title", ref.title),
            ("secondary_title", ref.container),
            ("year", "" if ref.year is None else str(ref.year)),
            ("volume", ref.volume),
            ("number", ref.issue),
            ("start_page", first),
            ("end_page", last),
            ("publisher", ref.publisher),
            ("doi", ref.doi),
            ("urls", [ref.url] if ref.url else []),
            ("id", ref.id),
        ]
        records.append({key: value for key, value in fields if value not in ("", [])})
    if not records:
        return ""
    return "\n".join(
        str(rispy.dumps([record], implementation=_RisWriter)).strip("\n") + "\n"
        for record in records
    )


EXPORTERS: dict[str, Callable[[list[Reference]], str]] = {
    "bibtex": to_bibtex,
    "csl-json": to_csl_json,
    "ris": to_ris,
}
