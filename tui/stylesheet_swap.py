"""A theme change's restyle as a swap of values, worked out in the thread that parses
the next theme's stylesheet (tui/stylesheet_ahead.py).

Two themes' stylesheets are parsed from the same sources: the same rules in the same
order, with the same selectors; only the values drawn from the theme's colours
differ. So a widget whose rules cannot match otherwise under another theme keeps the
rules it matched, and each of their values becomes the next theme's value of the same
declaration. Textual matches every rule against every widget and every component
class again, about two thirds of the restyle on Ctrl+T.

A node is only ever matched against the rules that share a selector name with it
(Textual's `RuleSet.selector_names` against the node's `_selector_names`: its type
names, id and classes); those are its candidates, and the swap is worked out for each
set of selector names from the candidates alone:

- a candidate whose selectors name what this change of theme changes (the :dark,
  :light and :ansi pseudo-classes, the app's -dark-mode, -light-mode and -theme-...
  classes) could match otherwise: the node is matched as Textual would;
- a value the node has now is looked up among its candidates' declarations of that
  rule (and Textual's default for it, where a candidate sets it to `initial`), as
  styles keep them; if they disagree on the next value (two colours alike in this
  theme and apart in the next), or none has it, the node is matched as Textual would.

Uses Textual 8's `Styles._rules`, as `Stylesheet.replace_rules` does, and a node's
`_selector_names`, as `Stylesheet.apply` does; tests/test_stylesheet_swap.py checks the
swapped styles against Textual's matching.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

from textual.css.model import RuleSet, Selector, SelectorType
from textual.css.styles import RulesMap, Styles
from textual.dom import DOMNode
from textual.layout import Layout
from textual.theme import Theme

# Looked up, a value that gives two different next values, or none.
_UNSURE = object()
# A change's value for a rule the node no longer has under the next theme.
DROPPED = object()
# Textual's value of a rule a node is given as `initial`.
_DEFAULTS = Styles()


@dataclass
class Table:
    """The swap for the nodes of one set of selector names."""

    # Rule name -> {a value as styles keep it under this theme: its next value}.
    values: dict[str, dict[Hashable, object]] = field(default_factory=dict)
    # Rule name -> its next value (or DROPPED), whatever it is now: rules declared by
    # one candidate alone, which the node surely matches (see RuleSwap.odd), or only
    # by candidates it surely matches, where a value now cannot be looked up.
    forced: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Declaration:
    """One rule's themed declaration: its value now (as styles keep it) and next."""

    name: str
    now: Hashable
    next: object


@dataclass
class RuleSwap:
    """From one stylesheet's rules (*before*) to the next theme's (*after*)."""

    before: list[RuleSet]
    after: list[RuleSet]
    # Selector name -> the indexes of the rules that name it.
    rules_named: dict[str, list[int]]
    # The indexes of the rules whose match a theme may change.
    themed_rules: frozenset[int]
    # Each rule's declarations of the rule names that change with the theme.
    declarations: list[list[Declaration]]
    # Each rule's rule names set to `initial` there.
    initial: list[frozenset[str]]
    # Each rule's rule names, under either theme.
    names: list[frozenset[str]]
    # Rule names a rule declares under one theme only, or as `initial` under one only
    # (a colour that is `auto` in one theme sets two rules, and `initial` takes its
    # value from other rules): index -> {rule name: what Textual gives the node under
    # the next theme if this rule alone declares it}. Swapped only where this rule
    # alone declares them and surely matches (one type, class or id name alone).
    odd: dict[int, dict[str, object]]
    # The rules that match every node they are candidates for.
    simple: frozenset[int]
    # Per set of selector names: the table, or None where it may match otherwise.
    _tables: dict[frozenset[str], Table | None] = field(default_factory=dict)

    def table(self, names: frozenset[str]) -> Table | None:
        """The swap for a node with these selector names; None where its rules may
        match otherwise."""
        try:
            return self._tables[names]
        except KeyError:
            pass
        candidates = sorted({index for name in names for index in self.rules_named.get(name, ())})
        table: Table | None = None
        if self.themed_rules.isdisjoint(candidates):
            try:
                table = self._table(candidates, names)
            except (TypeError, _Unsure):  # a value that cannot be looked up
                table = None
        self._tables[names] = table
        return table

    def _table(self, candidates: list[int], names: frozenset[str]) -> Table:
        table = Table()
        values = table.values
        for index in candidates:
            for declaration in self.declarations[index]:
                _add(values.setdefault(declaration.name, {}), declaration.now, declaration.next)
        # A node given Textual's default for a rule (`initial`) has a value that no
        # theme changes: one that equals a themed declaration's cannot be told apart.
        for index in candidates:
            for name in self.initial[index] & values.keys():
                default = getattr(_DEFAULTS, name)
                _add(values[name], _kept(name, default), default)
        for index in candidates:
            odd = self.odd.get(index)
            if not odd:
                continue
            if index not in self.simple:
                raise _Unsure
            for name, value in odd.items():
                if any(name in self.names[other] for other in candidates if other != index):
                    raise _Unsure
                table.forced[name] = value
        for name, known in values.items():
            if _UNSURE in known.values() and (winner := self._winner(name, candidates, names)):
                table.forced[name] = winner
        return table

    def _winner(self, name: str, candidates: list[int], names: frozenset[str]) -> object | None:
        """Rule *name*'s next value for a node of selector *names* where every
        candidate declaring it surely matches (each selector a type, class or id name
        alone): the declaration Textual picks (default CSS last, then !important,
        specificity, tie-breaker, and the later rule). None where that cannot be told."""
        ranked = []
        for index in candidates:
            if name not in self.names[index]:
                continue
            rule = self.before[index]
            if index not in self.simple:
                return None
            # Each of its selectors the node matches gives its specificity; the most counts.
            specificity = max(
                selector_set.specificity
                for selector_set in rule.selector_set
                if _name_of(selector_set.selectors[0]) in names
            )
            now = rule.styles._rules.get(name)
            then = self.after[index].styles._rules.get(name)
            if now is None or then is None:
                return None
            rank = (
                0 if rule.is_default_rules else 1,
                1 if name in rule.styles.important else 0,
                *specificity,
                rule.tie_breaker,
            )
            ranked.append((rank, index, then))
        return max(ranked, key=lambda each: each[:2])[2] if ranked else None

    def prepare(self, names: Iterable[frozenset[str]]) -> None:
        """Work out the tables for these sets of selector names now (in the thread)."""
        for each in names:
            self.table(each)

    def changes(self, rules: RulesMap, names: frozenset[str]) -> dict[str, object] | None:
        """The next theme's value (or DROPPED) of each themed rule in *rules* (the
        values a node with selector names *names* has now); None if the node must be
        matched."""
        table = self.table(names)
        if table is None:
            return None
        changes = dict(table.forced)
        values = table.values
        for name in rules.keys() & values.keys() - changes.keys():
            try:
                new = values[name].get(rules[name], _UNSURE)  # type: ignore[literal-required]
            except TypeError:  # unhashable: not one of the declarations' values
                return None
            if new is _UNSURE:
                return None
            changes[name] = new
        return changes


# The type names of the node Textual works a component class's styles out on.
_COMPONENT_TYPES = frozenset(base.__name__ for base in DOMNode._css_bases(DOMNode))


def component_names(component: str) -> frozenset[str]:
    """The selector names of the node Textual gives a component class's styles."""
    return frozenset({"*", f".{component}", *_COMPONENT_TYPES})


def selector_names(root: DOMNode) -> set[frozenset[str]]:
    """The selector names of every node a restyle of *root* restyles (with each
    one's scroll bars and component classes)."""
    found: set[frozenset[str]] = set()
    for node in root.walk_children(with_self=True):
        found.add(frozenset(node._selector_names))
        found.update(component_names(name) for name in node._component_styles)
        for bar in ("_vertical_scrollbar", "_horizontal_scrollbar", "_scrollbar_corner"):
            if (made := getattr(node, bar, None)) is not None:
                found.add(frozenset(made._selector_names))
    return found


def _same(value: object, other: object) -> bool:
    # Textual's layouts have no equality of their own; one is its name (a keyword).
    if isinstance(value, Layout) and isinstance(other, Layout):
        return value.name == other.name
    return value == other


def _kept(name: str, value: object) -> Hashable:
    """*value* as a node's styles keep it once set (some setters convert it)."""
    styles = Styles()
    setattr(styles, name, value)
    kept: Hashable = styles._rules.get(name)
    return kept


def theme_changes(now: Theme, then: Theme, ansi_color: bool | None) -> frozenset[str]:
    """The pseudo-classes and app classes whose truth a change from theme *now* to
    *then* changes (*ansi_color*: the app's, which overrides the themes')."""
    changed = {f"-theme-{now.name}", f"-theme-{then.name}"}
    if now.dark != then.dark:
        changed |= {"dark", "light", "-dark-mode", "-light-mode"}
    if ansi_color is None and now.ansi != then.ansi:
        changed.add("ansi")
    return frozenset(changed)


def _themed(rule: RuleSet, changed: frozenset[str]) -> bool:
    """Whether *rule*'s selectors name a pseudo-class or class that *changed*."""
    if not changed.isdisjoint(rule.pseudo_classes):
        return True
    return any(
        selector.type == SelectorType.CLASS and selector.name in changed
        for selector_set in rule.selector_set
        for selector in selector_set.selectors
    )


class _Unsure(Exception):
    """A table that cannot be told."""


def _name_of(selector: Selector) -> str:
    """The selector name (as in `RuleSet.selector_names`) of a type, class or id."""
    if selector.type == SelectorType.CLASS:
        return f".{selector.name}"
    if selector.type == SelectorType.ID:
        return f"#{selector.name}"
    return selector.name


def _simple(rule: RuleSet) -> bool:
    """Whether *rule* matches every node it is a candidate for: each of its selectors
    one type, class or id name alone."""
    return all(
        len(selector_set.selectors) == 1
        and not selector_set.selectors[0].pseudo_classes
        and selector_set.selectors[0].type
        in (SelectorType.TYPE, SelectorType.CLASS, SelectorType.ID)
        for selector_set in rule.selector_set
    )


def _alone(is_default_rules: bool, name: str, value: object) -> object:
    """What Textual gives a node for rule *name* when one rule alone declares it, as
    *value* (None: `initial`; DROPPED: not at all): a default rule's `initial` is
    Textual's default, anyone else's leaves the rule unset."""
    if value is None:
        return getattr(_DEFAULTS, name) if is_default_rules else DROPPED
    return value


def _add(values: dict[Hashable, object], now: Hashable, next_value: object) -> None:
    known = values.get(now, values)
    if known is values:
        values[now] = next_value
    elif known is not _UNSURE and not _same(known, next_value):
        values[now] = _UNSURE


def rule_swap(
    before: list[RuleSet], after: list[RuleSet], changed: frozenset[str]
) -> RuleSwap | None:
    """How *before*'s values become *after*'s, the theme changing the pseudo-classes
    and classes *changed* (theme_changes); None unless both were parsed from the same
    sources (the same rules and selectors, in the same order)."""
    if len(before) != len(after):
        return None
    pairs: list[list[tuple[str, object, object]]] = []
    names: list[frozenset[str]] = []
    odd: dict[int, dict[str, object]] = {}
    themed_rules: set[int] = set()
    for index, (rule, next_rule) in enumerate(zip(before, after, strict=True)):
        now, then = rule.styles, next_rule.styles
        if (
            rule.selector_set != next_rule.selector_set
            or rule.is_default_rules != next_rule.is_default_rules
            or rule.tie_breaker != next_rule.tie_breaker
        ):
            return None
        now_rules: dict[str, object] = dict(now._rules)
        then_rules: dict[str, object] = dict(then._rules)
        names.append(frozenset(now_rules.keys() | then_rules.keys()))
        if _themed(rule, changed):
            themed_rules.add(index)
            pairs.append([])
            continue
        irregular = (now_rules.keys() ^ then_rules.keys()) | (now.important ^ then.important)
        irregular.update(
            name
            for name in now_rules.keys() & then_rules.keys()
            if (now_rules[name] is None) != (then_rules[name] is None)
        )
        if irregular:
            odd[index] = {
                name: _alone(rule.is_default_rules, name, then_rules.get(name, DROPPED))
                for name in irregular
            }
        pairs.append(
            [
                (name, value, then_rules[name])
                for name, value in now_rules.items()
                if name not in irregular
            ]
        )
    themed = {name for each in pairs for name, value, then in each if not _same(value, then)}
    rules_named: dict[str, list[int]] = {}
    for index, rule in enumerate(before):
        for name in rule.selector_names:
            rules_named.setdefault(name, []).append(index)
    declarations = [
        [
            Declaration(name, _kept(name, value), then)
            for name, value, then in each
            if name in themed
        ]
        for each in pairs
    ]
    return RuleSwap(
        before,
        after,
        rules_named,
        frozenset(themed_rules),
        declarations,
        [frozenset(name for name, value, _ in each if value is None) for each in pairs],
        names,
        odd,
        frozenset(index for index, rule in enumerate(before) if _simple(rule)),
    )
