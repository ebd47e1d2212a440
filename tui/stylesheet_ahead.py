"""The stylesheet of the next theme, parsed in a thread before the reader asks for it.

A theme change makes Textual parse every stylesheet again with the theme's colours
(about 20 ms on the UI thread for wellread's). Ctrl+T steps through a known cycle, so
the next theme's stylesheet is parsed ahead, in a thread, once the current one is
shown; the change then adopts the parsed rules if the stylesheet's sources and the
colours are still the ones they were parsed from, and parses as usual if not.

Uses Textual 8's Stylesheet internals (`_rules`, `_rules_map`, `_require_parse`), as
its own `Stylesheet.reparse` does; tests/test_focus_restyle.py checks the adopted
rules against a fresh parse.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual.css.model import RuleSet
from textual.css.stylesheet import CssSource, Stylesheet
from textual.css.types import CSSLocation
from textual.theme import Theme

from tui.stylesheet_swap import RuleSwap, rule_swap


@dataclass(frozen=True)
class ParsedAhead:
    theme: str
    variables: dict[str, str]
    source: dict[CSSLocation, CssSource]
    rules: list[RuleSet]
    # From the rules the stylesheet had when these were parsed to these.
    swap: RuleSwap | None = None


def theme_variables(theme: Theme, defaults: dict[str, str]) -> dict[str, str]:
    """The CSS variables Textual's App.get_css_variables gives for *theme*."""
    variables = {**theme.to_color_system().generate(), **theme.variables}
    return {**defaults, **variables}


def parse_ahead(
    theme: Theme,
    defaults: dict[str, str],
    source: dict[CSSLocation, CssSource],
    current: list[RuleSet] | None = None,
    changed: frozenset[str] = frozenset(),
    names: Iterable[frozenset[str]] = (),
) -> ParsedAhead:
    """Parse *source* with *theme*'s colours, with the swap from the *current* rules
    (parsed from *source* with this theme's; the change of theme changing *changed*)
    to them, ready for nodes of the selector *names* given. Safe in a thread: it
    touches no app state, and a stylesheet's rules are replaced, never changed, when
    reparsed."""
    variables = theme_variables(theme, defaults)
    sheet = Stylesheet(variables=variables)
    for read_from, (css, is_defaults, tie_breaker, scope) in source.items():
        sheet.add_source(
            css,
            read_from=read_from,
            is_default_css=is_defaults,
            tie_breaker=tie_breaker,
            scope=scope,
        )
    sheet.parse()
    rules = sheet.rules
    swap = None if current is None else rule_swap(current, rules, changed)
    if swap is not None:
        swap.prepare(names)  # the tables for the nodes on screen now
    return ParsedAhead(theme.name, variables, dict(sheet.source), rules, swap)


def adopt(stylesheet: Stylesheet, parsed: ParsedAhead | None, variables: dict[str, str]) -> bool:
    """Give *stylesheet* the rules parsed ahead, if they were parsed from its sources
    with *variables*; False (nothing changed) if not."""
    if parsed is None or parsed.variables != variables or parsed.source != stylesheet.source:
        return False
    stylesheet.set_variables(variables)
    stylesheet._rules = parsed.rules
    stylesheet._rules_map = None
    stylesheet._require_parse = False
    return True
