"""A draft with linked citations into the text of a wellread article file."""

from __future__ import annotations

import re
from typing import Any

import yaml

from tui.importer.draft import Draft

_SPECIAL = re.compile(r"([\\`*_<>\[\]])")
_BLOCK_START = re.compile(r"^(\s*)(#|>|[-+*]\s|\d{1,9}[.)]\s)")


def escape_markdown(text: str) -> str:
    """Page text is text: characters Markdown would read as formatting are escaped.

    Citations are linked after this, so the brackets they add are the only ones
    Markdown sees; a line that would start a heading, quote or list is kept a paragraph.
    """
    escaped = _SPECIAL.sub(r"\\\1", text)
    return _BLOCK_START.sub(_escape_marker, escaped)


def _escape_marker(match: re.Match[str]) -> str:
    marker = match.group(2)
    if marker[0].isdigit():
        return match.group(1) + marker[:-2] + "\\" + marker[-2:]
    return match.group(1) + "\\" + marker


def front_matter(fields: dict[str, Any]) -> str:
    # libyaml's dumper when PyYAML has it: a page with hundreds of references.
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    dumped = yaml.dump(fields, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)
    return f"---\n{dumped}---\n"


def body_text(draft: Draft) -> str:
    out: list[str] = []
    for block in draft.blocks:
        if block.kind == "heading":
            out.append("#" * max(2, min(block.level, 3)) + " " + block.text)
        elif block.kind == "list":
            lines = []
            for number, item in enumerate(block.items, start=1):
                marker = f"{number}." if block.ordered else "-"
                lines.append(f"{marker} {item}")
            out.append("\n".join(lines))
        else:
            out.append(block.text)
    return "\n\n".join(out) + "\n"
