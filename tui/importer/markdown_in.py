"""Markdown (a saved .md file, or what trafilatura extracts from HTML) into a draft.

Inline formatting is read as plain text: an imported article holds the page's words,
never its markup. Absolute link addresses stay beside their text, as wellread shows links.
"""

from __future__ import annotations

from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from tui.importer.boilerplate import is_boilerplate, is_site_disclaimer
from tui.importer.draft import Block, Draft

_MD = MarkdownIt("commonmark").enable("table")


def _inline_text(token: Token) -> str:
    out: list[str] = []
    href = ""
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif child.type == "link_open":
            href = str(child.attrGet("href") or "")
        elif child.type == "link_close":
            if href.startswith(("http://", "https://")) and href not in out[-1:]:
                out.append(f" ({href})")
            href = ""
        elif child.type == "image":
            continue
    return " ".join("".join(out).split())


def _strip_front_matter(text: str) -> tuple[str, dict[str, Any]]:
    if not text.startswith("---\n"):
        return text, {}
    end = text.find("\n---", 4)
    if end < 0:
        return text, {}
    import yaml

    try:
        data = yaml.safe_load(text[4:end])
    except yaml.YAMLError:
        data = None
    return text[end + 4 :], data if isinstance(data, dict) else {}


def blocks_from_markdown(text: str, draft: Draft) -> None:
    tokens = _MD.parse(text)
    index = 0
    heading_level = 0
    list_stack: list[Block] = []
    row: list[str] = []
    table: Block | None = None
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        if kind == "heading_open":
            heading_level = int(token.tag[1])
        elif kind == "bullet_list_open" or kind == "ordered_list_open":
            block = Block("list", ordered=kind == "ordered_list_open")
            if not list_stack:
                draft.blocks.append(block)
            list_stack.append(block)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_stack.pop()
        elif kind == "table_open":
            table = Block("list")
            draft.blocks.append(table)
        elif kind == "table_close":
            table = None
        elif kind == "tr_close" and table is not None:
            if any(row):
                table.items.append("; ".join(cell for cell in row if cell))
            row = []
        elif kind == "inline":
            content = _inline_text(token)
            if table is not None:
                row.append(content)
            elif heading_level:
                if heading_level == 1 and not draft.title:
                    draft.title = content
                elif heading_level > 1 and content:
                    draft.blocks.append(Block("heading", content, level=min(heading_level, 3)))
                heading_level = 0
            elif list_stack:
                # Nested lists fold into their outermost list, one item each.
                list_stack[0].items.append(content)
            elif is_boilerplate(content) or is_site_disclaimer(content):
                draft.dropped.append(content)
            else:
                draft.add_paragraph(content)
        elif kind == "heading_close":
            heading_level = 0
        index += 1
    draft.blocks = [b for b in draft.blocks if b.kind != "list" or b.items]


def read_markdown(text: str, title: str | None) -> Draft:
    body, front = _strip_front_matter(text)
    draft = Draft(extractor="markdown")
    draft.title = title or str(front.get("title") or "")
    draft.description = str(front.get("summary") or front.get("description") or "")
    blocks_from_markdown(body, draft)
    if not draft.title:
        first = next((b for b in draft.blocks if b.kind == "heading"), None)
        if first is not None:
            draft.title = first.text
            draft.blocks.remove(first)
    return draft
