"""One import, from the bytes of a page to the text of an article file and its report."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from tui.content.clean import clean as clean_text
from tui.importer.cite import CitationReport, Linker
from tui.importer.draft import Draft
from tui.importer.refparse import assign_ids, fold, parse_reference
from tui.importer.related import CardWords, suggest_exercises
from tui.importer.write import body_text, escape_markdown, front_matter

MAX_BYTES = 20 * 1024 * 1024


class ImportError_(Exception):
    """A source that cannot be imported at all; the message says why."""


@dataclass
class ImportResult:
    slug: str
    text: str  # the article file
    draft: Draft
    references: list[dict[str, Any]]
    reference_notes: list[tuple[str, str]]  # (id, note) for partly read items
    citations: CitationReport
    suggested: list[str] = field(default_factory=list)


def detect_kind(name: str, text: str) -> str:
    suffix = PurePath(name).suffix.lower()
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if suffix in (".md", ".markdown"):
        return "markdown"
    head = text[:2000].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")) or re.search(r"<(body|article|div|p)\b", head):
        return "html"
    return "text"


def suggest_slug(title: str) -> str:
    words = re.findall(r"[a-z0-9]+", fold_words(title))
    return "-".join(words[:8]) or "imported-article"


def fold_words(text: str) -> str:
    return " ".join(fold(word) or word.lower() for word in re.findall(r"\w+", text))


def decode(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise ImportError_(f"the page is {len(data) // 1024 // 1024} MB; the limit is 20 MB")
    if b"\x00" in data[:8192]:
        raise ImportError_("this is not a text or HTML file (it holds NUL bytes)")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def read_draft(kind: str, text: str, title: str | None) -> Draft:
    if kind == "html":
        from tui.importer.html import read_html

        return read_html(text, title)
    if kind == "markdown":
        from tui.importer.markdown_in import read_markdown

        return read_markdown(text, title)
    from tui.importer.plaintext import read_text_dump

    return read_text_dump(text, title)


def _take_trailing_references(draft: Draft) -> None:
    """A reference list written as the page's last list (Markdown, extracted HTML)."""
    from tui.importer.draft import RawReference
    from tui.importer.refparse import reads_like_reference

    lists = [i for i, b in enumerate(draft.blocks) if b.kind == "list"]
    if draft.references or not lists:
        return
    index = lists[-1]
    items = draft.blocks[index].items
    if sum(reads_like_reference(item) for item in items) * 5 < len(items) * 3:
        return
    if any(b.kind == "paragraph" for b in draft.blocks[index + 1 :]):
        return
    draft.references = [RawReference(item) for item in items]
    del draft.blocks[index]
    before = draft.blocks[index - 1] if index > 0 else None
    if (
        before is not None
        and before.kind == "heading"
        and re.match(r"^(references|sources|bibliography|citations)\b", before.text, re.I)
    ):
        del draft.blocks[index - 1]


def _clean_draft(draft: Draft) -> None:
    """The same rule as every file: no control characters, and page text is never markup."""
    draft.title = " ".join(clean_text(draft.title).split())
    for block in draft.blocks:
        block.text = escape_markdown(" ".join(clean_text(block.text).split()))
        block.items = [escape_markdown(" ".join(clean_text(i).split())) for i in block.items]


def _summary(draft: Draft) -> str:
    if draft.description:
        return " ".join(clean_text(draft.description).split())
    for block in draft.blocks:
        if block.kind == "paragraph":
            sentence = re.split(r"(?<=[.!?])\s", block.text.replace("\\", ""), maxsplit=1)[0]
            return sentence[:300]
    return draft.title


def import_source(
    data: bytes,
    *,
    source_name: str,
    slug: str | None = None,
    title: str | None = None,
    cards: list[CardWords] | None = None,
    today: dt.date | None = None,
) -> ImportResult:
    # Control characters go before any parser sees the page (lxml refuses them outright).
    text = clean_text(decode(data).replace("\r\n", "\n").replace("\r", "\n"))
    draft = read_draft(detect_kind(source_name, text), text, title)
    if not draft.title:
        raise ImportError_("found no text to import")
    _take_trailing_references(draft)
    _clean_draft(draft)

    parsed = [parse_reference(clean_text(r.text), r.links) for r in draft.references]
    references = [p.csl for p in parsed]
    assign_ids(references)
    anchors = {
        r.anchor: str(csl["id"])
        for r, csl in zip(draft.references, references, strict=True)
        if r.anchor
    }
    notes = [(str(p.csl["id"]), note) for p in parsed for note in p.notes]
    linker = Linker(references, anchors)
    for block in draft.blocks:
        if block.kind == "paragraph":
            block.text = linker.link(block.text)
        elif block.kind == "list":
            block.items = [linker.link(item) for item in block.items]
    cited = {
        ref_id
        for _, ref_id in linker.report.linked + linker.report.given_name + linker.report.year_only
    }

    body = body_text(draft)
    suggested = suggest_exercises(body, cards or [])
    imported = (today or dt.date.today()).isoformat()
    source: dict[str, Any] = {"file": PurePath(source_name).name or "standard input"}
    for key, value in (("url", draft.url), ("site", draft.site), ("date", draft.date)):
        if value:
            source[key] = clean_text(value)
    source["imported"] = imported
    fields: dict[str, Any] = {
        "title": draft.title,
        "summary": _summary(draft),
        "tags": ["imported"],
        "source": source,
        "related_exercises": suggested,
        "suggested_exercises": bool(suggested),
        "references": [
            {"id": csl["id"], **{k: v for k, v in csl.items() if k != "id"}} for csl in references
        ],
    }
    uncited = [str(csl["id"]) for csl in references if csl["id"] not in cited]
    if uncited:
        # Kept because the page lists them; said so, not hidden.
        fields["uncited_references"] = uncited
    return ImportResult(
        slug=slug or suggest_slug(draft.title),
        text=front_matter(fields) + "\n" + body,
        draft=draft,
        references=references,
        reference_notes=notes,
        citations=linker.report,
        suggested=suggested,
    )
