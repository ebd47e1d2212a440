"""The wellread application: a stack of screens over one library."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Sequence
from importlib import import_module
from typing import TYPE_CHECKING, Any, ClassVar
from weakref import WeakSet

from textual import events, on, work
from textual.app import ScreenStackError, SystemCommand
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.filter import LineFilter
from textual.geometry import Offset
from textual.screen import Screen

from tui import long_lived
from tui.app_cards import CardActions
from tui.app_screen_closing import ScreenClosing, reader_of
from tui.app_settings import AUTO_BREAKPOINTS
from tui.content import Library
from tui.history import History, Place
from tui.render.position import ReadingPosition
from tui.screens.library import VERIFY_AFTER, ArticleList, LibraryScreen
from tui.settings import Settings
from tui.speech import INSTALL_HINT, CommandSpeaker, Speaker
from tui.state import StateStore, data_dir
from tui.stylesheet_rules import changed_rules_copy
from tui.themes import DEFAULT_THEME, HIGH_CONTRAST, StripColour
from tui.widgets.cursor import DEFAULT_CURSOR_SHAPE, focus_cell

if TYPE_CHECKING:
    from textual.command import Provider

    from tui.content.search import SearchHit
    from tui.screens.bookmarks import BookmarksScreen
    from tui.screens.evidence import CitationStyleChanged
    from tui.screens.reader import ReaderScreen
    from tui.screens.search import SearchScreen
    from tui.widgets.article_view import ArticleView

# Only the library screen is imported before the first frame: every other screen, the
# reader's widgets and the palette's commands load when first used, and the messages
# they send are handled by name (on_reader_screen_open_article ...), which needs no
# import of their classes.


def _wellread_commands() -> type[Provider]:
    from tui.commands import WellreadCommands

    return WellreadCommands


# The parser is loaded ahead in a thread once the first frames and keys are past: with
# the library screen's own work for later (tui/screens/library.py). The next theme's
# stylesheet is parsed after it, so the first Ctrl+T adopts it as later ones do.
WARM_AFTER = VERIFY_AFTER


class WellreadApp(CardActions, ScreenClosing):
    """Library first; articles and exercise cards are pushed on top and popped with Esc."""

    TITLE = "wellread"
    CSS_PATH = "wellread.tcss"
    # Textual's system provider left out: ours offers the same commands, capped with ours.
    COMMANDS = {_wellread_commands}
    HELP_NAME = "Everywhere"
    # Below 70 columns the reader shows one pane at a time (see ReaderScreen).
    HORIZONTAL_BREAKPOINTS = AUTO_BREAKPOINTS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "focus_next", "Next pane", show=False),
        Binding("shift+tab", "focus_previous", "Previous pane", show=False),
        Binding("question_mark,f1", "help", "Show the keys of this screen"),
        Binding("ctrl+t", "next_theme", "Next colour theme (high contrast among them)"),
        Binding("ctrl+p", "command_palette", "Command palette", show=False),
        Binding("ctrl+q", "quit", "Quit wellread", priority=True),
        Binding("backspace,alt+left", "history_back", "Back to the screen before"),
        Binding("alt+right", "history_forward", "Forward again, after going back"),
    ]

    def __init__(
        self,
        library: Library,
        open_slug: str | None = None,
        settings: Settings | None = None,
        settings_message: str | None = None,
        speaker: Speaker | None = None,
        state: StateStore | None = None,
    ) -> None:
        super().__init__()
        # Restyles set only the rules that change (tui/stylesheet_rules.py).
        self.stylesheet = changed_rules_copy(self.stylesheet)
        self._stale_screens = WeakSet()
        self.library = library
        self.state = state or StateStore(library.root)
        self.open_slug = open_slug
        self.settings = settings or Settings()
        self.settings_message = settings_message
        self.speaker: Speaker = speaker or CommandSpeaker()
        # The way forward after going back (the screen stack is the way back).
        self.history = History()
        # Theme changes are saved only once the app runs, not while it starts.
        self._settings_ready = False
        self.register_theme(HIGH_CONTRAST)
        self.theme = (
            self.settings.theme if self.settings.theme in self.available_themes else DEFAULT_THEME
        )
        if not self.settings.animations:
            self.animation_level = "none"

    # ------------------------------------------------------------ the terminal cursor

    @property
    def cursor_position(self) -> Offset:
        """Where the terminal cursor stands: asked of the focused widget as each frame is
        drawn, so it follows focus to every screen and dialog, and back again."""
        try:
            cell = focus_cell(self.screen.focused)
        except ScreenStackError:
            cell = None
        return self._cursor_position if cell is None else cell

    @cursor_position.setter
    def cursor_position(self, position: Offset) -> None:
        self._cursor_position = position

    def get_line_filters(self) -> Sequence[LineFilter]:
        # NO_COLOR means no colour codes at all: Textual's own filter keeps greys.
        if self.no_color:
            return [StripColour()]
        return super().get_line_filters()

    def on_mount(self) -> None:
        # The library's entries live as long as the app: keep full garbage collections
        # from walking them (with thousands of articles, a pause felt on a key press).
        gc.freeze()
        self.screen_change_signal.subscribe(self, self.restyle_if_stale)
        self._apply_cursor_setting()
        self.apply_layout()
        messages = [m for m in (self.settings_message, self.state.message) if m]
        self.push_screen(LibraryScreen(self.library, self.state, " ".join(messages) or None))
        self.set_timer(WARM_AFTER, self._warm_parser)
        self.set_timer(2 * WARM_AFTER, self._parse_next_theme)
        if self.open_slug is not None and self.open_slug in self.library.articles:
            self.open_article(self.open_slug)
        elif self.open_slug is not None:  # `wellread open CARD`
            self.open_exercise(self.open_slug)
        self._settings_ready = True

    @work(thread=True, group="warm")
    def _warm_parser(self) -> None:
        # The parser (lazy for `list` and `--help`) and every screen but the library's
        # (lazy for the first frame): about 60 ms each off the first article's first
        # paint. Not at the first frame: the library screen took 0.1 s longer to settle.
        import_module("tui.content.markdown")
        import_module("tui.screens.places")

    # ------------------------------------------------------------ screens

    def open_article(
        self,
        slug: str,
        start_at: ReadingPosition | None = None,
        section: int | None = None,
        highlight: str = "",
    ) -> None:
        if slug in self.library.articles:
            from tui.screens.reader import ReaderScreen

            self.go(
                ReaderScreen(
                    self.library,
                    slug,
                    self.citation_style,
                    self.settings.reading_width,
                    self.state,
                    start_at,
                    section,
                    highlight,
                )
            )

    @on(LibraryScreen.ShowSearch)
    def show_search(self, event: LibraryScreen.ShowSearch | None = None, cursor: int = 0) -> None:
        from tui.content.search import index_path
        from tui.screens.search import SearchScreen

        query = event.query if event is not None else ""
        index = index_path(data_dir(), self.library.root)
        self.go(SearchScreen(self.library, index, query, cursor))

    def on_search_screen_chosen(self, event: SearchScreen.Chosen) -> None:
        # The results stay under the article: Esc comes back to them as they were.
        hit: SearchHit = event.hit
        section = max(hit.entry, 0)
        if hit.kind == "exercise":
            self.open_exercise(hit.slug, section)
        else:
            self.open_article(hit.slug, section=section, highlight=hit.words)

    def on_reader_screen_open_article(self, event: ReaderScreen.OpenArticle) -> None:
        self.open_article(event.slug)

    def on_reader_screen_forward_to_article(self) -> None:
        self.action_history_forward()

    # ------------------------------------------------------------ one history

    def action_history_back(self) -> None:
        screen = self.screen
        if isinstance(screen, LibraryScreen) or len(self.screen_stack) <= 2:
            self.notice("This is the library, the first screen: q or Ctrl+Q quits.")
            return
        reader = reader_of(screen)
        if reader is not None:
            reader.save_place()
        screen.dismiss()

    def action_history_forward(self) -> None:
        place = self.history.forward()
        if place is None:
            self.notice("Nothing ahead: Alt+Right goes forward after going back.")
            return
        ahead = self.history.ahead
        self.return_to(place)
        # Returning is not a new step: what lay further ahead still does.
        for later in ahead:
            self.history.left(later)

    def return_to(self, place: Place) -> None:
        if place.kind == "article":
            self.open_article(place.key)  # at the place the reading state kept
        elif place.kind == "card":
            self.open_exercise(place.key, place.cursor or None)
        elif place.kind == "search":
            self.show_search(LibraryScreen.ShowSearch(place.key), place.cursor)
        elif place.kind == "bookmarks":
            self.show_bookmarks()
        elif place.kind == "glossary":
            self.show_glossary()
        elif place.kind == "exercises":
            self.show_exercises()
        elif place.kind == "mine":
            self.show_my_exercises()
        elif place.kind == "help":
            self.action_help()

    @on(ArticleList.Open)
    def article_chosen(self, event: ArticleList.Open) -> None:
        self.open_article(event.slug, event.start_at)

    @on(LibraryScreen.ShowBookmarks)
    def show_bookmarks(self) -> None:
        from tui.screens.bookmarks import BookmarksScreen

        self.go(BookmarksScreen(self.library, self.state))

    def on_article_view_bookmarks_requested(self) -> None:
        self.show_bookmarks()

    def on_bookmarks_screen_chosen(self, event: BookmarksScreen.Chosen) -> None:
        from tui.screens.reader import ReaderScreen

        mark = event.mark
        position = ReadingPosition(mark.block, mark.offset)
        stack = self.screen_stack
        under = stack[-2] if len(stack) >= 2 else None
        if isinstance(under, ReaderScreen) and under.slug == mark.slug:
            # A place in the article being read: the list closes, the article moves.
            self.screen.dismiss()
            self.history.went_elsewhere()  # a move inside the article, not a step back
            under.go_to(position)
        else:
            # The list stays under the article: back comes to it again.
            self.open_article(mark.slug, position)

    def show_glossary(self) -> None:
        from tui.screens.article_source import library_glossary
        from tui.screens.glossary import GlossaryScreen

        glossary = library_glossary(self.library.root)[0]
        if glossary is None or not glossary.terms:
            self.notice("This library has no glossary.")
        elif not isinstance(self.screen, GlossaryScreen):
            self.go(GlossaryScreen(glossary))

    def on_reader_screen_open_exercise(self, event: ReaderScreen.OpenExercise) -> None:
        self.open_exercise(event.slug)

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen, help_text

        if isinstance(self.screen, HelpScreen):
            return
        self.go(HelpScreen(help_text(self, self.screen, self.size.width)))

    # ------------------------------------------------------------ settings

    def on_citation_style_changed(self, event: CitationStyleChanged) -> None:
        self.settings.citation_style = event.style.value
        self.save_settings()

    def on_article_view_reading_width_changed(self, event: ArticleView.ReadingWidthChanged) -> None:
        self.settings.reading_width = event.width
        self.save_settings()
        self.notice(event.report)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not self.screen.has_class("--textual-command-palette"):
            from tui.commands import WellreadPalette

            self.push_screen(WellreadPalette(id="--command-palette"))

    def search_themes(self) -> None:
        from tui.commands import ThemeChoices, WellreadPalette

        self.push_screen(
            WellreadPalette(providers=[ThemeChoices], placeholder="Type part of a theme's name")
        )

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        # Textual's own (Keys, Maximize, Screenshot ...) are for developers; a reader
        # gets what they need in plain words.
        from tui.commands import system_commands

        return system_commands(self)

    # ------------------------------------------------------------ reading aloud

    def on_article_view_read_aloud(self, event: ArticleView.ReadAloud) -> None:
        if not self.speaker.available:
            self.notice(INSTALL_HINT)
            return
        self.speaker.speak(event.text)
        self.notice("Reading aloud. Press any key to stop.")
        # One look, a second later, to say so if nothing could be heard.
        self.set_timer(1.0, self._check_speech)

    def _check_speech(self) -> None:
        problem = self.speaker.failure()
        if problem:
            self.notice(f"Could not read aloud: {problem}.")

    async def on_event(self, event: events.Event) -> None:
        # While speaking, any key stops the voice and does nothing else.
        if isinstance(event, events.Key) and self.speaker.speaking:
            self.speaker.stop()
            self.notice("Stopped reading aloud.")
            return
        await super().on_event(event)

    async def action_quit(self) -> None:
        # Quitting from inside an article keeps the place, just as leaving it does.
        for screen in self.screen_stack:
            reader = reader_of(screen)
            if reader is not None:
                reader.save_place()
        await super().action_quit()

    def pop_screen(self) -> AwaitComplete:
        # Every way of closing a screen (Esc, Backspace, a choice) leaves its place
        # ahead; a new step clears it (go), Alt+Right returns to it.
        if len(self.screen_stack) > 2:
            from tui.screens.places import place_of

            place = place_of(self.screen)
            if place is not None:
                self.history.left(place)
        return super().pop_screen()

    def on_unmount(self) -> None:
        if self.settings.show_cursor and self._driver is not None and not self.is_headless:
            self._driver.write(DEFAULT_CURSOR_SHAPE)
        self.speaker.stop()
        self.state.close()
        long_lived.restore_thresholds()  # a long article open as the app ends
