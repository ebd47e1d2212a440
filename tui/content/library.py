"""A library folder: every article and exercise card, and what is wrong with any of them.

The module that reads files (YAML, the Markdown parser) is imported where a file is
read or a body parsed: a library listed from its cache never loads it.

Loading reads front matter only, so the library opens at once however long the
articles are; a body is parsed when it is first opened, then kept.
"""

from __future__ import annotations

import gc
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from tui.content.entries import KIND, SLUG, Entries, Source
from tui.content.listing import ListingCache, Row, entry_row, row_entry, scan, storable
from tui.content.model import Article, Entry, Exercise, ExerciseFacts, Paragraph, Text
from tui.content.problems import ContentError, Problem, Severity

if TYPE_CHECKING:
    from tui.content.paths import ReadingPath

LIBRARY_ENV = "WELLREAD_LIBRARY"
PATHS_FILE = "paths.yaml"  # as in tui.content.paths (a test checks they agree)


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


D = TypeVar("D", Article, Exercise)


@dataclass
class Library:
    root: Path
    # Made from their cached rows when first used (see tui.content.entries).
    articles: Entries = field(default_factory=Entries)
    exercises: Entries = field(default_factory=Entries)
    # Problems with files that could not be listed at all.
    unreadable: list[Problem] = field(default_factory=list)
    paths: list[ReadingPath] = field(default_factory=list)
    # The reader's own folder, shown beside *root* (None: *root* alone).
    own: Path | None = None
    # The last documents parsed, not every one ever opened (memory stays flat however
    # many articles a session opens, or `check` reads).
    _articles: OrderedDict[str, Article] = field(default_factory=OrderedDict, repr=False)
    _exercises: OrderedDict[str, Exercise] = field(default_factory=OrderedDict, repr=False)
    # The parse caches are shared by the reader's loading thread and the search
    # index's thread. Parsing happens outside the lock (it can take a second); two
    # threads parsing the same file at once keep whichever finished first.
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    # How many parsed documents of each kind are kept.
    KEPT = 8

    def _keep(self, kept: OrderedDict[str, D], slug: str, document: D) -> D:
        with self._lock:
            document = kept.setdefault(slug, document)
            kept.move_to_end(slug)
            while len(kept) > self.KEPT:
                kept.popitem(last=False)
            return document

    def article(self, slug: str) -> Article:
        """The parsed article; KeyError when the library has no such slug.

        Never raises for a bad file: what could not be parsed becomes its problem.
        """
        from tui.content import documents  # loaded on first use (see the module)

        with self._lock:
            cached = self._articles.get(slug)
        if cached is not None:
            return cached
        entry = self.articles[slug]
        article = _guarded(entry, lambda e: documents.build_article(_whole(e)))
        return self._keep(self._articles, slug, article)

    def article_preview(self, slug: str) -> tuple[Article, float] | None:
        """The opening sections of a long article and the share of it they cover.

        None when the article is short enough to parse whole at once.
        """
        from tui.content import documents  # loaded on first use (see the module)

        entry = self.articles[slug]
        try:
            opening = _preview_body(entry.front.body)
        except ContentError:
            return None  # gone since it was listed: the whole parse says why
        if opening is None or self.is_parsed("article", slug):
            return None
        text, share = opening
        return _guarded(entry, lambda e: documents.build_article(_whole(e), text)), share

    def exercise(self, slug: str) -> Exercise:
        from tui.content import documents  # loaded on first use (see the module)

        with self._lock:
            cached = self._exercises.get(slug)
        if cached is not None:
            return cached
        exercise = _guarded(self.exercises[slug], lambda e: documents.build_exercise(_whole(e)))
        return self._keep(self._exercises, slug, exercise)

    def exercise_facts(self, slug: str) -> ExerciseFacts:
        """A card's title, kind, impact, equipment and cautions, without parsing its body."""
        from tui.content import documents  # loaded on first use (see the module)

        entry = self.exercises[slug]
        if entry.facts is not None:
            return entry.facts
        return documents.read_exercise_facts(entry)[0]

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
        return [self.articles[slug] for slug in self.article_order()]

    def article_order(self) -> list[str]:
        """The articles' slugs in the order the library lists them (by title), found
        without making an entry for each."""
        titled = [(title.casefold(), slug) for slug, title in self.articles.titles()]
        titled.sort(key=_first)
        return [slug for _, slug in titled]

    def article_problems(self) -> list[Problem]:
        """What the listing found wrong with the articles it lists."""
        # Every entry with a problem was made when listed: the rest need not be.
        return [p for entry in self.articles.made_entries() for p in entry.problems]


def _first(pair: tuple[str, str]) -> str:
    return pair[0]


def _preview_body(body: str) -> tuple[str, float] | None:
    from tui.content.preview import preview_body

    return preview_body(body)


def _whole(entry: Entry) -> Entry:
    """The entry with its whole front matter read: what opening and `check` need (a
    listed entry holds only what the list shows, and the problems found in that)."""
    from tui.content import documents  # loaded on first use (see the module)

    if entry.loaded is not None:
        return entry
    whole = documents.read_entry(entry.path, entry.kind, entry.root)
    whole.yours = entry.yours
    return whole


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
        problem = Problem(entry.path, entry.body_line, f"the text could not be read: {reason}")
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


def _read_guarded(path: Path, kind: str, root: Path) -> Entry | Problem:
    from tui.content import documents  # loaded on first use (see the module)

    try:
        return documents.read_entry(path, kind, root, listing=True)
    except ContentError as error:
        return error.problem
    except Exception as error:  # whatever one file does, the rest of the library loads
        reason = (
            "it is nested too deeply"
            if isinstance(error, RecursionError)
            else (type(error).__name__)
        )
        return Problem(path, 1, f"the file could not be read: {reason}")


def _entries(
    folder: Path,
    kind: str,
    library: Library,
    root: Path,
    yours: bool,
    cache: ListingCache | None,
) -> Entries:
    entries = Entries()
    try:
        if not folder.is_dir():
            return entries
        scanned = scan(folder)
    except OSError as error:
        library.unreadable.append(Problem(folder, 1, f"cannot list the folder: {error.strerror}"))
        return entries
    if cache is not None and not storable(str(folder)):
        cache = None
    cached = cache.rows(folder) if cache is not None else {}
    fresh: list[Row] = []
    source = Source(folder, root, yours)
    child = getattr(folder, "_make_child_relpath", folder.joinpath)
    for item in scanned:
        name, size, mtime = item
        row = cached.pop(name, None)
        if (
            row is not None
            and row[1] == size
            and row[2] == mtime
            and row[KIND] == kind
            and size >= 0
            and row[-1] is None  # no problems, no card facts: made when first used
        ):
            slug = row[SLUG]
            assert isinstance(slug, str)  # the cache's query checks the types
            if slug in entries:
                _same_slug(library, child(name), slug, entries)
            else:
                entries.add_row(slug, source, row)
            continue
        path = child(name)
        found: Entry | Problem | None = None
        if row is not None and row[1] == size and row[2] == mtime and size >= 0:
            try:
                found = row_entry(row, path, root, yours, size, mtime)
            except Exception:  # a row not of our making: the file is read instead
                found = None
            if found is not None and found.__class__ is Entry and found.kind != kind:
                found = None
        if found is None:
            found = _read_guarded(path, kind, root)
            if isinstance(found, Entry):
                found.yours = yours
                found.size, found.mtime_ns = size, mtime
            if cache is not None and size >= 0 and storable(name):
                fresh.append(entry_row(folder, item, found))
        if isinstance(found, Problem):
            library.unreadable.append(found)
        elif found.slug in entries:
            _same_slug(library, path, found.slug, entries)
        else:
            entries[found.slug] = found
    if cache is not None:
        cache.store(folder, fresh, cached)  # what is left in *cached* is gone
    return entries


def _same_slug(library: Library, path: Path, slug: str, entries: Entries) -> None:
    # Two names that differ only in characters cleaned away.
    library.unreadable.append(
        Problem(
            path,
            1,
            f"lists as '{slug}', like {entries[slug].path.name!r}; not read",
            Severity.ERROR,
        )
    )


def _merge(library: Library, kind: str, own: Entries) -> None:
    """The reader's own files beside the bundled ones; a slug in both is reported and
    the bundled file kept (reading paths and related links were written for it)."""
    shown = library.articles if kind == "article" else library.exercises
    for slug in own:
        if slug not in shown:
            shown.put_raw(slug, own.raw(slug))
            continue
        entry, bundled = own[slug], shown[slug]
        library.unreadable.append(
            Problem(
                entry.path,
                1,
                f"your {kind} '{slug}' has the same slug as the bundled {bundled.path}; the "
                "bundled one is shown: rename your file to read it",
                Severity.ERROR,
            )
        )


def own_folder(root: Path, own: Path | None) -> Path | None:
    """The reader's own folder as it is read beside *root* (resolved), or None when
    there is none to read."""
    if own is None or not own.is_dir() or own.resolve() == root:
        return None
    return own.resolve()


def library_folders(root: Path | None, own: Path | None = None) -> list[Path]:
    """Every folder load_library lists for these arguments, in the order it lists them."""
    root = (root or default_library()).resolve()
    mine = own_folder(root, own)
    tops = [root] if mine is None else [root, mine]
    return [folder for top in tops for folder in (top, top / "exercises")]


def load_library(
    root: Path | None = None, *, own: Path | None = None, cache: Path | None = None
) -> Library:
    """The library in *root* (the bundled one by default), with the reader's own folder
    *own* beside it when given, its list data kept in the SQLite file *cache* when given."""
    root = (root or default_library()).resolve()
    library = Library(root)
    listing = ListingCache(cache) if cache is not None else None
    # Tens of thousands of entries made in a row, none of them garbage: without this the
    # collector walks the growing heap again and again (half the time of a warm load).
    collecting = gc.isenabled()
    gc.disable()
    try:
        if not root.is_dir():
            library.unreadable.append(Problem(root, 1, "library folder not found"))
            return library
        library.articles = _entries(root, "article", library, root, False, listing)
        library.exercises = _entries(root / "exercises", "exercise", library, root, False, listing)
        if (root / PATHS_FILE).exists():  # YAML is loaded only for a library with paths
            from tui.content.paths import load_paths

            library.paths, problems = load_paths(root)
            library.unreadable.extend(problems)
        own = own_folder(root, own)
        if own is not None:
            library.own = own
            _merge(library, "article", _entries(own, "article", library, own, True, listing))
            mine = _entries(own / "exercises", "exercise", library, own, True, listing)
            _merge(library, "exercise", mine)
        return library
    finally:
        if collecting:
            gc.enable()
        if listing is not None:
            listing.close()
