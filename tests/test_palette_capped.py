"""The palette on an article of hundreds of sections: its own commands until the reader
types, then the best few hits and a last line saying how many more there are; every
section still found by typing its name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from pilot_helpers import reading, settle
from textual.command import CommandInput, CommandList, CommandPalette
from textual.pilot import Pilot

from tui.app import WellreadApp
from tui.commands import MarkedCommandList
from tui.palette_entries import (
    SCORED_LIMIT,
    SHOWN_LIMIT,
    Titles,
    best_shown,
    count_matching,
    exact_matches,
)
from tui.widgets.article_view import ArticleView

SLUG = "many-parts"
PLANS = 300  # sections named "Walking plan N", all before the one named "Walk"


def many_sections(folder: Path) -> Path:
    folder.mkdir()
    parts = ["---\ntitle: Many parts\nsummary: An article of many short sections.\n---\n"]
    parts.append("An opening paragraph.\n\n")
    for number in range(1, PLANS + 1):
        parts.append(f"## Walking plan {number}\nWeek {number} of the plan.\n\n")
        if number == 150:
            parts.append("## Stairs at dusk\nClimb slowly when the light is low.\n\n")
    parts.append("## Walk\nThe plain walk, last of all.\n\n")
    (folder / f"{SLUG}.md").write_text("".join(parts), encoding="utf-8")
    return folder


def shown(app: WellreadApp) -> list[str]:
    """The palette's rows as a reader meets them: title, then help if any."""
    commands = app.screen.query_one(CommandList)
    return [str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)]


def letters_in_order(query: str, title: str) -> bool:
    rest = iter(title.lower())
    return all(char in rest for char in query.lower())


async def type_in(pilot: Pilot[Any], text: str) -> None:
    await pilot.press(*text)
    await settle(pilot)


async def test_before_typing_the_palette_offers_its_own_commands(tmp_path: Path) -> None:
    async with reading(many_sections(tmp_path / "lib"), SLUG) as (app, pilot):
        await pilot.press("ctrl+p")
        await settle(pilot)
        own = sorted(app.get_system_commands(app.screen), key=lambda command: command.title)
        # The same names and help a screen reader heard before, in the same order.
        assert shown(app) == [f"{command.title}\n{command.help}" for command in own]
        assert not any(row.startswith("Go to") for row in shown(app))


async def test_typing_a_sections_name_finds_it_and_goes_there(tmp_path: Path) -> None:
    async with reading(many_sections(tmp_path / "lib"), SLUG) as (app, pilot):
        await pilot.press("ctrl+p")
        await type_in(pilot, "stairs at dusk")
        rows = shown(app)
        assert rows[0] == "Go to 151. Stairs at dusk\nIn Many parts", rows
        await pilot.press("enter")
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        assert view.document is not None
        assert view.document.outline[view.current_section].label == "151. Stairs at dusk"


async def test_a_capped_list_says_how_many_more_and_keeps_the_name_typed(
    tmp_path: Path,
) -> None:
    async with reading(many_sections(tmp_path / "lib"), SLUG) as (app, pilot):
        await pilot.press("ctrl+p")
        await type_in(pilot, "walk")
        rows = shown(app)
        hits, last = rows[:-1], rows[-1]
        assert len(hits) == SHOWN_LIMIT
        # "Walk" comes after 300 sections holding the word, and is shown all the same.
        assert "Go to 302. Walk\nIn Many parts" in hits
        # Every entry the palette could show, counted here letter by letter.
        titles = [command.title for command in app.get_system_commands(app.screen)]
        titles += [f"Go to {n}. Walking plan {n}" for n in range(1, 151)]
        titles += ["Go to 151. Stairs at dusk"]
        titles += [f"Go to {n + 1}. Walking plan {n}" for n in range(151, PLANS + 1)]
        titles += ["Go to 302. Walk", "Open Many parts"]
        matching = sum(letters_in_order("walk", title) for title in titles)
        assert matching > PLANS
        assert last == f"{matching - SHOWN_LIMIT:,} more hold these letters: type more to narrow"


async def test_choosing_the_last_line_opens_the_palette_again_as_typed(tmp_path: Path) -> None:
    async with reading(many_sections(tmp_path / "lib"), SLUG) as (app, pilot):
        await pilot.press("ctrl+p")
        await type_in(pilot, "walking")
        commands = app.screen.query_one(CommandList)
        assert "more hold these letters" in shown(app)[-1]
        commands.highlighted = commands.option_count - 1
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(CommandInput).value == "walking"
        assert shown(app)[0].startswith("Go to ")


def drawn(commands: MarkedCommandList) -> list[list[Any]]:
    return [list(commands.render_line(y)) for y in range(commands.size.height)]


async def test_rows_kept_when_the_list_changes_height_are_the_rows_textual_would_draw(
    tmp_path: Path,
) -> None:
    async with reading(many_sections(tmp_path / "lib"), SLUG) as (app, pilot):
        await pilot.press("ctrl+p")
        await settle(pilot)
        commands = app.screen.query_one(MarkedCommandList)
        tall = commands.size.height
        kept = drawn(commands)
        commands._clear_caches()  # what Textual's own handler would have done
        assert drawn(commands) == kept
        forgotten: list[int] = []
        clear = commands._clear_caches

        def counted() -> None:
            forgotten.append(1)
            clear()

        commands._clear_caches = counted  # type: ignore[method-assign]
        await type_in(pilot, "dusk")
        assert commands.size.height < tall  # it shrank ...
        assert forgotten == []  # ... and kept the rows it had made
        commands._clear_caches = clear  # type: ignore[method-assign]
        kept = drawn(commands)
        commands._clear_caches()
        assert drawn(commands) == kept
        assert any("Stairs at dusk" in "".join(s.text for s in row) for row in kept)


def test_best_shown_puts_the_must_first_then_the_best_scored() -> None:
    scores = [0.2, 0.0, 0.9, 0.5, 0.9, 0.1]
    assert best_shown(scores, must=[], limit=3) == [2, 4, 3]
    assert best_shown(scores, must=[5], limit=3) == [5, 2, 4]
    assert best_shown(scores, must=[1], limit=2) == [2, 4]  # no match is never shown
    assert best_shown(scores, must=[0, 5], limit=1) == [0, 5]


def test_a_title_typed_in_full_is_found_with_or_without_its_prefix_or_number() -> None:
    lowered = ["go to 1. walking", "go to 2. walk", "open walk"]
    assert exact_matches(lowered, "Walk ", ("go to ", "open ")) == [2]
    assert exact_matches(lowered, "walk", ("go to ",), ["walking", "walk", "x"]) == [1]
    assert exact_matches(lowered, "go to 2. walk") == [1]


def test_a_section_named_in_full_is_weighed_however_many_come_before_it() -> None:
    labels = [f"{n}. Walking plan {n}" for n in range(1, 100)] + ["100. Walk"]
    names = [label.split(". ", 1)[1] for label in labels]
    sections = Titles([f"Go to {label}" for label in labels], names)
    chosen, exact = sections.choose("Walk")
    assert exact == [99]
    assert len(chosen) == SCORED_LIMIT + 1 and chosen[-1] == 99
    assert sections.count("walk") == 100


titles = st.lists(st.text(st.characters(blacklist_characters="\n"), max_size=12), max_size=8)


@given(titles, st.text(st.characters(blacklist_characters="\n"), min_size=1, max_size=4))
def test_counting_matches_over_joined_text_agrees_with_each_title(
    lowered: list[str], query: str
) -> None:
    lowered = [title.lower() for title in lowered]
    expected = sum(letters_in_order(query, title) for title in lowered)
    assert count_matching("\n".join(lowered), query) == expected
