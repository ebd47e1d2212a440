"""`wellread list`: every article's slug and title, by title, and that output kept.

Listing 50,000 articles from the list cache (tui.content.listing) still reads, orders
and prints every title. The output is therefore kept in the data folder with the
library's signature (every file's name, size and time: tui.content.library_signature)
taken before it was made; while the library's signature is that one, the kept output
is the answer and nothing of the library is read. The look that gives the signature
runs in a forked process begun as wellread started (tui.look_ahead).

When the signature has changed, the library is listed, and the kept output may still
be the answer: it is kept with the digest of what it shows too (every slug and title
and their order: `Entries.listing_digest`), and a file touched or edited without a
change to its title lists the same lines. It is then written out as it is, not made
again from 50,000 titles.

A kept file is used only when its first line names this version of wellread and the
signature just taken (or the digest of the library just listed), and the rest is text;
otherwise it is made again. It is written whole under another name and then renamed,
so a reader never sees half of one.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from tui import __version__

if TYPE_CHECKING:
    from tui.cli import Context
    from tui.content import Library

# 2: the format of the file, which changes with its number as the version does. Its
# first line: this, the version, the library's signature and the output's digest.
_FORMAT = "wellread list output 2"
_NONE = "-"  # in place of a digest not known


def cmd_list(context: Context) -> int:
    if "library" in context.__dict__:  # already read (a caller's own library)
        return _listed(context, context.library)
    from tui.data_folder import data_dir
    from tui.look_ahead import look_at_library

    folders, look = look_at_library(getattr(context.args, "library", None), by_name=True)
    path = kept_path(data_dir(), folders)
    try:
        kept = _read_kept(path)
        if kept is not None:
            _import_ahead()
        # The list cache is read while the child looks: needed when the output is made
        # again, and when a file changed. Read for a kept output that is still the answer
        # too, it costs that about 30 ms and takes about 50 ms off a file touched or
        # retitled at 50,000 (alternating runs, medians of 12: 0.23 -> 0.26 s kept,
        # 0.41 -> 0.36 s touched, 0.46 -> 0.41 s retitled), whose target is 0.5 s.
        _decode_ahead(data_dir(), folders)
    finally:
        signature = look.signature()
    if signature is not None and kept is not None and kept[0] == signature:
        from tui.content.listing import drop_decoded_ahead

        drop_decoded_ahead()
        context.out.write(kept[2])
        return 0
    return _listed(context, context.library_after(look), (path, signature), kept)


def _import_ahead() -> None:
    """What listing the library imports, imported while the child looks.

    This process waits for the look (a few tenths of a second at 50,000 files) and,
    when the library changed since the output was kept, only then imported what
    lists it (about 60 ms): a file touched or retitled took 0.45-0.52 s, against a
    target of 0.5 s. Imported during the wait, that is taken off them; a kept output
    still the answer pays for it (and for the list cache read ahead: cmd_list) by
    sharing the two cores with the look meanwhile.
    """
    import tui.content.library
    import tui.content.listing
    import tui.library_places  # noqa: F401


def _decode_ahead(data: Path, folders: list[Path]) -> None:
    from tui.content.listing import CACHE_NAME, decode_ahead

    # A top folder, then its cards (tui.content.folders.library_folders).
    kinds = ("article", "exercise")
    decode_ahead(data / CACHE_NAME, [(f, kinds[i % 2]) for i, f in enumerate(folders)])


def kept_path(data: Path, folders: list[Path]) -> Path:
    """Where the output for a library read from *folders* is kept."""
    from tui.content.digests import new_blake2b

    key = new_blake2b(digest_size=8)
    key.update("\0".join(map(str, folders)).encode("utf-8", "surrogateescape"))
    return data / f"list-output-{key.hexdigest()}.txt"


def _listed(
    context: Context,
    library: Library,
    keep: tuple[Path, str | None] | None = None,
    kept: Kept | None = None,
) -> int:
    found = library.articles.listing_digest()
    digest = found.hex() if found is not None else None
    if kept is not None and digest is not None and kept[1] == digest:
        context.out.write(kept[2])  # the same lines as when it was kept
        if keep is not None and keep[1] is not None:
            _write_kept(keep[0], _first_line(keep[1], digest), kept[2])
        return 0
    slugs, titles, yours = library.articles.by_title_columns()
    if not slugs:
        print(f"wellread: this library has no articles yet: {library.root}", file=context.err)
        return 1
    # One write: 50,000 prints would cost more than listing the library.
    if any(yours):
        lines = [f"{slug}\t{title}\t(yours)" if own else f"{slug}\t{title}"
                 for slug, title, own in zip(slugs, titles, yours, strict=True)]  # fmt: skip
    else:  # the common case, joined without a line made one by one
        lines = list(map("\t".join, zip(slugs, titles, strict=True)))
    text = "\n".join(lines) + "\n"
    context.out.write(text)
    if keep is not None and keep[1] is not None:
        _write_kept(keep[0], _first_line(keep[1], digest), text)
    return 0


def _first_line(signature: str, digest: str | None) -> str:
    return f"{_FORMAT} {__version__} {signature} {digest or _NONE}\n"


# A kept output: the signature of the library it was made from, the digest of what it
# shows (None when not known), and the output.
Kept = tuple[str, str | None, str]


def _read_kept(path: Path) -> Kept | None:
    """A kept file of this version of wellread, read; None if there is none to read."""
    try:
        with open(path, "rb") as kept:
            data = kept.read()
    except OSError:
        return None
    first, newline, rest = data.partition(b"\n")
    if not newline:
        return None
    try:
        line, text = first.decode("ascii"), rest.decode("utf-8")
    except UnicodeDecodeError:
        return None
    words = line.split(" ")
    if words[:-2] != [*_FORMAT.split(" "), __version__]:
        return None  # another format, or another version's
    return words[-2], (None if words[-1] == _NONE else words[-1]), text


def _write_kept(path: Path, first: str, text: str) -> None:
    """Keep *text* for next time; a folder that cannot be written only means it is made
    again then."""
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(partial, "w", encoding="utf-8", newline="\n") as kept:
            kept.write(first)
            kept.write(text)
        os.replace(partial, path)
    except OSError:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
