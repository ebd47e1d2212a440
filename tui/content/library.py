"""A library folder: every article and exercise card, and what is wrong with any of them.

The module that reads files (YAML, the Markdown parser) is imported where a file is
read or a body parsed: a library listed from its cache never loads it.

Loading reads front matter only, so the library opens at once however long the
articles are; a body is parsed when it is first opened, then kept.
"""

from __future__ import annotations

import gc
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from tui.content.entries import Entries
from tui.content.entry import Entry, ExerciseFacts
from tui.content.folder_entries import folder_entries
from tui.content.folders import default_library, library_folders, own_folder
from tui.content.listing import ListingCache
from tui.content.problems import ContentError, Problem, Severity

if TYPE_CHECKING:
    # The article model is made when a document is first built, not to open the library.
    from tui.content.library_signature import FolderLook
    from tui.content.model import Article, Exercise
    from tui.content.paths import ReadingPath

PATHS_FILE = "paths.yaml"  # as in tui.content.paths (a test checks they agree)


D = TypeVar("D", "Article", "Exercise")


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
    # The entry a preview read whole, for the whole parse that follows it: one reading
    # of the file for both.
    _previewed: tuple[str, Entry] | None = field(default=None, repr=False)

    # Listed (in part) from the cache without a look at each file: see `verify`.
    trusted: bool = False
    # The arguments it was loaded with: root, own folder and cache.
    loaded_with: tuple[Path | None, Path | None, Path | None] = (None, None, None)

    # How many parsed documents of each kind are kept.
    KEPT = 8

    def verify(self) -> Library | None:
        """When a file is not as listed (changed in place, say, after a trusted
        listing), the library listed again in full; None when every file is as listed.
        A look at every file: a thread's work."""
        from tui.content.folder_scan import scan

        root, own, cache = self.loaded_with
        seen: set[tuple[str, str, int, int]] = set()
        try:
            for folder in library_folders(root or self.root, own):
                if folder.is_dir():
                    seen.update((str(folder), *item) for item in scan(folder))
        except OSError:
            seen = set()
        listed = {*self.articles.files(), *self.exercises.files()}
        if seen and seen == listed:
            return None
        return load_library(root or self.root, own=own, cache=cache)

    def take(self, fresh: Library) -> None:
        """Hold what *fresh* (from `verify`) lists; every parsed document is let go."""
        with self._lock:
            self.articles, self.exercises = fresh.articles, fresh.exercises
            self.unreadable, self.paths = fresh.unreadable, fresh.paths
            self._articles.clear()
            self._exercises.clear()
            self._previewed = None
            self.trusted = False

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
            previewed, self._previewed = self._previewed, None
        if cached is not None:
            return cached
        entry = previewed[1] if previewed and previewed[0] == slug else self.articles[slug]
        article = _guarded(entry, lambda e: documents.build_article(_whole(e)))
        return self._keep(self._articles, slug, article)

    def article_preview(self, slug: str) -> tuple[Article, float] | None:
        """The opening sections of a long article and the share of it they cover.

        None when the article is short enough to parse whole at once.
        """
        from tui.content import documents  # loaded on first use (see the module)

        if self.is_parsed("article", slug):
            return None
        try:
            # Read once: the opening and the front matter come from the same reading.
            whole = _whole(self.articles[slug])
            opening = _preview_body(whole.front.body)
            with self._lock:
                self._previewed = (slug, whole)
        except ContentError:
            return None  # gone since it was listed: the whole parse says why
        if opening is None:
            return None
        text, share = opening
        return _guarded(whole, lambda e: documents.build_article(e, text)), share

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
        return self.articles.slugs_by_title()

    def article_problems(self) -> list[Problem]:
        """What the listing found wrong with the articles it lists."""
        # Every entry with a problem was made when listed: the rest need not be.
        return [p for entry in self.articles.made_entries() for p in entry.problems]


def _preview_body(body: str) -> tuple[str, float] | None:
    from tui.content.preview import preview_body

    return preview_body(body)


def _whole(entry: Entry) -> Entry:
    """The entry with its whole front matter read: what opening and `check` need (a
    listed entry holds only what the list shows, and the problems found in that)."""
    from tui.content import documents  # loaded on first use (see the module)

    if entry.loaded is not None:
        return entry
    words = None
    try:
        info = entry.path.stat()
        if (info.st_size, info.st_mtime_ns) == (entry.size, entry.mtime_ns):
            words = entry.word_count  # as listed from this very file
    except OSError:
        pass  # reading it says why
    whole = documents.read_entry(entry.path, entry.kind, entry.root, words=words)
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
        from tui.content.model import Article, Exercise, Paragraph, Text

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


def load_library(
    root: Path | None = None,
    *,
    own: Path | None = None,
    cache: Path | None = None,
    trust: bool = False,
    looked: Mapping[Path, FolderLook] | None = None,
) -> Library:
    """The library in *root* (the bundled one by default), with the reader's own folder
    *own* beside it when given, its list data kept in the SQLite file *cache* when given.

    *trust*: a folder unchanged since its last full listing is listed from the cache
    alone (the app's first frame); `Library.verify` then lists it in full.
    *looked*: what a look just taken saw of each folder it listed (`LookInChild.scans`):
    those folders are not looked at again.
    """
    given = (root, own, cache)
    root = (root or default_library()).resolve()
    library = Library(root)
    library.loaded_with = given
    listing = ListingCache(cache) if cache is not None else None

    def entries(folder: Path, kind: str, top: Path, yours: bool) -> Entries:
        found, trusted = folder_entries(
            folder, kind, library.unreadable, top, yours, listing, trust, (looked or {}).get(folder)
        )
        library.trusted |= trusted
        return found

    # Tens of thousands of entries made in a row, none of them garbage: without this the
    # collector walks the growing heap again and again (half the time of a warm load).
    collecting = gc.isenabled()
    gc.disable()
    try:
        if not root.is_dir():
            library.unreadable.append(Problem(root, 1, "library folder not found"))
            return library
        library.articles = entries(root, "article", root, False)
        library.exercises = entries(root / "exercises", "exercise", root, False)
        if (root / PATHS_FILE).exists():  # YAML is loaded only for a library with paths
            from tui.content.paths import load_paths

            library.paths, problems = load_paths(root)
            library.unreadable.extend(problems)
        own = own_folder(root, own)
        if own is not None:
            library.own = own
            _merge(library, "article", entries(own, "article", own, True))
            _merge(library, "exercise", entries(own / "exercises", "exercise", own, True))
        return library
    finally:
        if collecting:
            gc.enable()
        if listing is not None:
            listing.close()
