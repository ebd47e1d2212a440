"""Whole-library validation, as `wellread check` reports it."""

from __future__ import annotations

from tui.content.check_cards import library_problems
from tui.content.library import Library
from tui.content.model import Document
from tui.content.paths import PATHS_FILE
from tui.content.problems import Problem, Severity


def _uncited(document: Document) -> list[Problem]:
    cited = {cite_id for citation in document.citations for cite_id in citation.ids}
    return [
        Problem(document.path, ref.line, f"reference '{ref.id}' is never cited", Severity.WARNING)
        for ref in document.references
        if ref.id not in cited
    ]


def check_library(library: Library) -> list[Problem]:
    """Every problem in every file, sorted by file and line."""
    problems: list[Problem] = list(library.unreadable)
    for slug in library.articles:
        article = library.article(slug)
        problems.extend(article.problems)
        problems.extend(_uncited(article))
        front = library.articles[slug].front
        for key, known, what in (
            ("related_exercises", library.exercises, "exercise"),
            ("related_articles", library.articles, "article"),
        ):
            for index, target in enumerate(getattr(article, key)):
                if target not in known:
                    problems.append(
                        Problem(
                            article.path,
                            front.line_of(key, index),
                            f"related {what} '{target}' does not exist",
                        )
                    )
    for reading_path in library.paths:
        for slug, line in zip(reading_path.articles, reading_path.article_lines, strict=True):
            if slug not in library.articles:
                problems.append(
                    Problem(
                        library.root / PATHS_FILE,
                        line,
                        f"path '{reading_path.id}' names an article that does not exist: '{slug}'",
                    )
                )
    for slug in library.exercises:
        if slug in library.articles:
            problems.append(
                Problem(
                    library.exercises[slug].path,
                    1,
                    f"an article has the same slug '{slug}' ({library.articles[slug].path.name}); "
                    "links and searches cannot tell them apart",
                    Severity.WARNING,
                )
            )
        exercise = library.exercise(slug)
        problems.extend(exercise.problems)
        problems.extend(_uncited(exercise))
    problems.extend(library_problems(library))
    return sorted(set(problems))


def has_errors(problems: list[Problem]) -> bool:
    return any(problem.is_error for problem in problems)
