"""Component styles (and a widget's own rules, RuleMemo) remembered per place in the
DOM, so a focus change costs nothing for them the second time.

Textual works out every component class of a widget again (one stylesheet match per
class: a list has over a dozen) each time the widget is restyled, and a widget is
restyled whenever its focus changes. What a component class looks like depends only
on the stylesheet and on the path from the app down to the widget (each node's type,
id, classes and pseudo-classes), so the styles worked out for one path are kept and
handed back when the widget is on that path again (focused, blurred, focused...). A
new stylesheet (another theme, reparsed CSS) forgets them all.

This leans on two private parts of Textual 8 (`_get_component_classes`, asked by the
stylesheet when it restyles a node, and `_component_styles`, where the answers go),
in this one place; tests/test_focus_restyle.py checks the result against Textual's.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from textual.cache import LRUCache
from textual.css.styles import RenderStyles, RulesMap
from textual.css.stylesheet import Stylesheet
from textual.widget import Widget

PathKey = tuple[Hashable, ...]
T = TypeVar("T")


def path_key(widget: Widget) -> PathKey:
    """What a rule for a component class can match on, from the app down to *widget*:
    each node's type, id, classes and the pseudo-classes that come and go as the reader
    works (focus, focus within, hover, disabled). Pseudo-classes of a node's place among
    its siblings (:first-child, :odd...) are left out (asking for them costs more than
    the styles they would save): no component-class rule uses them. Theme-wide ones
    (:dark, :ansi) change with the stylesheet, which empties the memo anyway.
    """
    app = widget.app
    return (
        (app.current_theme.dark, app.native_ansi_color, app.no_color),
        *(
            (
                node._css_type_name,
                node.id,
                node.classes,
                node.has_focus,
                node.has_focus_within,
                node.mouse_hover,
                node.is_disabled,
            )
            if isinstance(node, Widget)
            else (node._css_type_name, node.id, node.classes)
            for node in widget.css_path_nodes
        ),
    )


class PathMemo(Generic[T]):
    """Values worked out from a widget's styles (its rich style, a component's), kept by
    stylesheet and path.

    Textual works such a value out from the widget and each of its ancestors every time
    it is asked (a tenth of a millisecond for the status line's rich style, drawn at
    most keys; a list's three styles after every focus change); it depends only on
    their styles, which follow from the stylesheet and the path (no widget here has
    styles set in code). A new stylesheet forgets them all."""

    def __init__(self) -> None:
        self._rules: object = None
        self._known: LRUCache[PathKey, T] = LRUCache(8)

    def get(self, widget: Widget, make: Callable[[], T]) -> T:
        """The value for *widget* where it is now: kept, or made by *make*."""
        rules = widget.app.stylesheet.rules
        if rules is not self._rules:
            self._known.clear()
            self._rules = rules
        key = path_key(widget)
        value = self._known.get(key)
        if value is None:
            value = self._known[key] = make()
        return value


class ComponentStyleMemo:
    """Call `classes` from the widget's `_get_component_classes` override."""

    def __init__(self, widget: Widget, changed: Callable[[], None]) -> None:
        self.widget = widget
        # Called when remembered styles replace different ones (clear style caches).
        self.changed = changed
        self._rules: object = None
        self._known: dict[PathKey, dict[str, RenderStyles]] = {}
        # The path Textual is working the styles out for now: kept at the next call.
        self._pending: PathKey | None = None
        # Every distinct style of each component class seen on any path.
        self._alike: dict[str, list[RenderStyles]] = {}

    def _shared(self, widget: Widget) -> dict[str, RenderStyles]:
        """The widget's component styles, each replaced by an equal one already known
        from another path, and put back on the widget: where focus leaves a component
        class as it was, both paths hold the very same object, so a widget that keeps
        what it drew while its component styles stay the same objects (the article
        view's lines) keeps it across focus changes."""
        shared = {}
        for name, styles in widget._component_styles.items():
            alike = self._alike.setdefault(name, [])
            same = next((known for known in alike if known == styles), None)
            if same is None:
                alike.append(styles)
                same = styles
            shared[name] = same
        if any(shared[name] is not styles for name, styles in widget._component_styles.items()):
            widget._component_styles = dict(shared)
            self.changed()
        return shared

    def classes(self, every: frozenset[str]) -> frozenset[str]:
        """The classes Textual should work out now: *every* one on a new path, none on
        a path seen before (its styles are put back here instead)."""
        widget = self.widget
        if not every or not widget.is_attached:
            return every
        stylesheet = widget.app.stylesheet
        if self._pending is not None and self._rules is stylesheet.rules:
            self._known[self._pending] = self._shared(widget)
        self._pending = None
        if self._rules is not stylesheet.rules:
            self._known.clear()
            self._alike.clear()
            self._rules = stylesheet.rules
        key = path_key(widget)
        known = self._known.get(key)
        if known is None or known.keys() != every:
            self._pending = key
            return every
        current = widget._component_styles
        if any(current.get(name) is not styles for name, styles in known.items()):
            # A copy: Textual empties the dict in place when it next works them out.
            widget._component_styles = dict(known)
            self.changed()
            widget.refresh()
        return frozenset()


class RuleMemo:
    """A widget's own CSS rules remembered per path, for restyles on a focus change.

    Textual matches every rule of the stylesheet against a widget it restyles (about a
    third of a millisecond for a pane), though a focus change only takes the widget
    back to a path it was on before. The rules matched on a path are kept; on that
    path again they are put back (and not even that when they are the rules the widget
    has now: a list's own rules are the same focused or not). Rules that depend on a
    widget's place among its siblings (:first-child, :odd...) or that animate are
    never kept. A new stylesheet forgets them all.

    Leans on Textual 8's private `Stylesheet.replace_rules` and
    `_process_component_classes` (the two steps of `Stylesheet.apply` after matching),
    a node's `_has_order_style`/`_has_odd_or_even` and its base styles' `_updates`
    count; tests/test_focus_restyle.py checks the styles against Textual's own.
    """

    def __init__(self) -> None:
        self._rules_for: object = None
        self._known: dict[PathKey, RulesMap] = {}
        self._differences: dict[tuple[int, int], list[tuple[str, object]]] = {}
        # The base styles' change count after the rules were last put on, and those
        # rules: while the count stands, the widget's rules are those.
        self._applied: tuple[int, RulesMap] | None = None

    def restyle(self, widget: Widget) -> None:
        """Restyle *widget* as Textual's `Stylesheet.apply(widget, animate=True)`."""
        stylesheet = widget.app.stylesheet
        if self._rules_for is not stylesheet.rules:
            self._known.clear()
            self._differences.clear()
            self._applied = None
            self._rules_for = stylesheet.rules
        key = path_key(widget)
        known = self._known.get(key)
        base = widget.styles.base
        if known is None:
            stylesheet.apply(widget, animate=True)
            rules = base.get_rules()
            if widget._has_order_style or widget._has_odd_or_even or "transitions" in rules:
                self._applied = None
                return
            # Equal rules on two paths are one object: going from one to the other
            # then sets nothing.
            same = next((kept for kept in self._known.values() if kept == rules), rules)
            self._known[key] = same
            self._applied = (base._updates, same)
            return
        applied = self._applied
        if applied is None or applied[0] != base._updates:
            # Changed since by something else: Textual's own step after matching (no
            # transitions among kept rules, so animating would set the same).
            Stylesheet.replace_rules(widget, known, animate=False)
            self._applied = (base._updates, known)
        elif applied[1] is not known:
            # Only the rules that differ are set, as replace_rules would set them.
            for name, value in self._difference(applied[1], known):
                setattr(base, name, value)
            widget.notify_style_update()
            self._applied = (base._updates, known)
        stylesheet._process_component_classes(widget)

    def _difference(self, old: RulesMap, new: RulesMap) -> list[tuple[str, object]]:
        key = (id(old), id(new))  # both kept in _known while this is kept
        difference = self._differences.get(key)
        if difference is None:
            names = sorted(old.keys() | new.keys())
            difference = [(name, new.get(name)) for name in names if old.get(name) != new.get(name)]
            self._differences[key] = difference
        return difference


class ScrollViewRules:
    """Rules remembered for a scroll view and its vertical scroll bar, restyled as
    Textual's `Stylesheet.update_nodes([widget])` restyles them (the bars shown with it)."""

    def __init__(self) -> None:
        self._own, self._bar = RuleMemo(), RuleMemo()

    def restyle(self, widget: Widget) -> None:
        self._own.restyle(widget)
        vertical = widget.show_vertical_scrollbar and widget.scrollbar_size_vertical
        horizontal = widget.show_horizontal_scrollbar and widget.scrollbar_size_horizontal
        if vertical:
            self._bar.restyle(widget.vertical_scrollbar)
        if horizontal:  # not in a list (no horizontal scrolling): Textual's own way
            widget.app.stylesheet.apply(widget.horizontal_scrollbar)
        if vertical and horizontal:
            widget.app.stylesheet.apply(widget.scrollbar_corner)
