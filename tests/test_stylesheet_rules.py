"""The app's stylesheet sets only the rules that change, and every widget still ends up
with exactly the rules Textual's own would give it: after focus moves, tab switches and
theme changes, each widget's styles are those of a fresh app started in that state."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pilot_helpers import settle
from textual.app import App, ComposeResult
from textual.css.styles import RulesMap, Styles
from textual.css.stylesheet import Stylesheet
from textual.layout import Layout
from textual.widgets import Static

from tui.app import WellreadApp
from tui.content import load_library
from tui.stylesheet_rules import ChangedRulesStylesheet

SIZE = (120, 40)


def rules(css: str) -> RulesMap:
    return Styles.parse(css, read_from=("test", "")).get_rules()


async def test_replace_rules_leaves_the_rules_textual_would_and_asks_for_a_repaint() -> None:
    class Two(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("mine", id="mine")
            yield Static("textual's", id="textual")

    app = Two()
    async with app.run_test() as pilot:
        await pilot.pause()
        mine, textual = app.query_one("#mine"), app.query_one("#textual")
        # Kept, changed, dropped and added rules.
        before = rules("width: 10; text-style: bold;")
        after = rules("width: 10; opacity: 50%;")
        for node in (mine, textual):
            Stylesheet.replace_rules(node, before)
        await pilot.pause()
        repaints: list[object] = []
        original = mine.refresh

        def counted(*args: Any, **kwargs: Any) -> Any:
            repaints.append(args)
            return original(*args, **kwargs)

        mine.refresh = counted  # type: ignore[method-assign]
        ChangedRulesStylesheet.replace_rules(mine, after, animate=True)
        Stylesheet.replace_rules(textual, after, animate=True)
        assert mine.styles.base.get_rules() == textual.styles.base.get_rules() == after
        assert repaints
        repaints.clear()
        ChangedRulesStylesheet.replace_rules(mine, after.copy(), animate=False)
        assert repaints == []  # nothing changed: nothing to repaint


def comparable(rules: RulesMap) -> dict[str, object]:
    # A parsed layout is an object without equality: compared by its name.
    return {key: value.name if isinstance(value, Layout) else value for key, value in rules.items()}


def rules_by_place(app: WellreadApp) -> dict[str, object]:
    """Every widget's rules and component styles' rules, keyed by its place in the DOM."""
    found: dict[str, object] = {}
    for node in app.screen.walk_children(with_self=True):
        place = "/".join(f"{type(n).__name__}#{n.id}" for n in node.ancestors_with_self)
        components = {
            name: (comparable(styles.base.get_rules()), comparable(styles.inline.get_rules()))
            for name, styles in node._component_styles.items()
        }
        found[place] = (comparable(node.styles.base.get_rules()), components)
    return found


async def test_after_focus_tabs_and_themes_every_widget_has_a_fresh_apps_rules(
    library_dir: Path,
) -> None:
    async def walk(app: WellreadApp, pilot: Any) -> None:
        for key in ("tab", "tab", "r", "e", "shift+tab", "ctrl+t", "tab", "r", "ctrl+t"):
            await pilot.press(key)
            await settle(pilot)

    app = WellreadApp(load_library(library_dir), open_slug="alpha")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.stylesheet, ChangedRulesStylesheet)
        await walk(app, pilot)
        theme = app.theme
        focused = app.screen.focused
        assert focused is not None and focused.id is not None
        focused_id, shown = focused.id, app.screen.query_one("#sidebar").active_tab  # type: ignore[attr-defined]
        stepped = rules_by_place(app)

    fresh = WellreadApp(load_library(library_dir), open_slug="alpha")
    fresh.theme = theme
    async with fresh.run_test(size=SIZE) as pilot:
        await settle(pilot)
        if shown == "reference-list":
            fresh.screen.query_one("#reference-list").focus()
            await pilot.press("r")
        fresh.screen.query_one(f"#{focused_id}").focus()
        await settle(pilot)
        expected = rules_by_place(fresh)

    assert stepped.keys() == expected.keys()
    differing = [place for place in expected if stepped[place] != expected[place]]
    assert differing == []
