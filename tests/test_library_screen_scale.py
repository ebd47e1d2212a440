"""The library screen with the reader's own folder and with more articles than it draws."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tui.app import WellreadApp
from tui.content import load_library
from tui.screens.library import WINDOW, ArticleList, LibraryScreen

PAGE = """---
title: {title}
summary: Page {number} of a library written for this test.
tags: [{tag}]
references:
  - id: ko2021
    type: article-journal
    author: [{{family: Ko, given: Min}}]
    issued: {{date-parts: [[2021]]}}
    title: A study of testing
---

Words [@ko2021].
"""


def _write(folder: Path, slug: str, title: str, number: int = 0, tag: str = "test") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    text = PAGE.format(title=title, number=number, tag=tag)
    (folder / f"{slug}.md").write_text(text, encoding="utf-8")


def _article_ids(app: WellreadApp) -> list[str]:
    entries = app.screen.query_one(ArticleList).entries
    return [entry.id for entry in entries if entry.id.startswith("article:")]


async def test_yours_marked_and_a_clash_listed(library_dir: Path, tmp_path: Path) -> None:
    own = tmp_path / "own"
    _write(own, "my-notes", "My notes on walking")
    _write(own, "alpha", "My own alpha")
    app = WellreadApp(load_library(library_dir, own=own))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        entries = {e.id: e for e in app.screen.query_one(ArticleList).entries}
        mine = entries["article:my-notes"]
        facts = [block.text for block in mine.blocks]
        assert any(text.startswith("yours · ") for text in facts)
        bundled = [block.text for block in entries["article:alpha"].blocks]
        assert "Alpha article" in bundled[0]
        assert not any("yours" in text for text in bundled)
        panel = str(app.screen.query_one("#library-problems", Static).render())
        assert "alpha.md" in panel and "same slug" in panel


async def test_a_large_library_draws_a_window_and_shows_more(tmp_path: Path) -> None:
    root = tmp_path / "big"
    count = WINDOW + 30
    for number in range(count):
        tag = "even" if number % 2 == 0 else "odd"
        _write(root, f"p{number:04d}", f"Page {number:04d}", number, tag)
    app = WellreadApp(load_library(root))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        shown = _article_ids(app)
        assert shown == [f"article:p{n:04d}" for n in range(WINDOW)]
        article_list = screen.query_one(ArticleList)
        more = next(i for i, e in enumerate(article_list.entries) if e.id == "more")
        assert "30 more" in article_list.entries[more].blocks[0].text
        article_list.move_cursor(more)
        article_list.action_select()
        await pilot.pause()
        assert _article_ids(app) == [f"article:p{n:04d}" for n in range(count)]
        # The cursor stands on the first article that was not shown before.
        assert article_list.cursor_id == f"article:p{WINDOW:04d}"

        # A filter keeps the library's order and counts every match, drawn or not.
        screen.show_entries("odd")
        await pilot.pause()
        odd = _article_ids(app)
        assert odd == [f"article:p{n:04d}" for n in range(1, count, 2)][:WINDOW]
        assert screen.shown == count // 2
