"""A library folder: every article and exercise card, and what is wrong with any of them.

Loading reads front matter only, so the library opens at once however long the
articles are; a body is parsed when it is first opened, then kept.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

from tui.content.documents import (
    build_article,
    build_exercise,
    read_entry,
    read_exercise_facts,
)
from tui.content.model import Article, Entry, Exercise, ExerciseFacts, Paragraph, Text
from tui.content.paths import ReadingPath, load_paths
from tui.content.preview import preview_body
from tui.content.problems import ContentError, Problem, Severity

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
    # The parse caches are shared by the reader's loading thread and the search
    # index's thread. Parsing happens outside the lock (it can take a second); two
    # threads parsing the same file at once keep whichever finished first.
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def article(self, slug: str) -> Article:
        """The parsed article; KeyError when the library has no such slug.

        Never raises for a bad file: what could not be parsed becomes its problem.
        """
        with self._lock:
            cached = self._articles.get(slug)
        if cached is not None:
            return cached
        entry = self.articles[slug]
        article = _guarded(entry, build_article)
        with self._lock:
            return self._articles.setdefault(slug, article)

    def article_preview(self, slug: str) -> tuple[Article, float] | None:
        """The opening sections of a long article and the share of it they cover.

        None when the article is short enough to parse whole at once.
        """
        entry = self.articles[slug]
        opening = preview_body(entry.front.body)
        if opening is None or slug in self._articles:
            return None
        text, share = opening
        return _guarded(entry, lambda e: build_article(e, text)), share

    def exercise(self, slug: str) -> Exercise:
        with self._lock:
            cached = self._exercises.get(slug)
        if cached is not None:
            return cached
        exercise = _guarded(self.exercises[slug], build_exercise)
        with self._lock:
            return self._exercises.setdefault(slug, exercise)

    def exercise_facts(self, slug: str) -> ExerciseFacts:
        """A card's title, kind, impact, equipment and cautions, without parsing its body."""
        return read_exercise_facts(self.exercises[slug])[0]

    def document(self, kind: str, slug: str) -> Article | Exercise:
        return self.article(slug) if kind == "article" else self.exercise(slug)

    def is_parsed(self, kind: str, slug: str) -> bool:
        with self._lock:
            return slug in (self._articles if kind == "article" else self._exercises)

    def forget(self, kind: str, slug: str) -> None:
        """Drop a parsed document from memory (it is parsed again when next needed)."""
        with self._lock:
            (self._articles if kind == "article" else self._exercises).pop(slug, None)

    def article_entries(self) -> list[Entry]:
        """Articles in the order the library lists them: by title."""
        return sorted(self.articles.values(), key=lambda entry: entry.title.casefold())


D = TypeVar("D", Article, Exercise)


def _guarded(entry: Entry, build: Callable[[Entry], D]) -> D:
    """*build*(entry), or when that fails for any reason, an empty document that says
    why: one bad body never stops a command or the app."""
    try:
        return build(entry)
    except Exception as error:  # RecursionError, MemoryError, a parser's own bug...
        reason = (
            "it is nested too deeply"
            if isinstance(error, RecursionError)
            else (f"{type(error).__name__}")
        )
        problem = Problem(
            entry.path, entry.front.body_line, f"the text could not be read: {reason}"
        )
        kind: Any = Article if entry.kind == "article" else Exercise
        return cast(
            D,
            kind(
                slug=entry.slug,
                path=entry.path,
                title=entry.title,
                summary=entry.summary,
                tags=entry.tags,
                references=[],
                overview=[Paragraph([Text("This text could not be read; see wellread check.")], 1)],
                sections=[],
                footnotes=[],
                citations=[],
                word_count=entry.word_count,
                problems=[*entry.problems, problem],
            ),
        )


def _read_guarded(path: Path, kind: str, root: Path, library: Library) -> Entry | None:
    try:
        return read_entry(path, kind, root)
    except ContentError as error:
        library.unreadable.append(error.problem)
    except Exception as error:  # whatever one file does, the rest of the library loads
        reason = (
            "it is nested too deeply"
            if isinstance(error, RecursionError)
            else (type(error).__name__)
        )
        library.unreadable.append(Problem(path, 1, f"the file could not be read: {reason}"))
    return None


def _entries(folder: Path, kind: str, library: Library) -> dict[str, Entry]:
    entries: dict[str, Entry] = {}
    try:
        if not folder.is_dir():
            return entries
        paths = sorted(folder.glob("*.md"))
    except OSError as error:
        library.unreadable.append(Problem(folder, 1, f"cannot list the folder: {error.strerror}"))
        return entries
    for path in paths:
        if path.name.startswith((".", "_")) or path.name.upper() == "README.MD":
            continue
        entry = _read_guarded(path, kind, library.root, library)
        if entry is None:
            continue
        if entry.slug in entries:
            # Two names that differ only in characters cleaned away.
            library.unreadable.append(
                Problem(
                    path,
                    1,
                    f"lists as '{entry.slug}', like {entries[entry.slug].path.name!r}; not read",
                    Severity.ERROR,
                )
            )
            continue
        entries[entry.slug] = entry
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
