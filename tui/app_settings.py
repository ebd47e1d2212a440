"""The app's settings actions: theme, terminal cursor, layout and animations, each kept
in the settings file as it changes. A base of WellreadApp, apart so app.py stays about
screens and their order."""

from __future__ import annotations

import gc
from weakref import WeakSet

from textual.app import App, ScreenError
from textual.screen import Screen
from textual.worker import get_current_worker

from tui.settings import Settings, save_settings
from tui.stylesheet_ahead import ParsedAhead, adopt, parse_ahead
from tui.stylesheet_rules import ChangedRulesStylesheet
from tui.stylesheet_swap import selector_names, theme_changes
from tui.themes import THEME_CYCLE
from tui.widgets.bars import StatusLine
from tui.widgets.cursor import HIDE_CURSOR, SHOW_STEADY_CURSOR

NARROW_BELOW = 70
AUTO_BREAKPOINTS = [(0, "-narrow"), (NARROW_BELOW, "-wide")]
SINGLE_BREAKPOINTS = [(0, "-narrow")]


class SettingsActions(App[None]):
    settings: Settings
    # Theme changes are saved only once the app runs, not while it starts.
    _settings_ready: bool = False
    # Screens beneath the current one when the stylesheet last changed.
    _stale_screens: WeakSet[Screen[object]]
    # The next theme's stylesheet, parsed in a thread.
    _parsed_ahead: ParsedAhead | None = None

    def save_settings(self) -> None:
        try:
            save_settings(self.settings)
        except OSError as error:
            self.notice(f"Could not save settings: {error}")

    def notice(self, text: str) -> None:
        """A message on the current screen's status line."""
        for status in self.screen.query(StatusLine):
            status.set_notice(text)

    def watch_theme(self, theme: str) -> None:
        if self._settings_ready and theme != self.settings.theme:
            self.settings.theme = theme
            self.save_settings()

    def next_theme(self) -> str:
        """The theme Ctrl+T goes to next."""
        current = THEME_CYCLE.index(self.theme) if self.theme in THEME_CYCLE else -1
        return THEME_CYCLE[(current + 1) % len(THEME_CYCLE)]

    def _parse_next_theme(self) -> None:
        theme = self.get_theme(self.next_theme())
        if theme is None:
            return
        defaults = self.get_theme_variable_defaults()
        source = dict(self.stylesheet.source)
        current = self.stylesheet.rules
        changed = theme_changes(self.current_theme, theme, self.ansi_color)
        names = selector_names(self)

        def parse() -> None:
            parsed = parse_ahead(theme, defaults, source, current, changed, names)
            if not get_current_worker().is_cancelled:
                self._parsed_ahead = parsed

        self.run_worker(parse, thread=True, exclusive=True, group="theme-ahead")

    def refresh_css(self, animate: bool = True) -> None:
        """Textual's, less three things: the rules parsed ahead for this theme are used
        if they fit (tui/stylesheet_ahead.py), with the widgets restyled by swapping
        their values for the new ones worked out with them (tui/stylesheet_swap.py);
        the screens beneath the current one are restyled when they show again
        (restyle_if_stale), not at every theme change, so a reader stepping through
        themes pays only for the screen they see; and the screen is not laid out, only
        drawn once (tui/stylesheet_rules.py)."""
        stylesheet = self.stylesheet
        self._hold_collector()
        variables = self.get_css_variables()
        parsed, self._parsed_ahead = self._parsed_ahead, None
        current = stylesheet._rules
        if not adopt(stylesheet, parsed, variables):
            stylesheet.set_variables(variables)
            stylesheet.reparse()
        elif (
            isinstance(stylesheet, ChangedRulesStylesheet)
            and parsed is not None
            and parsed.swap is not None
            and parsed.swap.before is current
        ):
            stylesheet.swap = parsed.swap
        stylesheet.update(self, animate=animate)
        try:
            screen = self.screen
        except ScreenError:
            return
        self._stale_screens.update(other for other in self.screen_stack if other is not screen)
        if screen.is_mounted:
            # Textual lays the screen out and draws it here, then again for the widgets
            # the restyle refreshed; a theme moves nothing (a rule that would has laid
            # its widget out already), so the refreshed widgets are drawn once, next frame.
            screen._css_update_count = self._css_update_count
        if self._settings_ready:
            # The reader may be stepping through themes: the next one's stylesheet is
            # parsed in a thread once this one is drawn (the layout's frame, then the
            # whole screen's), so the thread does not slow the drawing.
            self.call_after_refresh(self.call_after_refresh, self._parse_next_theme)

    def _hold_collector(self) -> None:
        """Restyling and drawing a screen in new colours makes tens of thousands of
        objects: collected as they come, some forty collections on the key (a tenth of
        its time). The collector waits until the new colours are drawn."""
        if gc.isenabled():
            gc.disable()
            if not self.call_after_refresh(self._release_collector):
                gc.enable()

    def _release_collector(self) -> None:
        # The restyle's refresh is done; the drawing's is next.
        if not self.call_after_refresh(gc.enable):
            gc.enable()

    def on_unmount(self) -> None:
        gc.enable()  # never left held by a theme change as the app ends

    def restyle_if_stale(self, screen: Screen[object]) -> None:
        """A screen shown again after the theme changed beneath it: restyle it now.
        A screen that brought CSS of its own (the palette's widgets) leaves the next
        theme's stylesheet parsed ahead out of date: it is parsed again."""
        if screen in self._stale_screens:
            self._stale_screens.discard(screen)
            if screen.is_mounted:
                self.stylesheet.update(screen, animate=False)
                screen._css_update_count = self._css_update_count
        parsed = self._parsed_ahead
        if parsed is not None and parsed.source != self.stylesheet.source:
            self._parsed_ahead = None
            self.call_after_refresh(self._parse_next_theme)

    def action_next_theme(self) -> None:
        self.theme = self.next_theme()
        self.notice(f"Theme: {self.theme}. Ctrl+T for the next one.")

    def _apply_cursor_setting(self) -> None:
        # Textual hides the terminal cursor once, at start; showing it again keeps it
        # visible (steady: a blinking cursor is something moving by itself), and every
        # frame moves it to the focus (cursor_position).
        if self._driver is not None and not self.is_headless:
            self._driver.write(SHOW_STEADY_CURSOR if self.settings.show_cursor else HIDE_CURSOR)

    def action_toggle_cursor(self) -> None:
        self.settings.show_cursor = not self.settings.show_cursor
        self._apply_cursor_setting()
        self.save_settings()
        self.notice(
            "Terminal cursor shown." if self.settings.show_cursor else "Terminal cursor hidden."
        )

    @property
    def single_column(self) -> bool:
        return self.settings.layout == "single"

    def apply_layout(self) -> None:
        """One pane at a time at every width ("single"), or as the window allows."""
        single = self.single_column
        self.set_class(single, "-single")
        # The single layout is the narrow one, at any width: screens read these
        # breakpoints whenever the window changes size.
        self.HORIZONTAL_BREAKPOINTS = SINGLE_BREAKPOINTS if single else AUTO_BREAKPOINTS
        narrow = single or self.size.width < NARROW_BELOW
        for screen in self.screen_stack:
            screen.set_class(narrow, "-narrow")
            screen.set_class(not narrow, "-wide")

    def action_toggle_layout(self) -> None:
        self.settings.layout = "auto" if self.single_column else "single"
        self.apply_layout()
        self.save_settings()
        self.notice(
            "One column: Tab moves between the panes."
            if self.single_column
            else "Panes side by side when the window has room."
        )

    def action_toggle_animations(self) -> None:
        self.settings.animations = not self.settings.animations
        self.animation_level = "full" if self.settings.animations else "none"
        self.save_settings()
        self.notice("Animations on." if self.settings.animations else "Animations off.")
