"""A stylesheet that, restyling a widget, sets only the rules whose values change.

Textual's `Stylesheet.replace_rules` sets every rule a widget has, or had, again when
any of them changes: each setting asks for a repaint (a scroll bar colour asks for the
scroll bars' too), so a focus change (one border) or a theme change (colours only)
paid for some forty settings a widget. Setting an unchanged rule to its own value does
nothing else, so only the changed ones are set here; the rest is Textual's (a rule
with a transition is left to Textual, which animates it).

Uses Textual 8's `Styles._rules`, as `replace_rules` itself does; the focus and theme
tests (tests/test_focus_restyle.py, tests/test_stylesheet_rules.py) check the result.
"""

from __future__ import annotations

from textual.css.styles import RulesMap
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode


class ChangedRulesStylesheet(Stylesheet):
    @classmethod
    def replace_rules(cls, node: DOMNode, rules: RulesMap, animate: bool = False) -> None:
        base_styles = node.styles.base
        old = base_styles._rules
        if animate and (old.get("transitions") or rules.get("transitions")):
            super().replace_rules(node, rules, animate)
            return
        changed = [key for key in old.keys() | rules.keys() if old.get(key) != rules.get(key)]
        if not changed:
            # Textual returns here too when animating; not animating, it still calls
            # notify_style_update, which only empties caches of styles that did not change.
            return
        get_rule = rules.get
        for key in changed:
            setattr(base_styles, key, get_rule(key))
        node.notify_style_update()


def changed_rules_copy(stylesheet: Stylesheet) -> ChangedRulesStylesheet:
    """*stylesheet*'s variables and sources in a ChangedRulesStylesheet."""
    copy = ChangedRulesStylesheet(variables=stylesheet._variables.copy())
    copy.source = stylesheet.source.copy()
    return copy
