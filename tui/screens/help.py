"""Help: every key of the screen it was opened from, as plain text, grouped by pane."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Static


def _bindings(node: DOMNode) -> Iterable[Binding]:
    for binding in node._bindings.key_to_bindings.values():
        yield from binding


def _key_names(app: App[object], bindings: list[Binding]) -> str:
    names: list[str] = []
    for binding in bindings:
        display = binding.key_display or app.get_key_display(binding)
        if display not in names:
            names.append(display)
    return ", ".join(names)


def key_table(app: App[object], node: DOMNode) -> list[tuple[str, str]]:
    """(keys, what they do) for one node, one row per action, in binding order."""
    by_action: dict[str, list[Binding]] = {}
    for binding in _bindings(node):
        if binding.description and binding.system is False:
            by_action.setdefault(binding.action, []).append(binding)
    return [
        (_key_names(app, bindings), bindings[0].description) for bindings in by_action.values()
    ]


def pane_name(widget: Widget) -> str:
    return str(getattr(widget, "HELP_NAME", "") or widget.border_title or type(widget).__name__)


def help_text(app: App[object], screen: Screen[object]) -> Text:
    """The help page for *screen*: its own keys, then each pane's, then the app's."""
    groups: list[tuple[str, list[tuple[str, str]]]] = []
    groups.append((str(getattr(screen, "HELP_NAME", "This screen")), key_table(app, screen)))
    seen: set[type] = set()
    for widget in screen.query("*"):
        if not widget.focusable or type(widget) in seen:
            continue
        seen.add(type(widget))
        rows = key_table(app, widget)
        if rows:
            groups.append((pane_name(widget), rows))
    groups.append(("Everywhere", key_table(app, app)))

    text = Text()
    intro = str(getattr(screen, "HELP_INTRO", ""))
    if intro:
        text.append(intro + "\n\n")
    for title, rows in groups:
        if not rows:
            continue
        text.append(title + "\n", style="bold underline")
        width = max(len(keys) for keys, _ in rows)
        for keys, description in rows:
            text.append(f"  {keys.ljust(width)}   {description}\n")
        text.append("\n")
    text.append("Press Escape, q or ? to close this help.")
    return text


class HelpScreen(ModalScreen[None]):
    HELP_NAME = "Help"

    BINDINGS: list[BindingType] = [
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
