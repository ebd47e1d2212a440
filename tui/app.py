"""The wellread application: a stack of screens over one library."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import App
from textual.binding import Binding, BindingType

from tui.content import Library
from tui.render.labels import CitationStyle
from tui.screens.evidence import CitationStyleChanged
from tui.screens.exercise import ExerciseScreen
from tui.screens.help import HelpScreen, help_text
from tui.screens.library import ArticleList, LibraryScreen
from tui.screens.reader import ReaderScreen
from tui.settings import Settings, save_settings
from tui.widgets.bars import StatusLine


class WellreadApp(App[None]):
    """Library first; articles and exercise cards are pushed on top and popped with Esc."""

    TITLE = "wellread"
    CSS_PATH = "wellread.tcss"
    HELP_NAME = "Everywhere"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "focus_next", "Next pane", show=False),
        Binding("shift+tab", "focus_previous", "Previous pane", show=False),
        Binding("question_mark,f1", "help", "Show the keys of this screen"),
        Binding("ctrl+p", "command_palette", "Command palette", show=False),
        Binding("ctrl+q", "quit", "Quit wellread", priority=True),
    ]

    def __init__(
        self,
        library: Library,
        open_slug: str | None = None,
        settings: Settings | None = None,
        settings_message: str | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.open_slug = open_slug
        self.settings = settings or Settings()
        self.settings_message = settings_message

    @property
    def citation_style(self) -> CitationStyle:
        try:
            return CitationStyle(self.settings.citation_style)
        except ValueError:
            return CitationStyle.AUTHOR_YEAR

    def on_mount(self) -> None:
        self.push_screen(LibraryScreen(self.library, self.settings_message))
        if self.open_slug is not None:
            self.open_article(self.open_slug)

    def open_article(self, slug: str) -> None:
        if slug in self.library.articles:
            self.push_screen(ReaderScreen(self.library, slug, self.citation_style))

    @on(ReaderScreen.OpenArticle)
    def related_article_chosen(self, event: ReaderScreen.OpenArticle) -> None:
        self.open_article(event.slug)

    @on(CitationStyleChanged)
    def citation_style_changed(self, event: CitationStyleChanged) -> None:
        self.settings.citation_style = event.style.value
        self.save_settings()

    def save_settings(self) -> None:
        try:
            save_settings(self.settings)
        except OSError as error:
            self.screen.query_one(StatusLine).set_notice(f"Could not save settings: {error}")

    @on(ArticleList.Open)
    def article_chosen(self, event: ArticleList.Open) -> None:
        self.open_article(event.slug)

    @on(ReaderScreen.OpenExercise)
    def exercise_chosen(self, event: ReaderScreen.OpenExercise) -> None:
        self.push_screen(ExerciseScreen(self.library.exercise(event.slug), self.citation_style))

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(help_text(self, self.screen)))
