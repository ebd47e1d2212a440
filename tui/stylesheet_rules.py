"""A stylesheet that, restyling a widget, sets only the rules whose values change.

Textual's `Stylesheet.replace_rules` sets every rule a widget has, or had, again when
any of them changes: each setting asks for a repaint (a scroll bar colour asks for the
scroll bars' too), so a focus change (one border) or a theme change (colours only)
paid for some forty settings a widget. Setting an unchanged rule to its own value does
nothing else, so only the changed ones are set here; the rest is Textual's (a rule
with a transition is left to Textual, which animates it).

A whole tree restyled at once (a theme change: `update`) asks each widget for one
repaint at the end, not one for each rule set (a colour asks its whole subtree again,
so a screen's widgets were asked some thirty times each): every rule is set as
before, with the repaint each would ask for noted, and each widget is then
refreshed once, laid out if any of its rules asked for it.

Uses Textual 8's `Styles._rules`, as `replace_rules` itself does, and the keyword
arguments of `Styles.refresh`, which every rule's setter calls; the focus and theme
tests (tests/test_focus_restyle.py, tests/test_stylesheet_rules.py) check the result.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.app import App
from textual.css.styles import RulesMap
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget

from tui.stylesheet_swap import DROPPED, RuleSwap, component_names


@dataclass
class Repaints:
    """What the rules set during a whole-tree restyle asked each node for."""

    nodes: dict[DOMNode, bool] = field(default_factory=dict)  # node: laid out too
    children: set[DOMNode] = field(default_factory=set)  # and all inside it
    parents: set[DOMNode] = field(default_factory=set)  # and the one it is in

    def note(self, node: DOMNode, layout: bool, children: bool, parent: bool) -> None:
        self.nodes[node] = self.nodes.get(node, False) or layout
        if children:
            self.children.add(node)
        if parent:
            self.parents.add(node)

    def refresh(self, screen: Screen[object] | None) -> None:
        """Each node asked for, once (as Textual's `Styles.refresh` would have); with
        *screen* (all of it was restyled), the screen is drawn whole once, with each
        widget on it: left to ask for itself, each would be drawn again in a later
        frame (a screen handles its own repaint before its widgets' requests)."""
        layouts = self.nodes
        for node in self.children:
            for child in node.walk_children(with_self=False):
                layouts[child] = layouts.get(child, False) or layouts[node]
        for node in self.parents:
            if isinstance(node.parent, DOMNode):
                layouts.setdefault(node.parent, False)
        for node, layout in layouts.items():
            if node.is_attached and getattr(node, "_is_mounted", True):
                node.refresh(layout=layout)
        if screen is None or not screen.is_current:
            return
        screen.refresh()
        for node in layouts:
            if (
                isinstance(node, Widget)
                and node is not screen
                and node.is_attached
                and node.screen is screen
            ):
                # Its caches are emptied (refresh); the screen's repaint draws it.
                node._repaint_required = False
                node._repaint_regions.clear()


def component_classes(node: DOMNode) -> frozenset[str]:
    """Every component class of *node*'s type: Textual's own answer, which wellread's
    lists and article view override with one that remembers styles per path."""
    every: frozenset[str] = DOMNode.__dict__["_get_component_classes"].__func__(type(node))
    return every


class ChangedRulesStylesheet(Stylesheet):
    # While a whole tree is restyled (update): the repaints asked for, made at the end.
    _repaints: Repaints | None = None
    # For the next update only: the theme change that gave this stylesheet its rules,
    # as a swap of values from the rules it had (tui/stylesheet_swap.py).
    swap: RuleSwap | None = None

    def update(self, root: DOMNode, animate: bool = False) -> None:
        repaints = ChangedRulesStylesheet._repaints = Repaints()
        try:
            super().update(root, animate)
        finally:
            ChangedRulesStylesheet._repaints = None
            self.swap = None
        screen = root if isinstance(root, Screen) else None
        if isinstance(root, App) and root._screen_stack:
            screen = root.screen
        repaints.refresh(screen)

    def apply(
        self,
        node: DOMNode,
        *,
        animate: bool = False,
        cache: dict[tuple[object, ...], RulesMap] | None = None,
    ) -> None:
        swap = self.swap
        if (
            swap is None
            or swap.after is not self._rules
            or not isinstance(node, Widget)
            or not self._swapped(node, swap, animate)
        ):
            super().apply(node, animate=animate, cache=cache)

    def _swapped(self, node: Widget, swap: RuleSwap, animate: bool) -> bool:
        """Restyle *node* for the new theme by swapping values (as Textual's `apply`
        would have restyled it); False, with nothing done, if it must be matched."""
        rules = node.styles.base._rules
        if not rules or "transitions" in rules:
            # No rules: never styled yet (a scroll bar made as its list first scrolls is
            # styled at the next restyle), so nothing to swap from.
            return False
        changes = swap.changes(rules, frozenset(node._selector_names))
        components = node._component_styles
        if changes is None or components.keys() != component_classes(node):
            return False
        swapped = {**rules, **changes}
        self.replace_rules(
            node,
            {name: value for name, value in swapped.items() if value is not DROPPED},  # type: ignore[arg-type]
            animate=animate,
        )
        if components:
            self._swap_components(node, swap)
        return True

    def _swap_components(self, node: Widget, swap: RuleSwap) -> None:
        # As Textual's `_process_component_classes`: each class's styles on a new
        # virtual node, and the widget drawn again if any of them changed.
        components = node._component_styles
        old = dict(components)
        components.clear()
        changed = False
        for name in sorted(old):
            virtual = DOMNode(classes=name)
            virtual._attach(node)
            kept = old[name].base._rules
            changes = swap.changes(kept, component_names(name))
            if changes is None:
                self.apply(virtual, animate=False)
            else:
                base = virtual.styles.base
                base.merge_rules(kept)
                for rule, value in changes.items():
                    setattr(base, rule, None if value is DROPPED else value)
            changed = changed or old[name] != virtual.styles
            components[name] = virtual.styles
        if changed:
            node.refresh()

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
        repaints = ChangedRulesStylesheet._repaints
        if repaints is None:
            for key in changed:
                setattr(base_styles, key, get_rule(key))
        else:

            def note(
                *,
                layout: bool = False,
                children: bool = False,
                parent: bool = False,
                repaint: bool = True,
            ) -> None:
                repaints.note(node, layout, children, parent)

            # Each rule's setter asks for its repaint through this, once the rule is set.
            base_styles.refresh = note  # type: ignore[method-assign]
            try:
                for key in changed:
                    setattr(base_styles, key, get_rule(key))
            finally:
                del base_styles.refresh
        node.notify_style_update()


def changed_rules_copy(stylesheet: Stylesheet) -> ChangedRulesStylesheet:
    """*stylesheet*'s variables and sources in a ChangedRulesStylesheet."""
    copy = ChangedRulesStylesheet(variables=stylesheet._variables.copy())
    copy.source = stylesheet.source.copy()
    return copy
