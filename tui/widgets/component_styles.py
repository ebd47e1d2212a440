"""Component styles remembered per place in the DOM, so a focus change costs nothing
for them the second time.

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

from textual.css.styles import RenderStyles
from textual.widget import Widget

PathKey = tuple[Hashable, ...]


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
