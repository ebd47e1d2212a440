"""Focus, tab and theme changes restyle only what changes, and still look as before: the
focused pane has a heavy border and a bold reversed title (the sidebar's set by the
sidebar itself), lists keep their remembered component styles right, and a screen
beneath a theme change takes the new theme when it shows again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import settle
from screen_cells import Cell, rendered_rows, row_text
from textual.app import App
from textual.css.stylesheet import Stylesheet
from textual.widget import Widget

import tui.app as app_module
from tui import app_settings, stylesheet_ahead
from tui.app import WellreadApp
from tui.content import load_library
from tui.screens.library import ArticleList
from tui.themes import THEME_CYCLE
from tui.widgets.component_styles import RuleMemo
from tui.widgets.outline import Outline
from tui.widgets.sidebar import Sidebar

SIZE = (120, 40)
PANES = ("outline", "article", "sidebar")
TITLES = {"outline": "Contents", "article": "Article", "sidebar": "Related"}


def title_cells(app: App[Any], pane: Widget, title: str) -> list[Cell]:
    """The cells of *pane*'s border title, as drawn."""
    row = rendered_rows(app)[pane.region.y][pane.region.x : pane.region.right]
    start = row_text(row).index(title)
    return row[start : start + len(title)]


def corner(app: App[Any], pane: Widget) -> str:
    return rendered_rows(app)[pane.region.y][pane.region.x].char


async def open_reader(pilot: Any) -> None:
    for _ in range(5):
        await pilot.pause()


async def test_tab_moves_the_heavy_border_and_reversed_title_to_each_pane(
    library_dir: Path,
) -> None:
    app = WellreadApp(load_library(library_dir), open_slug="alpha")
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot)
        screen = app.screen
        seen = []
        for _ in range(len(PANES) + 1):
            focused = next(
                name
                for name in PANES
                if screen.focused is not None
                and (
                    screen.focused is screen.query_one(f"#{name}")
                    or screen.query_one(f"#{name}") in screen.focused.ancestors
                )
            )
            seen.append(focused)
            for name in PANES:
                pane = screen.query_one(f"#{name}")
                cells = title_cells(app, pane, TITLES[name])
                if name == focused:
                    assert corner(app, pane) == "┏", name
                    assert all(cell.style.reverse and cell.style.bold for cell in cells), name
                else:
                    assert corner(app, pane) == "╭", name
                    assert not any(cell.style.reverse for cell in cells), name
            await pilot.press("tab")
            await pilot.pause()
        assert set(seen) == set(PANES)


async def test_sidebar_title_is_drawn_like_the_other_panes_titles(library_dir: Path) -> None:
    # The sidebar styles its own title; the outline's comes from the stylesheet.
    app = WellreadApp(load_library(library_dir), open_slug="alpha")
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot)
        screen = app.screen
        outline, sidebar = screen.query_one(Outline), screen.query_one(Sidebar)
        outline.focus()
        await pilot.pause()
        focused_css = title_cells(app, outline, "Contents")[0].style
        resting_mine = title_cells(app, sidebar, "Related")[0].style
        screen.query_one("#exercise-list").focus()
        await pilot.pause()
        focused_mine = title_cells(app, sidebar, "Related")[0].style
        resting_css = title_cells(app, outline, "Contents")[0].style
        assert focused_mine == focused_css
        assert resting_mine == resting_css


async def test_r_and_e_show_their_list_and_keep_the_focus_in_the_sidebar(
    library_dir: Path,
) -> None:
    app = WellreadApp(load_library(library_dir), open_slug="alpha")
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot)
        screen = app.screen
        sidebar = screen.query_one(Sidebar)
        screen.query_one("#exercise-list").focus()
        await pilot.pause()
        for key, shown in (
            ("r", "reference-list"),
            ("e", "exercise-list"),
            ("r", "reference-list"),
        ):
            await pilot.press(key)
            await pilot.pause()
            assert sidebar.active_tab == shown
            assert screen.focused is screen.query_one(f"#{shown}")
            assert corner(app, sidebar) == "┏"
            cells = title_cells(app, sidebar, "Related")
            assert all(cell.style.reverse for cell in cells)
            hidden = "exercise-list" if shown == "reference-list" else "reference-list"
            assert not screen.query_one(f"#{hidden}").display
        await pilot.press("tab")
        await pilot.pause()
        assert corner(app, sidebar) == "╭"
        assert not any(cell.style.reverse for cell in title_cells(app, sidebar, "Related"))


async def test_remembered_list_styles_follow_focus_and_theme(library_dir: Path) -> None:
    # The cursor item is reversed only while its list has the focus, however often the
    # focus comes and goes, and in a new theme too.
    app = WellreadApp(load_library(library_dir), open_slug="alpha")
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot)
        outline = app.screen.query_one(Outline)
        article = app.screen.query_one("#article")
        for theme in ("textual-dark", "textual-light"):
            app.theme = theme
            await pilot.pause()
            for _ in range(3):
                outline.focus()
                await pilot.pause()
                focused = outline.get_component_rich_style("line-list--cursor")
                article.focus()
                await pilot.pause()
                resting = outline.get_component_rich_style("line-list--cursor")
                assert focused.reverse and focused.bold
                assert not resting.reverse and resting.bold
            line = rendered_rows(app)[outline.content_region.y]
            assert not any(cell.style.reverse for cell in line[outline.content_region.x :][:3])


async def test_a_screen_beneath_a_theme_change_shows_the_new_theme(library_dir: Path) -> None:
    async def library_rows(app: WellreadApp, pilot: Any) -> list[list[Cell]]:
        # The list and its frame (the status line at the bottom holds a notice).
        await pilot.pause()
        top = app.screen.query_one(ArticleList).region
        return rendered_rows(app)[top.y : top.bottom]

    fresh = WellreadApp(load_library(library_dir))
    fresh.theme = "textual-light"
    async with fresh.run_test(size=SIZE) as pilot:
        await open_reader(pilot)
        expected = await library_rows(fresh, pilot)

    app = WellreadApp(load_library(library_dir), open_slug="alpha")
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot)
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.press("escape")
        await open_reader(pilot)
        assert app.screen.query(ArticleList)
        shown = await library_rows(app, pilot)

    # The rows may differ (alpha is now read); their colours must not.
    def colours(rows: list[list[Cell]]) -> set[tuple[object, object]]:
        return {(cell.style.color, cell.style.bgcolor) for row in rows for cell in row}

    assert colours(shown) == colours(expected)


def described(sheet: Stylesheet) -> list[tuple[str, object]]:
    return [(repr(rule.selector_set), repr(rule.styles.get_rules())) for rule in sheet.rules]


def _record_adoptions(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each theme change adopted rules parsed ahead, in order."""
    adopted: list[bool] = []

    def recording_adopt(*args: Any) -> bool:
        result = stylesheet_ahead.adopt(*args)
        adopted.append(result)
        return result

    monkeypatch.setattr(app_settings, "adopt", recording_adopt)
    return adopted


async def test_ctrl_t_adopts_the_next_theme_parsed_ahead_and_it_matches_a_fresh_parse(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    adopted = _record_adoptions(monkeypatch)
    app = WellreadApp(load_library(library_dir), open_slug="alpha")
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot)
        for _ in range(len(THEME_CYCLE) + 1):
            await pilot.press("ctrl+t")
            await settle(pilot)
            fresh = Stylesheet(variables=app.get_css_variables())
            for read_from, (css, is_defaults, tie_breaker, scope) in app.stylesheet.source.items():
                fresh.add_source(
                    css,
                    read_from=read_from,
                    is_default_css=is_defaults,
                    tie_breaker=tie_breaker,
                    scope=scope,
                )
            fresh.parse()
            assert described(app.stylesheet) == described(fresh)
    # The first press had nothing parsed ahead; every later one did.
    assert adopted[-len(THEME_CYCLE) :] == [True] * len(THEME_CYCLE)


async def test_the_first_ctrl_t_adopts_a_theme_parsed_ahead_at_start(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    adopted = _record_adoptions(monkeypatch)
    # The start's work for later done almost at once (a Textual timer of 0 divides by 0).
    monkeypatch.setattr(app_module, "WARM_AFTER", 0.001)
    app = WellreadApp(load_library(library_dir), open_slug="alpha")
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot)
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert app.theme == THEME_CYCLE[1]
    assert adopted[:1] == [True]


async def test_the_sidebar_class_follows_the_focus_and_nothing_inside_is_restyled(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = WellreadApp(load_library(library_dir), open_slug="alpha")
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot)
        screen = app.screen
        sidebar = screen.query_one(Sidebar)
        restyled: list[object] = []
        update_nodes = app.stylesheet.update_nodes
        restyle = RuleMemo.restyle

        def recording(nodes: Any, animate: bool = False) -> None:
            nodes = list(nodes)
            restyled.extend(nodes)
            update_nodes(nodes, animate=animate)

        def recording_memo(memo: RuleMemo, widget: Widget) -> None:
            restyled.append(widget)
            restyle(memo, widget)

        monkeypatch.setattr(app.stylesheet, "update_nodes", recording)
        monkeypatch.setattr(RuleMemo, "restyle", recording_memo)
        screen.query_one("#exercise-list").focus()
        await pilot.pause()
        assert sidebar.has_class("-focus-within")
        # The list's own focus restyles it; the sidebar restyles itself alone: the tab
        # bar and the hidden list are left as they were.
        tab_bar, hidden = sidebar.children[0], screen.query_one("#reference-list")
        assert sidebar in restyled
        assert tab_bar not in restyled and hidden not in restyled
        screen.query_one("#article").focus()
        await pilot.pause()
        assert not sidebar.has_class("-focus-within")
        assert corner(app, sidebar) == "╭"


async def test_a_list_shown_again_fits_its_scroll_bar_to_entries_set_while_hidden(
    library_dir: Path,
) -> None:
    # Scroll bars are fitted again only when what they depend on changed: entries set
    # while the list was hidden still bring the scroll bar when it shows.
    from tui.widgets.sidebar import ReferenceList

    app = WellreadApp(load_library(library_dir), open_slug="alpha")
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot)
        screen = app.screen
        references = screen.query_one(ReferenceList)
        screen.query_one("#exercise-list").focus()
        await pilot.press("r")
        await settle(pilot)
        assert not references.show_vertical_scrollbar  # the test library's few fit
        await pilot.press("e")
        await settle(pilot)
        many = [(f"ref-{n}", n, [f"Author {n}. A study of bone number {n}."]) for n in range(80)]
        references.set_entries(ReferenceList.entries_for(many))
        await pilot.press("r")
        await settle(pilot)
        assert references.show_vertical_scrollbar
        assert references.virtual_size.height > references.size.height
        await pilot.press("e")
        await settle(pilot)
        references.set_entries(ReferenceList.entries_for(many[:2]))
        await pilot.press("r")
        await settle(pilot)
        assert not references.show_vertical_scrollbar


async def test_rules_put_back_on_a_focus_change_are_those_textual_matches(
    library_dir: Path,
) -> None:
    # Lists and the sidebar restyle from rules remembered per path (RuleMemo): after
    # focus has gone round the panes and tabs, through two themes, each has the rules
    # (and component styles) Textual's own matching gives it, and the screen is drawn
    # as after Textual restyles everything.
    app = WellreadApp(load_library(library_dir), open_slug="alpha")
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot)
        screen = app.screen
        for theme in ("textual-dark", "textual-light"):
            app.theme = theme
            await settle(pilot)
            for key in ("tab", "tab", "r", "e", "tab", "shift+tab", "r", "shift+tab", "tab"):
                await pilot.press(key)
                await settle(pilot)
                widgets = [
                    screen.query_one("#outline"),
                    screen.query_one("#exercise-list"),
                    screen.query_one("#reference-list"),
                    screen.query_one(Sidebar),
                ]
                for widget in widgets:
                    rules = widget.styles.base.get_rules()
                    components = dict(widget._component_styles)
                    Stylesheet.apply(app.stylesheet, widget)
                    assert widget.styles.base.get_rules() == rules, (key, widget)
                    assert widget._component_styles == components, (key, widget)
                # The styles lists drew this frame with (kept by path) are Textual's.
                for lst in [lst for lst in widgets[:3] if lst.display]:
                    frame = lst._frame  # type: ignore[attr-defined]
                    assert frame.base == lst.rich_style, (key, lst)
                    assert frame.cursor == lst.get_component_rich_style("line-list--cursor")
                    assert frame.disabled == lst.get_component_rich_style(
                        "line-list--disabled", partial=True
                    )
            drawn = rendered_rows(app)
            app.update_styles(screen)
            await settle(pilot)
            assert rendered_rows(app) == drawn


async def test_the_find_line_and_article_restyle_with_textuals_rules(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # / and Esc move the focus between the article and the find line, each restyled
    # from the rules remembered per path: they are Textual's own, through two themes,
    # and the screen is drawn as after Textual restyles everything.
    app = WellreadApp(load_library(library_dir), open_slug="alpha")
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot)
        screen = app.screen
        widgets = [screen.query_one("#article"), screen.query_one("#search-line")]
        matched: list[str] = []
        apply = Stylesheet.apply

        def counted(sheet: Stylesheet, node: Any, *args: Any, **kwargs: Any) -> Any:
            if node in widgets:
                matched.append(node.id)
            return apply(sheet, node, *args, **kwargs)

        monkeypatch.setattr(Stylesheet, "apply", counted)
        for theme in ("textual-dark", "textual-light"):
            app.theme = theme
            await settle(pilot)
            matched.clear()  # restyled for the theme
            per_key = []
            for key in ("slash", "escape", "slash", "b", "enter", "slash", "escape"):
                await pilot.press(key)
                await settle(pilot)
                per_key.append(set(matched))
                matched.clear()
                for widget in widgets:
                    rules = widget.styles.base.get_rules()
                    components = dict(widget._component_styles)
                    apply(app.stylesheet, widget)
                    assert widget.styles.base.get_rules() == rules, (key, widget)
                    assert widget._component_styles == components, (key, widget)
            # Each matched on its two paths (focused, not) at the first / and Esc of a
            # theme; every later focus change put remembered rules back.
            both = {"article", "search-line"}
            assert per_key == [both, both, set(), set(), set(), set(), set()]
            drawn = rendered_rows(app)
            app.update_styles(screen)
            await settle(pilot)
            assert rendered_rows(app) == drawn
