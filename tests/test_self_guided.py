"""Self-guided reading: resume, bookmarks, search in an article and across the
library, reading paths, and a state file that could not be read."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from helpers import line_of
from pilot_helpers import article_ready, settle

from tui.app import WellreadApp
from tui.cli import main
from tui.content import check_library, load_library
from tui.content.search import SearchHit, SearchIndex, fts_query, split_snippet
from tui.screens.bookmarks import BookmarksScreen, NoteScreen
from tui.screens.library import ArticleList, LibraryScreen
from tui.screens.reader import ReaderScreen
from tui.screens.search import SearchScreen
from tui.state import StateStore
from tui.widgets.article_view import ArticleView
from tui.widgets.bars import StatusLine
from tui.widgets.outline import Outline

GAMMA = "gamma"


def _state(tmp_path: Path, library_dir: Path) -> StateStore:
    return StateStore(library_dir.resolve(), tmp_path / "state.sqlite")


async def test_continue_reading_opens_where_the_reader_stopped(
    tmp_path: Path, library_dir: Path
) -> None:
    app = WellreadApp(load_library(library_dir), state=_state(tmp_path, library_dir))
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_article(GAMMA)
        await article_ready(pilot)
        view = app.screen.query_one(ArticleView)
        for _ in range(8):
            await pilot.press("right_square_bracket")
        assert view.document is not None
        section = view.document.outline[view.current_section]
        assert section.label == "3.1 When to avoid stairs"  # the ninth heading of gamma.md
        top = view.top_line
        await pilot.press("q")  # back to the library
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)

    again = WellreadApp(load_library(library_dir), state=_state(tmp_path, library_dir))
    async with again.run_test(size=(100, 30)) as pilot:
        listing = again.screen.query_one(ArticleList)
        # Under "Search every article", and highlighted: Enter continues.
        first = listing.entries[1]
        assert first.blocks[0].text == "Continue reading: Gamma guide to stair climbing"
        assert first.blocks[1].text.startswith(section.label)
        assert listing.cursor == 1
        await pilot.press("enter")
        await article_ready(pilot)
        view = again.screen.query_one(ArticleView)
        assert view.document is not None
        assert view.document.outline[view.current_section].label == section.label
        assert view.top_line == top


async def test_reading_to_the_end_ticks_the_path(tmp_path: Path, library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir), state=_state(tmp_path, library_dir))
    async with app.run_test(size=(100, 30)) as pilot:
        listing = app.screen.query_one(ArticleList)
        path_card = next(e for e in listing.entries if e.id == "path:first-steps")
        assert "(0 of 3 read)" in path_card.blocks[0].text
        app.open_article("delta")
        await article_ready(pilot)
        await pilot.press("G", "q")
        await pilot.pause()
        path_card = next(e for e in listing.entries if e.id == "path:first-steps")
        assert "(1 of 3 read)" in path_card.blocks[0].text
        assert path_card.blocks[2].text == "✓ Delta notes on rest"
        card = next(e for e in listing.entries if e.id == "article:delta")
        assert "100% read" in card.blocks[-1].text
        # Enter on the path opens the first article not read yet.
        listing.move_cursor(listing.index_of("path:first-steps") or 0)
        await pilot.press("enter")
        await article_ready(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.slug == "gamma"


async def test_next_in_path_ends_the_article_and_opens_it(
    tmp_path: Path, library_dir: Path
) -> None:
    app = WellreadApp(load_library(library_dir), state=_state(tmp_path, library_dir))
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_article("gamma")
        await article_ready(pilot)
        view = app.screen.query_one(ArticleView)
        assert view.document is not None
        assert view.document.outline[-1].title == "Next in your path"
        await pilot.press("G", "comma")
        kind: str | None = None
        targets: tuple[str, ...] = ()
        if view.focused_anchor is not None:
            anchor = view.document.blocks[view.focused_anchor[0]].anchors[view.focused_anchor[1]]
            kind, targets = anchor.kind, anchor.targets
        assert (kind, targets) == ("article", ("alpha",))
        await pilot.press("enter")
        await article_ready(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.slug == "alpha"


async def test_bookmark_with_a_note_and_go_back_to_it(tmp_path: Path, library_dir: Path) -> None:
    state = _state(tmp_path, library_dir)
    app = WellreadApp(load_library(library_dir), state=state)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_article(GAMMA)
        await article_ready(pilot)
        view = app.screen.query_one(ArticleView)
        await pilot.press("right_square_bracket", "right_square_bracket", "m")
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"ask my physio", "enter")
        place = view.position
        [mark] = state.bookmarks()
        assert mark.note == "ask my physio" and mark.section == "1.1 Going up"
        assert place is not None and (mark.block, mark.offset) == (place.block, place.offset)
        await pilot.press("G", "apostrophe")
        assert isinstance(app.screen, BookmarksScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, ReaderScreen)
        assert view.position == place
        await pilot.press("apostrophe", "d", "y")  # asked first
        assert state.bookmarks() == []


async def test_garbage_state_file_is_set_aside_and_new_bookmarks_persist(
    tmp_path: Path, library_dir: Path
) -> None:
    path = tmp_path / "state.sqlite"
    path.write_bytes(os.urandom(4096))
    state = StateStore(library_dir.resolve(), path)
    app = WellreadApp(load_library(library_dir), state=state)
    async with app.run_test(size=(120, 30)) as pilot:
        notice = app.screen.query_one(StatusLine).left
        assert "could not be read" in notice and "kept as" in notice
        app.open_article(GAMMA)
        await article_ready(pilot)
        await pilot.press("m", *"after the garbage", "enter")
    assert [b.note for b in StateStore(library_dir.resolve(), path).bookmarks()] == [
        "after the garbage"
    ]
    assert len(list(tmp_path.glob("state.sqlite.unreadable-*"))) == 1


async def test_search_in_the_article_highlights_moves_and_counts(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir), open_slug=GAMMA)
    async with app.run_test(size=(100, 30)) as pilot:
        await article_ready(pilot)
        view = app.screen.query_one(ArticleView)
        outline = app.screen.query_one(Outline)
        await pilot.press("slash", *"vertebral")
        # gamma.md says "vertebral" once in its key points (the overview) and twice in 3.1.
        assert len(view.matches) == 3
        counted = [e.blocks[0].text for e in outline.entries if "found)" in e.blocks[0].text]
        assert counted == ["Overview (1 found)", "When to avoid stairs (2 found)"]
        await pilot.press("enter")
        assert app.focused is view and view.match_index is not None
        first = view.match_index
        await pilot.press("n")
        assert view.match_index == (first + 1) % len(view.matches)
        await pilot.press("N", "N")
        assert view.match_index == (first - 1) % len(view.matches)
        await pilot.press("slash", "escape")
        assert view.matches == [] and not any("found)" in e.blocks[0].text for e in outline.entries)


def index_hits(library_dir: Path, index_file: Path, query: str) -> list[SearchHit]:
    index = SearchIndex(load_library(library_dir), index_file)
    index.update()
    return index.search(query)


def test_index_updates_only_changed_files(tmp_path: Path, library_dir: Path) -> None:
    index_file = tmp_path / "index.sqlite"
    library = load_library(library_dir)
    total = 8  # the test library's four articles and four cards
    first = SearchIndex(library, index_file).update()
    assert (first.indexed, first.unchanged) == (total, 0)
    assert SearchIndex(load_library(library_dir), index_file).update().indexed == 0
    assert {h.slug for h in index_hits(library_dir, index_file, "hops")} == {"toe-hop"}

    delta = library_dir / "delta.md"
    delta.write_text(delta.read_text() + "\nA rare word: zymurgy.\n")
    (library_dir / "exercises" / "toe-hop.md").unlink()
    index = SearchIndex(load_library(library_dir), index_file)
    stats = index.update()
    assert (stats.indexed, stats.removed, stats.unchanged) == (1, 1, total - 2)
    [hit] = index.search("zymurgy")
    assert hit.slug == "delta"
    assert index.search("hops") == []


def test_search_finds_sections_with_stemming_and_phrases(tmp_path: Path, library_dir: Path) -> None:
    index = SearchIndex(load_library(library_dir), tmp_path / "index.sqlite")
    index.update()
    hits = index.search('"vertebral fracture"')
    assert hits
    top = hits[0]
    assert top.kind == "article" and top.entry > 0
    words = [
        word
        for text, matched in split_snippet(top.snippet)
        if matched
        for word in text.lower().split()
    ]
    assert words and set(words) <= {"vertebral", "fracture", "fractures"}
    # "fractures" is found from "fracture".
    assert any("fractures" in h.snippet.lower() for h in index.search("fracture"))
    assert index.search("") == [] and index.search('" "') == []


def test_fts_query_quotes_every_word() -> None:
    # Stems (Snowball English), each quoted: nothing typed is read as FTS5 syntax.
    assert fts_query('vertebral "spine fracture" OR -x') == '"vertebr" "spine fractur" "or" "x"'


def test_broken_index_file_is_rebuilt(tmp_path: Path, library_dir: Path) -> None:
    index_file = tmp_path / "index.sqlite"
    index_file.write_bytes(b"garbage" * 100)
    index = SearchIndex(load_library(library_dir), index_file)
    assert index.update().indexed > 0


def test_search_command_lists_articles_and_sections(
    library_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "vertebral", "fracture", "--library", str(library_dir)]) == 0
    out = capsys.readouterr().out
    assert re.match(r"\d+ places speak of 'vertebral fracture', best first:\n", out)
    assert "Gamma guide to stair climbing (article): 3.1 When to avoid stairs" in out
    assert "wellread open gamma" in out
    assert main(["search", "xylophone", "--library", str(library_dir)]) == 1


async def test_search_screen_result_opens_the_section_with_the_words_marked(
    library_dir: Path,
) -> None:
    app = WellreadApp(load_library(library_dir))
    async with app.run_test(size=(100, 30)) as pilot:
        listing = app.screen.query_one(ArticleList)
        listing.move_cursor(listing.index_of("search") or 0)
        await pilot.press("enter")
        assert isinstance(app.screen, SearchScreen)
        await settle(pilot)  # the index is built in a worker
        assert app.screen.index is not None
        await pilot.press(*"vertebral fracture")
        hit = app.screen.hits[0]
        # The best place is where gamma.md speaks of them twice.
        assert (hit.slug, hit.heading) == ("gamma", "3.1 When to avoid stairs")
        await pilot.press("enter")
        await article_ready(pilot)
        screen = app.screen
        assert isinstance(screen, ReaderScreen) and screen.slug == hit.slug
        view = screen.query_one(ArticleView)
        assert view.document is not None
        assert view.document.outline[view.current_section].label == hit.heading
        assert view.match_index is not None
        match = view.matches[view.match_index]
        found = view.document.blocks[match.block].text[match.start : match.end].lower()
        # Each word of the search is marked, in any form (as the index's stemming finds).
        assert found.startswith(("vertebral", "fracture"))
        assert match.block >= view.document.outline[view.current_section].block


def test_paths_naming_missing_articles_are_errors(library_dir: Path) -> None:
    paths = library_dir / "paths.yaml"
    paths.write_text(
        "paths:\n  - id: p\n    title: P\n    articles:\n      - alpha\n      - nowhere\n",
        encoding="utf-8",
    )
    library = load_library(library_dir)
    assert [p.articles for p in library.paths] == [("alpha", "nowhere")]
    problems = [p for p in check_library(library) if p.path == paths]
    assert len(problems) == 1 and problems[0].is_error
    assert problems[0].line == line_of(paths, "nowhere")
    assert "'nowhere'" in problems[0].message


async def test_palette_offers_search_and_bookmarks(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir))
    async with app.run_test(size=(80, 24)):
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Search every article" in titles and "Bookmarks" in titles


async def test_palette_lists_articles_sections_exercises_and_bookmarks(
    tmp_path: Path, library_dir: Path
) -> None:
    from tui.commands import WellreadCommands

    state = _state(tmp_path, library_dir)
    state.add_bookmark(GAMMA, 10, 0, "2. Building up slowly", "try hills")
    app = WellreadApp(load_library(library_dir), open_slug=GAMMA, state=state)
    async with app.run_test(size=(100, 30)) as pilot:
        await article_ready(pilot)
        provider = WellreadCommands(app.screen)
        titles = [title for title, _, _ in provider.commands()]
        assert "Go to 3. Safety first" in titles
        assert "Open Alpha article" in titles
        assert "Exercise card: Toe hop" in titles
        mark = "Bookmark: Gamma guide to stair climbing, 2. Building up slowly (try hills)"
        assert mark in titles
        # Choosing a section goes there.
        go = next(
            action for title, _, action in provider.commands() if title == "Go to 3. Safety first"
        )
        go()
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert view.document is not None
        assert view.document.outline[view.current_section].label == "3. Safety first"


async def test_back_and_forward_through_jumps(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir), open_slug=GAMMA)
    async with app.run_test(size=(100, 30)) as pilot:
        await article_ready(pilot)
        view = app.screen.query_one(ArticleView)
        await pilot.press("full_stop")
        before = view.focused_anchor
        await pilot.press("enter")  # to the references
        await pilot.press("backspace")
        assert app.focused is view and view.focused_anchor == before
        await pilot.press("alt+right")
        assert app.focused is app.screen.query_one("#reference-list")
        await pilot.press("alt+left")
        assert app.focused is view and view.focused_anchor == before


async def test_back_from_a_linked_article_and_forward_to_it(
    tmp_path: Path, library_dir: Path
) -> None:
    app = WellreadApp(load_library(library_dir), state=_state(tmp_path, library_dir))
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_article(GAMMA)
        await article_ready(pilot)
        view = app.screen.query_one(ArticleView)
        assert view.document is not None
        related = view.find_anchor("article", "delta")
        assert related is not None
        view.focus_anchor(related)
        await pilot.press("enter")
        await article_ready(pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen.slug == "delta"
        await pilot.press("backspace")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and app.screen.slug == GAMMA
        await pilot.press("alt+right")
        await article_ready(pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen.slug == "delta"


def test_search_terms_mark_words_and_phrases_in_any_form() -> None:
    from tui.render.find import terms_pattern

    text = "A vertebral  fractures note; hips and a hip. Not a vertebral arch."
    pattern = terms_pattern('"vertebral fracture" hip', text.split())
    assert pattern is not None
    assert [m.group() for m in pattern.finditer(text)] == ["vertebral  fractures", "hips", "hip"]
    assert terms_pattern('" "') is None
