"""`wellread search WORDS`: where the library speaks of them, best first.

A search answers from the index alone while the library's signature (every file's
name, size and time: tui.content.library_signature) is the one the index was last
brought up to date from: the library is not listed, and nothing of it is parsed.
Otherwise the library is listed, the index updated, and the signature taken before
the listing kept for next time.
"""

from __future__ import annotations

import shlex
from typing import TYPE_CHECKING

from tui.content.hits import SearchResults

if TYPE_CHECKING:
    from pathlib import Path

    from tui.cli import Context


def results_for(context: Context, query: str) -> SearchResults:
    from tui.look_ahead import look_at_library

    if "library" in context.__dict__:  # already listed (a caller's own library)
        return _listing_first(context, query, None)
    # The look at every file is taken in a forked process (tui.content.library_signature),
    # begun as the process started (tui.look_ahead) or now, before this one imports what
    # the index needs: the two overlap on two cores. The answer is given only if the
    # index was brought up to date from that signature.
    folders, look = look_at_library(getattr(context.args, "library", None))
    try:
        answer = _answer(query, folders[0])
    finally:
        signature = look.signature()
    if answer is not None and signature is not None and answer[0] == signature:
        return answer[1]
    context.library_after(look)  # listed with what the look saw, not looked at again
    return _listing_first(context, query, signature)


def _answer(query: str, root: Path) -> tuple[str, SearchResults] | None:
    from tui.content.search import index_path
    from tui.data_folder import data_dir

    path = index_path(data_dir(), root)
    answer = _from_index(path, query) if path.is_file() else None
    import tui.render.plain_hits  # noqa: F401  what prints the hits, while the child looks

    return answer


def _from_index(path: Path, query: str) -> tuple[str, SearchResults] | None:
    """The index's answer to *query*, with the signature it was brought up to date
    from (both read in one transaction); None if it keeps none."""
    from tui.content.search import SearchIndex

    index = SearchIndex(None, path)
    try:
        if index.message is not None:
            return None
        index.read_mapped()
        with index.snapshot():
            known = index.known_signature()
            return None if known is None else (known, index.find(query))
    finally:
        index.close()


def _listing_first(context: Context, query: str, signature: str | None) -> SearchResults:
    from tui.content.search import SearchIndex, index_path
    from tui.data_folder import data_dir
    from tui.linear.finding import library_search

    library = context.library
    results = library_search(library, query, context.err)
    if signature is not None:
        index = SearchIndex(library, index_path(data_dir(), library.root))
        try:
            index.keep_signature(signature)
        finally:
            index.close()
    return results


def cmd_search(context: Context) -> int:
    from tui.render.plain_hits import found_line, search_hit_lines

    query, out = " ".join(context.args.query), context.out
    results = results_for(context, query)
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
    print(found_line(len(hits), results.searched), file=out)
    # Matched words in bold on a terminal, as grep marks them; plain text otherwise.
    bold = out.isatty() and not _accessible()
    for number, hit in enumerate(hits, start=1):
        for line in search_hit_lines(number, hit, bold):
            print(line, file=out)
    if results.suggestion:
        print(
            f"Did you mean {results.suggestion!r}? It is found in {results.suggestion_count} "
            f"places: wellread search {shlex.quote(results.suggestion)}",
            file=out,
        )
    return 0


def _accessible() -> bool:
    from tui.linear import accessible_requested  # the linear mode: only on a terminal

    return accessible_requested()
