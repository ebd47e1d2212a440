"""The `wellread` command: the app, and text commands that work in any shell."""

from __future__ import annotations

import argparse
import difflib
import os
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from tui import __version__
from tui.content import Library, check_library, has_errors, load_library
from tui.content.export import EXPORTERS, FORMATS
from tui.content.library import LIBRARY_ENV
from tui.content.search import SearchIndex, index_path, split_snippet
from tui.linear import LinearReader, accessible_requested
from tui.render.plain import article_text
from tui.state import data_dir


def _library_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--library",
        metavar="DIR",
        type=Path,
        default=argparse.SUPPRESS,
        help=f"read articles from DIR instead of the bundled library (or set {LIBRARY_ENV})",
    )


def _plain_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--plain",
        action="store_true",
        default=argparse.SUPPRESS,
        help="plain text and numbered menus instead of the full-screen app (or set ACCESSIBLE=1)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wellread",
        description="Read evidence-based articles on exercise and bone health, offline.",
    )
    parser.add_argument("--version", action="version", version=f"wellread {__version__}")
    _library_option(parser)
    _plain_option(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    open_cmd = commands.add_parser("open", help="open one article in the reader")
    open_cmd.add_argument("slug", help="the article's slug, as 'wellread list' prints it")
    _library_option(open_cmd)
    _plain_option(open_cmd)

    read_cmd = commands.add_parser(
        "read", help="print one article as plain linear text (with --plain, or when piped)"
    )
    read_cmd.add_argument("slug", help="the article's slug")
    _library_option(read_cmd)
    _plain_option(read_cmd)

    list_cmd = commands.add_parser("list", help="print each article's slug and title")
    _library_option(list_cmd)

    check_cmd = commands.add_parser("check", help="check every file in the library")
    _library_option(check_cmd)

    search_cmd = commands.add_parser(
        "search", help="find where the library speaks of a word or phrase"
    )
    search_cmd.add_argument("query", nargs="+", help='words to find; "quote" a phrase')
    _library_option(search_cmd)

    refs_cmd = commands.add_parser(
        "refs", help="print an article's references for Zotero and other reference managers"
    )
    refs_cmd.add_argument("slug", help="the article's slug")
    refs_cmd.add_argument(
        "--format", choices=FORMATS, default="bibtex", help="bibtex (default), csl-json or ris"
    )
    _library_option(refs_cmd)
    return parser


def _unknown_slug(library: Library, slug: str, err: TextIO) -> int:
    print(f"wellread: no article called '{slug}' in {library.root}", file=err)
    close = difflib.get_close_matches(slug, list(library.articles), n=3)
    if close:
        print("Did you mean: " + ", ".join(close) + "?", file=err)
    print("'wellread list' prints every article's slug.", file=err)
    return 2


def cmd_list(library: Library, out: TextIO) -> int:
    for entry in library.article_entries():
        print(f"{entry.slug}\t{entry.title}", file=out)
    return 0


def cmd_check(library: Library, out: TextIO) -> int:
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
    print(
        f"Checked {files} files in {library.root}: {errors} error(s), {warnings} warning(s).",
        file=out,
    )
    return 1 if has_errors(problems) else 0


def cmd_read(library: Library, slug: str, out: TextIO) -> int:
    article = library.article(slug)
    facts = [library.exercise_facts(s) for s in article.related_exercises if s in library.exercises]
    titles = {s: entry.title for s, entry in library.articles.items()}
    for line in article_text(article, facts, titles):
        print(line, file=out)
    return 0


def cmd_search(library: Library, query: str, out: TextIO, err: TextIO) -> int:
    index = SearchIndex(library, index_path(data_dir(), library.root))
    changed, _ = index.stale()

    def progress(done: int, total: int) -> None:
        if done == total or done % 100 == 0:
            print(f"Preparing the search: {done} of {total} files", file=err, flush=True)

    index.update(progress if len(changed) > 50 else None)
    results = index.find(query)
    index.close()
    hits = results.hits
    if not hits:
        print(f"No article or exercise speaks of {query!r}.", file=out)
        return 1
    if results.corrected:
        print(
            f"No article or exercise speaks of {query!r}. Did you mean {results.searched!r}? "
            "Searched for that instead.",
            file=out,
        )
    many = "s speak" if len(hits) != 1 else " speaks"
    print(f"{len(hits)} place{many} of {results.searched!r}, best first:", file=out)
    # Matched words in bold on a terminal, as grep marks them; plain text otherwise.
    bold = out.isatty() and not accessible_requested()
    for number, hit in enumerate(hits, start=1):
        kind = "exercise card" if hit.kind == "exercise" else "article"
        snippet = "".join(
            f"\x1b[1m{text}\x1b[22m" if matched and bold else text
            for text, matched in split_snippet(hit.snippet)
        )
        print(f"{number}. {hit.title} ({kind}): {hit.heading}", file=out)
        if snippet:
            print(f"   {snippet}", file=out)
        if hit.kind == "article":
            print(f"   wellread open {hit.slug}", file=out)
    if results.suggestion:
        print(
            f"Did you mean {results.suggestion!r}? It is found in {results.suggestion_count} "
            f"places: wellread search {shlex.quote(results.suggestion)}",
            file=out,
        )
    return 0


def cmd_refs(library: Library, slug: str, fmt: str, out: TextIO) -> int:
    article = library.article(slug)
    out.write(EXPORTERS[fmt](article.references))
    return 0


def run_app(library: Library, slug: str | None) -> int:
    # Imported here so the text commands start fast and never need a terminal.
    from tui.app import WellreadApp
    from tui.settings import load_settings

    settings, message = load_settings()
    WellreadApp(library, open_slug=slug, settings=settings, settings_message=message).run()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:
        # The reader of our output went away (`| head`): stop quietly, as cat does.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _main(argv: Sequence[str] | None) -> int:
    # NO_COLOR counts only when it is not empty (no-color.org); Textual reads it later.
    if os.environ.get("NO_COLOR") == "":
        del os.environ["NO_COLOR"]
    args = build_parser().parse_args(argv)
    plain = getattr(args, "plain", False) or accessible_requested()
    library_dir: Path | None = getattr(args, "library", None)
    if library_dir is not None and not library_dir.is_dir():
        print(f"wellread: library folder not found: {library_dir}", file=sys.stderr)
        return 2
    library = load_library(library_dir)
    if args.command == "list":
        return cmd_list(library, sys.stdout)
    if args.command == "check":
        return cmd_check(library, sys.stdout)
    if args.command in ("read", "open") and args.slug not in library.articles:
        return _unknown_slug(library, args.slug, sys.stderr)
    if args.command == "read" and (plain or not sys.stdout.isatty()):
        return cmd_read(library, args.slug, sys.stdout)
    if plain or (args.command is None and not sys.stdout.isatty()):
        reader = LinearReader(library, sys.stdin, sys.stdout)
        if args.command in ("read", "open"):
            reader.read_article(args.slug)
            return 0
        return reader.run()
    if args.command == "search":
        return cmd_search(library, " ".join(args.query), sys.stdout, sys.stderr)
    if args.command == "refs":
        if args.slug not in library.articles:
            return _unknown_slug(library, args.slug, sys.stderr)
        return cmd_refs(library, args.slug, args.format, sys.stdout)
    if args.command in ("open", "read"):
        return run_app(library, args.slug)
    return run_app(library, None)
