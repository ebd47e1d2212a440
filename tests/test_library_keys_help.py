"""Help lists only keys that act: every binding it shows is live on that screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from glossary_support import write_library
from pilot_helpers import article_ready, settle
from textual.binding import Binding
from textual.pilot import Pilot
from textual.widget import Widget

from tui.app import WellreadApp
from tui.content import load_library
from tui.screens.help import _bindings, help_text, key_name


def plain(action: str) -> str:
    # Textual's screens bind Tab to "app.focus_next": the same action as the app's.
    return action.removeprefix("app.").removeprefix("screen.")


def acting(app: WellreadApp) -> set[tuple[str, str]]:
    """(key, action) of every binding that acts with the focus where it is now."""
    return {(key, plain(live.binding.action)) for key, live in app.screen.active_bindings.items()}


def listed(node: Any) -> set[tuple[str, str]]:
    """The keys the help lists for *node*: described, and not switched off just now."""
    return {
        (b.key, plain(b.action))
        for b in _bindings(node)
        if b.description and node.check_action(b.action, ()) is not False
    }


def shown(section: str, binding: Binding) -> bool:
    """Whether the help section lists this key on the row of this binding's description."""
    for line in section.splitlines():
        if binding.description and binding.description in line:
            keys = line.split(binding.description)[0]
            if key_name(binding.key) in (name.strip() for name in keys.split(",")):
                return True
    return False


async def check_screen(pilot: Pilot[Any], app: WellreadApp) -> list[str]:
    """Keys the help page lists that act nowhere on the screen, or not in their pane."""
    screen = app.screen
    page = help_text(app, screen).plain
    dead: list[str] = []
    everywhere = page.split("Everywhere\n", 1)[-1] if "Everywhere\n" in page else ""
    live_somewhere = acting(app)
    # Each pane's keys, with that pane focused (as the reader would have it).
    seen: set[type] = set()
    for widget in list(screen.query("*")):
        if type(widget) in seen or not isinstance(widget, Widget) or not widget.focusable:
            continue
        seen.add(type(widget))
        widget.focus()
        await pilot.pause()
        now = acting(app)
        live_somewhere |= now
        dead += [f"{type(widget).__name__}: {k}" for k in sorted(listed(widget) - now)]
    dead += [f"{type(screen).__name__}: {k}" for k in sorted(listed(screen) - live_somewhere)]
    checked = 0
    for binding in _bindings(app):
        if not binding.description or not shown(everywhere, binding):
            continue  # not on this page
        checked += 1
        key = (binding.key, plain(binding.action))
        # Priority keys act above every screen, dialogs too, though not listed as active.
        if key not in live_somewhere and not binding.priority:
            dead.append(f"app: {key} ({binding.description})")
    assert checked, "the page lists none of the app's keys: Ctrl+Q at least should be there"
    return dead


SCREENS = ["library", "search", "article", "card", "bookmarks", "exercises", "mine", "help"]


async def test_every_key_in_the_glossary_help_acts(tmp_path: Path) -> None:
    app = WellreadApp(load_library(write_library(tmp_path / "library")))
    async with app.run_test(size=(120, 40)) as pilot:
        app.show_glossary()
        await settle(pilot)
        assert type(app.screen).__name__ == "GlossaryScreen"
        dead = await check_screen(pilot, app)
        assert dead == [], "\n".join(dead)


@pytest.mark.parametrize("name", SCREENS)
async def test_every_key_in_help_acts(library_dir: Path, name: str) -> None:
    app = WellreadApp(load_library(library_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        if name == "search":
            app.show_search()
        elif name == "article":
            app.open_article("gamma")
            await article_ready(pilot)
        elif name == "card":
            app.open_exercise("chair-rise")
        elif name == "bookmarks":
            app.show_bookmarks()
        elif name == "exercises":
            app.show_exercises()
        elif name == "mine":
            app.show_my_exercises()
        elif name == "help":
            app.action_help()
        await settle(pilot)
        dead = await check_screen(pilot, app)
        assert dead == [], "\n".join(dead)
