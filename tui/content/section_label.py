"""How a section is named everywhere it is shown: "2. Title", "2.1 Title" or "Title"."""

from __future__ import annotations


def section_number_prefix(number: str, level: int) -> str:
    """ "2. " for a section, "2.1 " for a subsection, "" for an unnumbered part."""
    if not number:
        return ""
    return f"{number}. " if level == 2 else f"{number} "


def section_label(number: str, title: str, level: int) -> str:
    """The label of a section in headings, the outline, the status line and bookmarks."""
    return section_number_prefix(number, level) + title
