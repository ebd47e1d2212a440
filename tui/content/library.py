"""A library folder: every article and exercise card, and what is wrong with any of them.

Loading reads front matter only, so the library opens at once however long the
articles are; a body is parsed when it is first opened, then kept.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from tui.content.documents import (
    build_article,
    build_exercise,
    read_entry,
    read_exercise_facts,
)
from tui.content.model import Article, Entry, Exercise, ExerciseFacts
from tui.content.paths import ReadingPath, load_paths
from tui.content.preview import preview_body
from tui.content.problems import ContentError, Problem

LIBRARY_ENV = "WELLREAD_LIBRARY"


def bundled_library() -> Path:
    """The library that ships with wellread: inside the wheel, or beside the source tree."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "_library"
    if installed.is_dir():
        return installed
    return package.parent / "articles"


def default_library() -> Path:
    configured = os.environ.get(LIBRARY_ENV, "").strip()
    return Path(configured).expanduser() if configured else bundled_library()


@dataclass
class Library:
    root: Path
    articles: dict[str, Entry] = field(default_factory=dict)
    exercises: dict[str, Entry] = field(default_factory=dict)
    # Problems with files that could not be listed at all.
    unreadable: list[Problem] = field(default_factory=list)
    paths: list[ReadingPath] = field(default_factory=list)
    _articles: dict[str, Article] = field(default_factory=dict, repr=False)
    _exercises: dict[str, Exercise] = field(default_factory=dict, repr=False)

    def article(self, slug: str) -> Article:
        """The parsed article; KeyError when the library has no such slug."""
        if slug not in self._articles:
            self._articles[slug] = build_article(self.articles[slug])
        return self._articles[slug]

    def article_preview(self, slug: str) -> tuple[Article, float] | None:
        """The opening sections of a long article and the share of it they cover.

        None when the article is short enough to parse whole at once.
        """
        entry = self.articles[slug]
        opening = preview_body(entry.front.body)
        if opening is None or slug in self._articles:
            return None
        text, share = opening
        return build_article(entry, text), share

    def exercise(self, slug: str) -> Exercise:
        if slug not in self._exercises:
            self._exercises[slug] = build_exercise(self.exercises[slug])
        return self._exercises[slug]

    def exercise_facts(self, slug: str) -> ExerciseFacts:
        """A card's title, kind, impact, equipment and cautions, without parsing its body."""
        return read_exercise_facts(self.exercises[slug])[0]

    def document(self, kind: str, slug: str) -> Article | Exercise:
        return self.article(slug) if kind == "article" else self.exercise(slug)

    def is_parsed(self, kind: str, slug: str) -> bool:
        return slug in (self._articles if kind == "article" else self._exercises)

    def forget(self, kind: str, slug: str) -> None:
        """Drop a parsed document from memory (it is parsed again when next needed)."""
        (self._articles if kind == "article" else self._exercises).pop(slug, None)

    def article_entries(self) -> list[Entry]:
        """Articles in the order the library lists them: by title."""
        return sorted(self.articles.values(), key=lambda entry: entry.title.casefold())


def _entries(folder: Path, kind: str, library: Library) -> dict[str, Entry]:
    entries: dict[str, Entry] = {}
    if not folder.is_dir():
        return entries
    for path in sorted(folder.glob("*.md")):
        if path.name.startswith((".", "_")) or path.name.upper() == "README.MD":
            continue
        try:
            entries[path.stem] = read_entry(path, kind)
        except ContentError as error:
            library.unreadable.append(error.problem)
    return entries


def load_library(root: Path | None = None) -> Library:
    root = (root or default_library()).resolve()
    library = Library(root)
    if not root.is_dir():
        library.unreadable.append(Problem(root, 1, "library folder not found"))
        return library
    library.articles = _entries(root, "article", library)
    library.exercises = _entries(root / "exercises", "exercise", library)
    library.paths, problems = load_paths(root)
    library.unreadable.extend(problems)
    return library
