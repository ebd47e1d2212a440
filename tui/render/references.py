"""A reference as a reader sees it: authors, year, title, journal, volume, pages, DOI."""

from __future__ import annotations

from tui.content.model import Reference


def authors_text(ref: Reference, limit: int = 6) -> str:
    names = [name.full for name in ref.authors if name.full]
    if not names:
        return ""
    if len(names) > limit:
        return ", ".join(names[:3]) + ", et al."
    return ", ".join(names) + (", et al." if ref.more_authors else "")


def source_text(ref: Reference) -> str:
    """Journal, volume(issue) and pages, or the publisher for a book or report."""
    text = ref.container or ref.publisher
    if ref.volume:
        text += f" {ref.volume}" if text else ref.volume
        if ref.issue:
            text += f"({ref.issue})"
    if ref.page:
        text += f": {ref.page}" if text else f"pages {ref.page}"
    return text


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."


def reference_lines(ref: Reference) -> list[str]:
    """The reference in short lines: who and when, what, where, and its address."""
    who = authors_text(ref) or "Unknown author"
    year = str(ref.year) if ref.year else "n.d."
    lines = [f"{who} ({year})."]
    if ref.title:
        lines.append(_sentence(ref.title))
    where = source_text(ref)
    if where:
        lines.append(_sentence(where))
    if ref.doi:
        lines.append(f"DOI: {ref.doi_url}")
    elif ref.url:
        lines.append(ref.url)
    return lines


def reference_text(ref: Reference) -> str:
    return " ".join(reference_lines(ref))


def reference_address(ref: Reference) -> str:
    """Where the work can be found: its DOI as a link, else its web address."""
    return ref.doi_url or ref.url
