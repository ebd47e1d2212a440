"""The command palette: wellread's entries (articles, sections of the open article,
exercise cards and bookmarks, found by typing part of their names), shown as plain text,
with the highlighted row marked by a shape as well as a colour."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.command import (
    CommandInput,
    CommandList,
    CommandPalette,
    DiscoveryHit,
    Hit,
    Hits,
    Provider,
    ProviderSource,
)
from textual.containers import Horizontal, Vertical
from textual.markup import escape
from textual.strip import Strip
from textual.widgets import LoadingIndicator

from tui.render.blocks import OutlineEntry
from tui.render.position import ReadingPosition
from tui.themes import HIGH_CONTRAST
from tui.widgets.article_view import ArticleView
from tui.widgets.line_list import FOCUS_MARK

if TYPE_CHECKING:
    from tui.app import WellreadApp

Command = tuple[str, str, Callable[[], object]]  # (title, help, what it does)

# Letters of a title that match what was typed: by shape, so NO_COLOR keeps them.
MATCHED = Style(bold=True, underline=True)


def literal_hit(title: str, query_offsets: list[int]) -> Text:
    """A title as written (an article's "[b]" stays "[b]"), matched letters marked."""
    text = Text(title)
    for offset in query_offsets:
        if not title[offset].isspace():
            text.stylize(MATCHED, offset, offset + 1)
    return text


# Sections of the open article offered at once: a long one has thousands, and the
# palette measures and wraps every entry it shows. Before the reader types, fewer:
# the palette opens as fast as one with a short article's sections.
SECTION_LIMIT = 40
NEARBY_LIMIT = 16


def section_choices(
    labels: list[str], query: str, limit: int = SECTION_LIMIT, lowered: list[str] | None = None
) -> list[int]:
    """The indices of at most *limit* sections worth a fuzzy match for *query*: those
    whose label holds it as typed first, then those holding its letters in order, each
    in document order. A cheap filter over plain text, so typing in the palette costs
    the same in an article of ten sections or ten thousand. *lowered*: the labels in
    lower case, if already made."""
    needle = query.lower()
    if lowered is None:
        lowered = [label.lower() for label in labels]
    chosen = [index for index, label in enumerate(lowered) if needle in label][:limit]
    if len(chosen) < limit:
        letters = re.compile(".*?".join(re.escape(char) for char in needle))
        taken = set(chosen)
        for index, label in enumerate(lowered):
            if index not in taken and letters.search(label):
                chosen.append(index)
                if len(chosen) == limit:
                    break
    return chosen


def nearby_sections(levels: list[int], current: int, limit: int = NEARBY_LIMIT) -> list[int]:
    """The sections offered before the reader types: every one in a short article;
    in a long one, up to *limit* top-level sections from a little before *current*."""
    if len(levels) <= limit:
        return list(range(len(levels)))
    top = [index for index, level in enumerate(levels) if level <= 2]
    at = max(0, bisect_right(top, current) - 1 - limit // 4)
    start = max(0, min(at, len(top) - limit))
    return top[start : start + limit]


class WellreadCommands(Provider):
    # The outline the titles were made for, the titles, and the titles in lower case:
    # kept on the class, as the palette makes a new provider each time it opens (only
    # the last outline's are kept).
    _titles: tuple[list[OutlineEntry], list[str], list[str]] | None = None

    @property
    def wellread(self) -> WellreadApp:
        from tui.app import WellreadApp

        assert isinstance(self.app, WellreadApp)
        return self.app

    def section_commands(self, query: str) -> Iterator[Command]:
        """Sections of the open article: some nearby (no *query*), else those that may match."""
        from tui.screens.reader import ReaderScreen

        screen = self.screen
        if not isinstance(screen, ReaderScreen) or screen.rendered is None:
            return
        views = screen.query(ArticleView)
        if not views:
            return
        view = views.first()
        outline = screen.rendered.outline
        if query:
            # Made once an outline: the palette asks again at every key the reader types.
            known = WellreadCommands._titles
            if known is None or known[0] is not outline:
                titles = [f"Go to {part.label}" for part in outline]
                known = (outline, titles, [title.lower() for title in titles])
                WellreadCommands._titles = known
            _, titles, lowered = known
            chosen = section_choices(titles, query, lowered=lowered)
        else:
            chosen = nearby_sections([part.level for part in outline], view.current_section)
        for number in chosen:
            yield (
                f"Go to {outline[number].label}",
                f"In {screen.entry.title}",
                partial(view.goto_section, number),
            )

    def commands(self, query: str = "") -> Iterator[Command]:
        app = self.wellread
        yield from self.section_commands(query)
        for article in app.library.article_entries():
            yield f"Open {article.title}", article.summary, partial(app.open_article, article.slug)
        for slug, card in sorted(app.library.exercises.items()):
            yield f"Exercise card: {card.title}", card.summary, partial(app.open_exercise, slug)
        for mark in app.state.bookmarks():
            marked = app.library.articles.get(mark.slug)
            if marked is None:
                continue
            position = ReadingPosition(mark.block, mark.offset)
            note = f" ({mark.note})" if mark.note else ""
            yield (
                f"Bookmark: {marked.title}, {mark.section}{note}",
                f"Saved {mark.created[:10]}",
                partial(app.open_article, mark.slug, position),
            )

    async def discover(self) -> Hits:
        for title, help_text, action in self.commands():
            # The palette reads help as markup: article text must stay as written.
            yield DiscoveryHit(Text(title), action, text=title, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, action in self.commands(query):
            score, offsets = matcher.fuzzy_search.match(query, title)
            if score > 0:
                yield Hit(
                    score,
                    literal_hit(title, list(offsets)),
                    action,
                    text=title,
                    help=escape(help_text),
                )


# The themes offered, each checked for contrast by the tests, in plain words.
THEME_WORDS = {
    "textual-dark": "light text on a dark background",
    "textual-light": "dark text on a light background",
    "wellread-high-contrast": "white on black, the most contrast",
    "ansi-dark": "your terminal's own colours, for a dark terminal",
    "ansi-light": "your terminal's own colours, for a light terminal",
}


class ThemeChoices(Provider):
    """wellread's own themes (not every theme Textual ships), described in words."""

    def choices(self) -> Iterator[Command]:
        for name, words in THEME_WORDS.items():
            if name in self.app.available_themes:
                yield f"Theme: {name}", words, partial(setattr, self.app, "theme", name)

    async def discover(self) -> Hits:
        for title, help_text, action in self.choices():
            yield DiscoveryHit(Text(title), action, text=title, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, action in self.choices():
            score, offsets = matcher.fuzzy_search.match(query, title)
            if score > 0:
                yield Hit(
                    score, literal_hit(title, list(offsets)), action, text=title, help=help_text
                )


class MarkedCommandList(CommandList):
    """The palette's list, with ▶ beside the highlighted command (seen without colour)."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        line = self.scroll_offset.y + y
        lines = self._lines
        if self.highlighted is None or not 0 <= line < len(lines):
            return strip
        index, offset = lines[line]
        if index != self.highlighted or offset != 0:
            return strip
        # The option's left padding holds the mark.
        segments = list(strip)
        style = segments[0].style if segments else None
        marked = Strip([Segment(FOCUS_MARK, style), *strip.crop(len(FOCUS_MARK))])
        return marked


class WellreadPalette(CommandPalette):
    """Textual's palette with the marked list and a caret that does not blink."""

    def __init__(
        self,
        providers: ProviderSource | None = None,
        *,
        placeholder: str = "Type a command or a title",
        id: str | None = None,
    ) -> None:
        super().__init__(providers, placeholder=placeholder, id=id)
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(id="--container"):
            with Horizontal(id="--input"):
                yield CommandInput(placeholder=self.placeholder, select_on_focus=False)
            with Vertical(id="--results"):
                yield MarkedCommandList()
                yield LoadingIndicator()

    def on_mount(self) -> None:
        self.query_one(CommandInput).cursor_blink = False


def system_commands(app: WellreadApp) -> Iterator[SystemCommand]:
    """The palette's own commands, in plain words (Textual's developer ones left out)."""
    yield SystemCommand("Keys of this screen", "What each key does here (also ?)", app.action_help)
    yield SystemCommand(
        "Choose a colour theme",
        "Pick from every theme, high contrast among them",
        app.action_change_theme,
    )
    yield SystemCommand(
        "One column on or off",
        "One pane at a time at full width, for screen readers and braille displays",
        app.action_toggle_layout,
    )
    yield SystemCommand(
        "Search every article", "Find where the library speaks of a word", app.show_search
    )
    yield SystemCommand("Bookmarks", "Your bookmarks, to go back to one", app.show_bookmarks)
    yield SystemCommand("Glossary", "What the library's words mean", app.show_glossary)
    yield SystemCommand(
        "Exercise cards", "Every card, by type, impact and equipment", app.show_exercises
    )
    yield SystemCommand(
        "My exercises", "The cards you keep, with your dose and note", app.show_my_exercises
    )
    yield SystemCommand(
        "Next colour theme", "Step to the next theme (also Ctrl+T)", app.action_next_theme
    )
    yield SystemCommand(
        "High-contrast theme",
        "White on black with yellow focus",
        lambda: setattr(app, "theme", HIGH_CONTRAST.name),
    )
    yield SystemCommand(
        "Animations on or off",
        "Things that slide or fade on screen: "
        + ("stop them" if app.settings.animations else "allow them"),
        app.action_toggle_animations,
    )
    yield SystemCommand(
        "Show or hide the terminal cursor",
        "Some screen readers and braille displays follow only a visible cursor",
        app.action_toggle_cursor,
    )
    yield SystemCommand("Quit wellread", "Leave wellread (your place is kept)", app.action_quit)
