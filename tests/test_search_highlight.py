"""Marking words in an opened article the way the library search finds them."""

from __future__ import annotations

import re
from pathlib import Path

from pilot_helpers import article_ready
from search_library import write_search_library

from tui.app import WellreadApp
from tui.content import load_library
from tui.render.blocks import RenderedDocument
from tui.render.document import render_document
from tui.render.find import find_matches, query_pattern, terms_pattern
from tui.screens.reader import ReaderScreen
from tui.screens.search import SearchScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.bars import StatusLine

FRACTURES = "living-after-a-fracture"


def fracture_document(tmp_path: Path) -> RenderedDocument:
    library = load_library(write_search_library(tmp_path / "library"))
    return render_document(library.article(FRACTURES))


def found(document: RenderedDocument, query: str, any_term: bool = False) -> list[str]:
    return [
        document.blocks[m.block].text[m.start : m.end]
        for m in find_matches(document, query, any_term)
    ]


def test_every_form_is_marked_alike(tmp_path: Path) -> None:
    document = fracture_document(tmp_path)
    # Counted apart from the code under test: whole words "fracture" with an ending.
    expected = [
        word
        for block in document.blocks
        for word in re.findall(r"\b[Ff]racture[sd]?\b", block.text)
    ]
    assert {w.lower() for w in expected} == {"fracture", "fractured", "fractures"}
    assert found(document, "fractures", any_term=True) == expected
    assert found(document, "fracture", any_term=True) == expected
    assert found(document, "fractured ") == expected
    runs = {w.lower() for w in found(document, "running", any_term=True)}
    assert runs == {"running", "runs", "run"}


def test_typing_in_the_article_matches_the_word_being_typed(tmp_path: Path) -> None:
    document = fracture_document(tmp_path)
    assert {w.lower() for w in found(document, "fract")} == {
        "fracture",
        "fractured",
        "fractures",
    }
    # Finished words by their stem, the last one as typed so far.
    assert found(document, "usually heal") == ["usually heals"]
    assert found(document, "wrist heal") == []  # not one after the other
    assert found(document, "fractured wrist us") == ["fractured wrist usually"]
    assert found(document, "two fracture") == ["Two fractures"]
    assert found(document, "") == [] and found(document, "  ") == []


def test_patterns_need_the_words_of_the_text() -> None:
    text = "She runs; he ran; they were running. A runner."
    pattern = terms_pattern("run", text.split())
    assert pattern is not None
    assert [m.group() for m in pattern.finditer(text)] == ["runs", "running"]
    assert terms_pattern("run", []) is None
    typed = query_pattern("runn", text.split())
    assert typed is not None and [m.group() for m in typed.finditer(text)] == [
        "running",
        "runner",
    ]


async def test_a_search_result_opens_with_every_form_marked(tmp_path: Path) -> None:
    app = WellreadApp(load_library(write_search_library(tmp_path / "library")))
    async with app.run_test(size=(100, 30)) as pilot:
        app.show_search()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen) and screen.index is not None
        await pilot.press(*"fractures")
        await pilot.pause()
        first = screen.hits[0]
        assert first.slug == FRACTURES
        await pilot.press("enter")
        await article_ready(pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.slug == FRACTURES
        view = reader.query_one(ArticleView)
        assert view.document is not None
        marked = {view.document.blocks[m.block].text[m.start : m.end].lower() for m in view.matches}
        assert marked == {"fracture", "fractured", "fractures"}


async def test_a_misspelt_search_shows_and_opens_the_corrected_word(tmp_path: Path) -> None:
    app = WellreadApp(load_library(write_search_library(tmp_path / "library")))
    async with app.run_test(size=(100, 30)) as pilot:
        app.show_search()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await pilot.press(*"osteoprosis")
        await pilot.pause()
        status = screen.query_one(StatusLine).left
        assert status == "Nothing found for “osteoprosis”; showing “osteoporosis” instead."
        assert screen.hits and screen.hits[0].slug == FRACTURES
        await pilot.press("enter")
        await article_ready(pilot)
        view = app.screen.query_one(ArticleView)
        assert view.document is not None and view.matches
        assert {
            view.document.blocks[m.block].text[m.start : m.end].lower() for m in view.matches
        } == {"osteoporosis"}
