"""`wellread open`, `read`, `refs` and `check`: commands about one document, or all.

Imported with the command line itself: what each command needs is imported when it runs.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.cli import Context


def _run_app(context: Context) -> int:
    from tui.cli import run_app

    layout = getattr(context.args, "layout", None)
    return run_app(context.library, context.args.slug, layout)


def _known_slug(context: Context) -> bool:
    """Whether the slug names an article or a card; if not, say so and suggest some."""
    library, slug = context.library, context.args.slug
    if slug in library.articles or slug in library.exercises:
        return True
    err = context.err
    print(f"wellread: no article called '{slug}' in {library.root}, nor a card", file=err)
    import difflib  # only for a slug not found (it costs every command 9 ms to import)

    close = difflib.get_close_matches(slug, [*library.articles, *library.exercises], n=3)
    if close:
        print("Did you mean: " + ", ".join(close) + "?", file=err)
    print("'wellread list' prints every slug.", file=err)
    return False


def cmd_open(context: Context) -> int:
    from tui.linear import LinearReader

    if not _known_slug(context):
        return 2
    if context.plain:
        return LinearReader(context.library, sys.stdin, context.out, err=context.err).open(
            context.args.slug
        )
    return _run_app(context)


def cmd_read(context: Context) -> int:
    from tui.render.plain import article_text
    from tui.render.plain_cards import card_text
    from tui.render.summaries import related_exercise_facts

    if not _known_slug(context):
        return 2
    if not context.plain and context.out.isatty():
        return _run_app(context)
    library, slug = context.library, context.args.slug
    if slug in library.articles:
        article = library.article(slug)
        titles = {s: entry.title for s, entry in library.articles.items()}
        lines = article_text(article, related_exercise_facts(library, article), titles)
    else:
        lines = card_text(library.exercise(slug))
    for line in lines:
        print(line, file=context.out)
    return 0


def cmd_check(context: Context) -> int:
    from tui.content import check_library, has_errors

    library, out = context.library, context.out
    problems = check_library(library)
    for problem in problems:
        print(problem, file=out)
    errors = sum(1 for problem in problems if problem.is_error)
    warnings = len(problems) - errors
    files = (
        len(library.articles)
        + len(library.exercises)
        + len({problem.path for problem in library.unreadable})
    )
    # Both folders named when the reader's own is read beside the bundled one.
    where = library.root if library.own is None else f"{library.root} and {library.own}"
    print(
        f"Checked {files} files in {where}: {errors} error(s), {warnings} warning(s).",
        file=out,
    )
    return 1 if has_errors(problems) else 0


def cmd_refs(context: Context) -> int:
    from tui.content.export import EXPORTERS

    if not _known_slug(context):
        return 2
    library, slug = context.library, context.args.slug
    document = library.article(slug) if slug in library.articles else library.exercise(slug)
    context.out.write(EXPORTERS[context.args.format](document.references))
    return 0
