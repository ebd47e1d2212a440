"""Small helpers for tests, independent of the code under test: where a text sits in a
file, a long article, and sentences as hashed words."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path


def line_of(path: Path, needle: str) -> int:
    """1-based number of the first line of *path* containing *needle*."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def long_article(size_bytes: int, title: str = "Long") -> str:
    """A valid article of about *size_bytes* bytes: many sections of plain paragraphs,
    citations and a footnote defined at the very end."""
    head = (
        "---\n"
        f"title: {title}\n"
        "summary: A long article written by the tests.\n"
        "references:\n"
        "  - id: long2000\n"
        "    type: article-journal\n"
        "    author: [{family: Long, given: A}]\n"
        "    issued: {date-parts: [[2000]]}\n"
        "    title: A long study\n"
        "---\n"
        "The opening paragraph, with a note[^end].\n\n"
    )
    sentence = "Part {n} holds words that wrap across many lines of the screen [@long2000]. "
    parts = [head]
    length = len(head)
    number = 0
    while length < size_bytes:
        number += 1
        section = f"## Part {number}\n" + sentence.format(n=number) * 12 + "\n\n"
        if number % 5 == 0:
            section += f"### Part {number} in detail\n" + sentence.format(n=number) * 6 + "\n\n"
        parts.append(section)
        length += len(section)
    parts.append("[^end]: The note, defined after everything else.\n")
    return "".join(parts)


# Sentences and their hashed words, for comparing the library with the seed page without
# keeping the page's text (benchmarks/seed_fingerprint.py writes the seed's side).
HASH_CHARS = 8
_CITATION = re.compile(r"\[@[^\]]*\]|\(\s*https?://[^)]*\)|https?://\S+")
# A break between sentences: end punctuation and a space, a blank line, or a list item.
_BREAK = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\n\s*\n|\n\s*(?:[-*+]|\d+\.)\s+")
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


_HEADING = re.compile(r"^(#+\s.*)$", re.MULTILINE)


def sentence_words(text: str) -> list[list[str]]:
    """The lowercased words of each sentence of *text* (Markdown or plain): a heading or
    a table cell stands alone."""
    text = _HEADING.sub("\n\n\\1\n\n", _CITATION.sub(" ", text)).replace("|", "\n\n")
    return [words for part in _BREAK.split(text) if (words := _WORD.findall(part.lower()))]


def word_hash(word: str) -> str:
    return hashlib.sha256(word.encode("utf-8")).hexdigest()[:HASH_CHARS]


def hashed_sentences(text: str) -> list[list[str]]:
    return [[word_hash(word) for word in words] for words in sentence_words(text)]


def zebra_library(
    folder: Path, slug: str, title: str, size_bytes: int, parts: tuple[int, int]
) -> Path:
    """A library of one long article of about *size_bytes* bytes in which one rare word,
    "zebra", opens the two sections numbered *parts*."""
    text = long_article(size_bytes, title=title)
    for part in parts:
        text = text.replace(f"## Part {part}\n", f"## Part {part}\nA zebra stood here. ", 1)
    folder.mkdir()
    (folder / f"{slug}.md").write_text(text, encoding="utf-8")
    return folder
