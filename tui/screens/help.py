"""Help: every key of the screen it was opened from, as plain text, grouped by pane."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingsMap, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Static


def _bindings(node: DOMNode) -> Iterable[Binding]:
    """Bindings that wellread itself declares on this node's classes, nearest first.

    Textual's own widgets bind many editing and scrolling keys; wellread re-declares
    the ones a reader needs, in plain words, and help shows only those.
    """
    seen: set[str] = set()
    for cls in type(node).__mro__:
        if not cls.__module__.startswith("tui.") or "BINDINGS" not in cls.__dict__:
            continue
        for bindings in BindingsMap(cls.__dict__["BINDINGS"]).key_to_bindings.values():
            for binding in bindings:
                if binding.key not in seen:
                    seen.add(binding.key)
                    yield binding


_WORDS = {
    "question_mark": "?",
    "slash": "/",
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "escape": "Esc",
    "pagedown": "Page Down",
    "pageup": "Page Up",
    "backspace": "Backspace",
    "space": "Space",
    "enter": "Enter",
    "full_stop": ". (full stop)",
    "comma": ", (comma)",
    "plus": "+",
    "minus": "-",
    "equals_sign": "=",
}


def key_name(key: str) -> str:
    """A key as words a person reads aloud: "Ctrl+Q", "Page Down", "Shift+Tab", "G"."""
    parts = key.split("+")
    *modifiers, last = parts
    if last in _WORDS:
        name = _WORDS[last]
    elif len(last) == 1:
        name = last.upper() if modifiers else last
    else:
        name = last.replace("_", " ").title()
    return "+".join([*(m.title() for m in modifiers), name])


def _key_names(bindings: list[Binding]) -> str:
    names: list[str] = []
    for binding in bindings:
        display = binding.key_display or key_name(binding.key)
        if display not in names:
            names.append(display)
    return ", ".join(names)


def key_table(
    node: DOMNode, acts: Callable[[Binding], bool] = lambda _: True
) -> list[tuple[str, str]]:
    """(keys, what they do) for one node, one row per action, in binding order; only
    the bindings that *acts* keeps."""
    by_action: dict[str, list[Binding]] = {}
    for binding in _bindings(node):
        # A key the node has switched off for now (Esc clears highlights only while
        # there are some) is not listed: the help says what the keys do here and now.
        if node.check_action(binding.action, ()) is False:
            continue
        if binding.description and acts(binding):
            by_action.setdefault(binding.action, []).append(binding)
    return [(_key_names(bindings), bindings[0].description) for bindings in by_action.values()]


def pane_name(widget: Widget) -> str:
    return str(getattr(widget, "HELP_NAME", "") or widget.border_title or type(widget).__name__)


# Below this window width a key's description goes on the line under it, not beside.
STACKED_BELOW = 60


def help_text(app: App[Any], screen: Screen[Any], width: int = 80) -> Text:
    """The help page for *screen*: its own keys, then each pane's, then the app's."""
    groups: dict[tuple[tuple[str, str], ...], list[str]] = {}
    groups[tuple(key_table(screen))] = [str(getattr(screen, "HELP_NAME", "This screen"))]
    seen: set[type] = set()
    for widget in screen.query("*"):
        if type(widget) in seen:
            continue
        seen.add(type(widget))
        rows = tuple(key_table(widget))
        if rows:
            # Panes that share their keys (the lists) are listed once, under every name.
            groups.setdefault(rows, []).append(pane_name(widget))
    # The app's keys, less those the screen binds to something of its own, and on a
    # dialog only those that act above every screen (Textual holds the rest back).
    own = {binding.key for binding in _bindings(screen)}

    def acts(binding: Binding) -> bool:
        return binding.key not in own and (binding.priority or not screen.is_modal)

    groups.setdefault(tuple(key_table(app, acts)), []).append("Everywhere")

    text = Text()
    # Help describes the layout on screen: one pane at a time, or side by side.
    one_pane = screen.has_class("-narrow") and hasattr(screen, "HELP_INTRO_ONE_PANE")
    intro = str(getattr(screen, "HELP_INTRO_ONE_PANE" if one_pane else "HELP_INTRO", ""))
    if intro:
        text.append(intro + "\n\n")
    for rows, names in groups.items():
        if not rows:
            continue
        text.append(", ".join(names) + "\n", style="bold underline")
        column = max(len(keys) for keys, _ in rows)
        for keys, description in rows:
            if width < STACKED_BELOW:
                text.append(f"  {keys}\n      {description}\n")
            else:
                text.append(f"  {keys.ljust(column)}   {description}\n")
        text.append("\n")
    text.append("Press Escape, q or ? to close this help.")
    return text


class HelpScreen(ModalScreen[None]):
    HELP_NAME = "Help"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close help"),
        Binding("j,down", "scroll_down", "Line down", show=False),
        Binding("k,up", "scroll_up", "Line up", show=False),
    ]

    def __init__(self, text: Text) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Keys"
            yield Static(self.text, id="help-text")

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def action_scroll_down(self) -> None:
        self.query_one("#help-body", VerticalScroll).scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        self.query_one("#help-body", VerticalScroll).scroll_up(animate=False)
