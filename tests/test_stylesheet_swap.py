"""A theme change restyles widgets by swapping their values for the next theme's
(tui/stylesheet_swap.py), and each ends up with exactly what Textual's matching gives
it; where a swap cannot be told (rules a theme may match otherwise, values alike in one
theme and apart in the next), the widget is matched as Textual would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import settle
from screen_cells import rendered_rows
from test_stylesheet_rules import rules_by_place
from textual.color import Color
from textual.css.model import RuleSet
from textual.css.styles import RulesMap, Styles
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.theme import BUILTIN_THEMES

import tui.app as app_module
from tui import stylesheet_rules
from tui.app import WellreadApp
from tui.content import load_library
from tui.stylesheet_rules import ChangedRulesStylesheet
from tui.stylesheet_swap import DROPPED, RuleSwap, component_names, theme_changes
from tui.stylesheet_swap import rule_swap as swap_for
from tui.themes import THEME_CYCLE

SIZE = (120, 40)
# Every pseudo-class and app class a theme can change, changed.
EVERYTHING = frozenset(
    {"dark", "light", "ansi", "-dark-mode", "-light-mode", "-theme-textual-dark"}
)


def rule_swap(before: list[RuleSet], after: list[RuleSet]) -> RuleSwap | None:
    return swap_for(before, after, EVERYTHING)


def parsed(css: str, **variables: str) -> list[RuleSet]:
    return parsed_as(css, False, variables)


def parsed_as(css: str, default_css: bool, variables: dict[str, str]) -> list[RuleSet]:
    sheet = Stylesheet(variables=variables)
    sheet.add_source(css, read_from=("test.tcss", ""), is_default_css=default_css)
    sheet.parse()
    return sheet.rules


def kept(css: str, **variables: str) -> RulesMap:
    """The rules a node keeps once *css* (one rule) is set on it."""
    node = DOMNode()
    Stylesheet.replace_rules(node, parsed(css, **variables)[0].styles.get_rules())
    return node.styles.base.get_rules()


TWO_RULES = ".a { color: $one; background: $two; } .b { color: $two; }"


def test_a_value_becomes_the_same_declarations_value_under_the_next_theme() -> None:
    swap = rule_swap(
        parsed(TWO_RULES, one="red", two="blue"), parsed(TWO_RULES, one="green", two="white")
    )
    assert swap is not None
    now = kept(".a { color: red; background: blue; }")
    then = kept(".a { color: green; background: white; }")
    changes = swap.changes(now, frozenset({"*", ".a", "DOMNode"}))
    assert changes is not None
    node = DOMNode()
    Stylesheet.replace_rules(node, {**now, **changes})  # type: ignore[typeddict-item]
    assert node.styles.base.get_rules() == then


def test_values_alike_now_and_apart_next_are_not_swapped_where_both_may_match() -> None:
    # Under the first theme both colours are red; under the next, .a's turns green and
    # .b's blue: a red node either may match cannot be told apart.
    css = ".p .a { color: $one; } .q .b { color: $two; }"
    swap = rule_swap(parsed(css, one="red", two="red"), parsed(css, one="green", two="blue"))
    assert swap is not None
    red = kept(".a { color: red; }")
    assert swap.changes(red, frozenset({".a", ".b"})) is None
    # A node only .p .a can match is swapped: to green.
    only_a = swap.changes(red, frozenset({".a"}))
    assert only_a is not None and only_a["color"] == Color(0, 128, 0)


def test_values_alike_now_go_where_textual_puts_them_when_every_rule_surely_matches() -> None:
    # .a and .b match every node that has the class: the one Textual picks is known.
    css = ".a { color: $one; } .b { color: $two; } #c { color: $three; }"
    now = {"one": "red", "two": "red", "three": "red"}
    then = {"one": "green", "two": "blue", "three": "yellow"}
    swap = rule_swap(parsed(css, **now), parsed(css, **then))
    assert swap is not None
    red = kept(".a { color: red; }")
    for classes, node_id in (("a b", None), ("b a", None), ("a", None), ("a b", "c")):
        node = DOMNode(classes=classes, id=node_id)
        sheet = Stylesheet(variables=then)
        sheet.add_source(css, read_from=("test.tcss", ""))
        sheet.apply(node)
        changes = swap.changes(red, frozenset(node._selector_names))
        assert changes is not None and changes["color"] == node.styles.color, (classes, node_id)


def test_a_value_no_candidate_declares_is_not_swapped() -> None:
    swap = rule_swap(
        parsed(TWO_RULES, one="red", two="blue"), parsed(TWO_RULES, one="green", two="white")
    )
    assert swap is not None
    stranger = kept(".a { color: purple; }")
    assert swap.changes(stranger, frozenset({".a"})) is None


@pytest.mark.parametrize(
    "themed",
    [
        ".x:dark { color: $one; }",
        ".x:light { color: $one; }",
        ".x:ansi { color: $one; }",
        ".-dark-mode .x { color: $one; }",
        "App.-light-mode .x { color: $one; }",
        ".-theme-textual-dark .x { color: $one; }",
    ],
)
def test_rules_a_theme_may_match_otherwise_leave_their_nodes_to_textual(themed: str) -> None:
    css = f".x {{ background: $one; }} {themed}"
    swap = rule_swap(parsed(css, one="red"), parsed(css, one="green"))
    assert swap is not None
    assert swap.table(frozenset({".x"})) is None
    assert swap.table(frozenset({".y"})) is not None


def test_a_theme_change_changes_only_what_differs_between_the_two_themes() -> None:
    dark, light = BUILTIN_THEMES["textual-dark"], BUILTIN_THEMES["textual-light"]
    ansi_dark = BUILTIN_THEMES["ansi-dark"]
    assert theme_changes(dark, light, None) == {
        "dark",
        "light",
        "-dark-mode",
        "-light-mode",
        "-theme-textual-dark",
        "-theme-textual-light",
    }
    assert theme_changes(dark, ansi_dark, None) == {
        "ansi",
        "-theme-textual-dark",
        "-theme-ansi-dark",
    }
    # An app that fixes ANSI colours itself: :ansi is what it says, whatever the theme.
    assert "ansi" not in theme_changes(dark, ansi_dark, False)
    # Rules on what does not change are swapped like any other.
    css = ".x { background: $one; } .x:ansi { color: $one; }"
    swap = swap_for(
        parsed(css, one="red"), parsed(css, one="green"), theme_changes(dark, light, None)
    )
    assert swap is not None and swap.table(frozenset({".x"})) is not None


def test_a_rule_set_to_initial_under_one_theme_is_swapped_only_where_it_alone_decides() -> None:
    # The value of a rule set to `initial` can come from the other rules the node
    # matches: swapped only where one rule alone declares it, and surely matches.
    css = ".a { color: $one; background: red; } .b { color: blue; } .p .c { color: $one; }"
    swap = rule_swap(parsed(css, one="initial"), parsed(css, one="green"))
    assert swap is not None
    alone = swap.table(frozenset({".a"}))
    assert alone is not None and alone.forced["color"] == Color(0, 128, 0)
    assert swap.table(frozenset({".a", ".b"})) is None
    assert swap.table(frozenset({".c"})) is None  # .p .c may or may not match
    # Going to `initial`: Textual's default for a rule of Textual's default CSS, and
    # the rule left unset for anyone else's.
    back = rule_swap(parsed(css, one="green"), parsed(css, one="initial"))
    assert back is not None
    unset = back.table(frozenset({".a"}))
    assert unset is not None and unset.forced["color"] is DROPPED
    default = swap_for(
        parsed_as(css, True, {"one": "green"}),
        parsed_as(css, True, {"one": "initial"}),
        EVERYTHING,
    )
    assert default is not None
    textual = default.table(frozenset({".a"}))
    assert textual is not None and textual.forced["color"] == Styles().color


def test_a_themed_colour_equal_to_textuals_default_is_not_swapped_where_initial() -> None:
    # Textual gives a rule set to `initial` its default (for tint, transparent): a node
    # whose tint is transparent may have it from .b, or from .a under this theme.
    assert Styles().tint == Color(0, 0, 0, a=0)
    css = ".a { tint: $one; } .b { tint: initial; }"
    swap = rule_swap(parsed(css, one="transparent"), parsed(css, one="red"))
    assert swap is not None
    now = kept(".a { tint: transparent; }")
    assert swap.changes(now, frozenset({".a", ".b"})) is None
    # Only .a can match: its tint turns red.
    only_a = swap.changes(now, frozenset({".a"}))
    assert only_a == {"tint": Color(255, 0, 0)}


def test_a_component_class_is_looked_up_by_the_names_textual_matches_it_by() -> None:
    assert component_names("list--cursor") == DOMNode(classes="list--cursor")._selector_names


def test_stylesheets_of_different_sources_have_no_swap() -> None:
    assert rule_swap(parsed(".a { color: red; }"), parsed(".b { color: red; }")) is None
    assert (
        rule_swap(parsed(".a { color: red; }"), parsed(".a { color: red; } .b { color: red; }"))
        is None
    )


async def parsed_ahead(app: WellreadApp, pilot: Any) -> None:
    """Wait until the next theme is parsed (with its swap): once this one is drawn."""
    for _ in range(50):
        if app._parsed_ahead is not None:
            break
        await pilot.pause()
    await settle(pilot)


async def test_every_ctrl_t_gives_each_widget_what_textuals_matching_does(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    swapped: list[bool] = []
    real = ChangedRulesStylesheet._swapped

    def recording(self: ChangedRulesStylesheet, node: Any, *args: Any) -> bool:
        result = real(self, node, *args)
        swapped.append(result)
        return result

    monkeypatch.setattr(stylesheet_rules.ChangedRulesStylesheet, "_swapped", recording)
    # The start's work for later done at once, before the first key (a Textual timer
    # of 0 divides by 0): the next theme is parsed ahead from the start.
    monkeypatch.setattr(app_module, "WARM_AFTER", 0.001)
    app = WellreadApp(load_library(library_dir), open_slug="alpha")
    async with app.run_test(size=SIZE) as pilot:
        await parsed_ahead(app, pilot)
        swaps = []
        for _ in range(len(THEME_CYCLE) + 1):
            swapped.clear()
            await pilot.press("ctrl+t")
            await settle(pilot)
            swaps.append(swapped.count(True))
            await parsed_ahead(app, pilot)
            after_swap, drawn = rules_by_place(app), rendered_rows(app)
            # Textual's own matching of every node, with the memos of lists and the
            # article view made to forget (they keep component styles per path while
            # the stylesheet's rules are the same list).
            sheet = app.stylesheet
            rules = sheet._rules
            sheet._rules = list(rules)
            Stylesheet.update(sheet, app.screen)
            await settle(pilot)
            assert rules_by_place(app) == after_swap, app.theme
            assert rendered_rows(app) == drawn, app.theme
            sheet._rules = rules
    # Every press swapped most widgets.
    assert all(count >= 6 for count in swaps), swaps


async def test_a_scroll_bar_never_styled_takes_the_new_theme(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A scroll bar made when its list first needs one has no rules of its own until
    # the next restyle: there is nothing to swap from, and it must be matched. Two
    # swapped presses (dark, light, high contrast) against a fresh start in high
    # contrast, on a screen short enough for the outline to scroll.
    size = (120, 10)
    monkeypatch.setattr(app_module, "WARM_AFTER", 0.001)
    app = WellreadApp(load_library(library_dir), open_slug="alpha")
    async with app.run_test(size=size) as pilot:
        await parsed_ahead(app, pilot)
        outline = app.screen.query_one("#outline")
        assert outline.show_vertical_scrollbar  # the case this is about
        for _ in range(2):
            await pilot.press("ctrl+t")
            await parsed_ahead(app, pilot)
        assert app.theme == THEME_CYCLE[2]
        stepped = rendered_rows(app)[:-1]  # the status line says "Theme: ..."
    fresh = WellreadApp(load_library(library_dir), open_slug="alpha")
    fresh.theme = THEME_CYCLE[2]
    async with fresh.run_test(size=size) as pilot:
        await settle(pilot)
        assert rendered_rows(fresh)[:-1] == stepped
