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
    from tui.cli import Context


def results_for(context: Context, query: str) -> SearchResults:
    from tui.cli import library_places
    from tui.content.library import library_folders
    from tui.content.library_signature import library_signature
    from tui.content.search import SearchIndex, index_path
    from tui.state import data_dir

    if "library" in context.__dict__:  # already listed (a caller's own library)
        return _listing_first(context, query, None)
    root, own = library_places(getattr(context.args, "library", None))
    folders = library_folders(root, own)
    signature = library_signature(folders)
    path = index_path(data_dir(), folders[0])
    if signature is not None and path.is_file():
        index = SearchIndex(None, path)
        try:
            if index.message is None and index.known_signature() == signature:
                return index.find(query)
        finally:
            index.close()
    return _listing_first(context, query, signature)


def _listing_first(context: Context, query: str, signature: str | None) -> SearchResults:
    from tui.content.search import SearchIndex, index_path
    from tui.linear.finding import library_search
    from tui.state import data_dir

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
    from tui.render.plain import found_line, search_hit_lines

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
