"""An article's references for reference managers: BibTeX, CSL-JSON and RIS."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from typing import Any

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


def _bibtex_escape(text: str) -> str:
    def escape(match: re.Match[str]) -> str:
        char = match.group(1)
        if char == "\\":
            return r"\textbackslash{}"
        if char in "~^":
            return rf"\{char}{{}}"
        return "\\" + char

    return _BIBTEX_SPECIAL.sub(escape, text)


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


def to_bibtex(references: list[Reference]) -> str:
    entries = []
    for ref in references:
        fields: list[tuple[str, str]] = []
        if ref.authors:
            fields.append(("author", " and ".join(_name_bibtex(n) for n in ref.authors)))
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
            fields.append(("pages", _bibtex_escape(re.sub(r"\s*[-–]\s*", "--", ref.page))))
        if ref.doi:
            fields.append(("doi", _bibtex_escape(ref.doi)))
        if ref.url:
            fields.append(("url", ref.url.replace("%", r"\%")))
        kind = _BIBTEX_TYPES.get(ref.type, "misc")
        key = re.sub(r"[^A-Za-z0-9_:.-]", "_", ref.id)
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        entries.append(f"@{kind}{{{key},\n{body}\n}}\n")
    return "\n".join(entries)


def _json_safe(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_safe(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def to_csl_json(references: list[Reference]) -> str:
    items = []
    for ref in references:
        item = _json_safe(dict(ref.csl))
        item["id"] = ref.id
        item.setdefault("type", ref.type)
        if ref.doi:
            item["DOI"] = ref.doi  # normalised: no "https://doi.org/" prefix
        items.append(item)
    return json.dumps(items, indent=2, ensure_ascii=False) + "\n"


def to_ris(references: list[Reference]) -> str:
    records = []
    for ref in references:
        lines = [f"TY  - {_RIS_TYPES.get(ref.type, 'GEN')}"]
        lines += [f"AU  - {_name_plain(name)}" for name in ref.authors]
        first, _, last = (ref.page or "").partition("-")
        fields = [
            ("TI", ref.title),
            ("T2", ref.container),
            ("PY", ref.year),
            ("VL", ref.volume),
            ("IS", ref.issue),
            ("SP", first.strip()),
            ("EP", last.strip()),
            ("PB", ref.publisher),
            ("DO", ref.doi),
            ("UR", ref.url),
        ]
        lines += [f"{tag}  - {value}" for tag, value in fields if value not in (None, "")]
        lines.append(f"ID  - {ref.id}")
        lines.append("ER  - ")
        records.append("\n".join(lines) + "\n")
    return "\n".join(records)


EXPORTERS: dict[str, Callable[[list[Reference]], str]] = {
    "bibtex": to_bibtex,
    "csl-json": to_csl_json,
    "ris": to_ris,
}
