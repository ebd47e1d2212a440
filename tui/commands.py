"""The command palette: wellread's entries (articles, sections of the open article,
exercise cards and bookmarks, found by typing part of their names), shown as plain text,
with the highlighted row marked by a shape as well as a colour."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from contextlib import suppress
from functools import partial
from typing import TYPE_CHECKING, Any

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import App, ComposeResult, SystemCommand
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
from textual.geometry import Region
from textual.markup import escape
from textual.strip import Strip
from textual.widgets import LoadingIndicator

from tui.palette_entries import (
    NEARBY_LIMIT,
    SECTION_LIMIT,
    Titles,
    best_shown,
    more_hint,
    nearby_sections,
    section_choices,
)
from tui.palette_library import Group, bookmark_group, library_group, listed_titles
from tui.render.blocks import OutlineEntry
from tui.themes import HIGH_CONTRAST
from tui.widgets.article_view import ArticleView
from tui.widgets.line_list import FOCUS_MARK

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.style import Style as VisualStyle

    from tui.app import WellreadApp
    from tui.screens.reader import ReaderScreen

# Named here too: tests and callers read them from the palette's module.
__all__ = ["NEARBY_LIMIT", "SECTION_LIMIT", "nearby_sections", "section_choices"]

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


class WellreadCommands(Provider):
    # The outline the titles were made for and its sections' titles: kept on the class,
    # as the palette makes a new provider each time it opens (only the last kept).
    _titles: tuple[list[OutlineEntry], Titles] | None = None

    def __init__(self, screen: Screen[Any], match_style: VisualStyle | None = None) -> None:
        super().__init__(screen, match_style)
        # Articles, cards and bookmarks: made when first asked for, kept while open.
        self._groups: list[Group] | None = None
        self._titles_made: asyncio.Future[object] | None = None

    @property
    def wellread(self) -> WellreadApp:
        from tui.app import WellreadApp

        assert isinstance(self.app, WellreadApp)
        return self.app

    def reading(self) -> tuple[ReaderScreen, ArticleView, list[OutlineEntry]] | None:
        """The reader's screen, its article view and outline, if an article is open."""
        from tui.screens.reader import ReaderScreen

        screen = self.screen
        if not isinstance(screen, ReaderScreen) or screen.rendered is None:
            return None
        views = screen.query(ArticleView)
        if not views:
            return None
        return screen, views.first(), screen.rendered.outline

    def section_titles(self, outline: list[OutlineEntry]) -> Titles:
        """The sections' titles, made once an outline: the palette asks at every key."""
        known = WellreadCommands._titles
        if known is None or known[0] is not outline:
            titles = [f"Go to {part.label}" for part in outline]
            known = (outline, Titles(titles, [part.title for part in outline]))
            WellreadCommands._titles = known
        return known[1]

    def section_commands(self, query: str) -> Iterator[Command]:
        """Sections of the open article: some nearby (no *query*), else those that may match."""
        found = self.reading()
        if found is None:
            return
        screen, view, outline = found
        if query:
            chosen, _ = self.section_titles(outline).choose(query)
        else:
            chosen = nearby_sections([part.level for part in outline], view.current_section)
        for number in chosen:
            yield section_command(screen, view, outline, number)

    def other_commands(self) -> Iterator[Command]:
        """Articles, exercise cards and bookmarks."""
        for group in self.groups():
            yield from map(group.command, range(len(group)))

    def commands(self, query: str = "") -> Iterator[Command]:
        """Every entry typing *query* may find (sections: those worth matching)."""
        yield from self.section_commands(query)
        yield from self.other_commands()

    async def startup(self) -> None:
        # The library's titles (a tenth of a second and more at 50,000 articles) are made
        # in a thread as the palette opens, so the first letter typed finds them made and
        # the palette takes keys meanwhile. Not awaited here: Textual awaits a provider's
        # startup from its first search, and cancelling that search (a letter typed, or
        # the palette reopened as typed) cancelled the startup, leaving a provider that
        # found nothing while the palette stayed open. The first search waits instead.
        loop = asyncio.get_running_loop()
        self._titles_made = loop.run_in_executor(None, listed_titles, self.wellread.library)
        self._titles_made.add_done_callback(_taken)

    async def titles_made(self) -> None:
        """Wait for the titles begun at startup; a search cancelled meanwhile leaves the
        thread running for the next. A library changing under the thread (its entries
        dict, as a changed file is found) makes them again at the first letter."""
        made = self._titles_made
        if made is None:
            return
        with suppress(RuntimeError):
            await asyncio.shield(made)
        self._titles_made = None

    def groups(self) -> list[Group]:
        """The library's articles and cards (tui.palette_library), then the bookmarks."""
        if self._groups is None:
            self._groups = [library_group(self.wellread), bookmark_group(self.wellread)]
        return self._groups

    def keep_typing(self, query: str) -> Callable[[], object]:
        """What the last line of a capped list does: opens the palette again, as typed."""
        return partial(reopen_palette, self.app, query)

    def system_hits(self, discovered: bool = False) -> list[Command]:
        """The palette's own commands (*discovered*: those offered before typing).
        Textual's system provider is left out: one list, so one cap, for them and ours."""
        return [
            (command.title, command.help, command.callback)
            for command in self.app.get_system_commands(self.screen)
            if command.discover or not discovered
        ]

    async def discover(self) -> Hits:
        # Before the reader types: the palette's own commands, by name, as Textual's
        # provider offers them, and nothing else. They fill the list of a 40-row
        # window; sections, articles, cards and bookmarks used to follow below the
        # fold, hundreds or thousands of rows each built and measured. Typing finds
        # them (the placeholder says so).
        for name, help_text, callback in sorted(self.system_hits(True), key=lambda hit: hit[0]):
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        await self.titles_made()
        matcher = self.matcher(query)
        fuzzy = matcher.fuzzy_search
        system = self.system_hits()
        system_scores = [matcher.match(name) for name, _, _ in system]
        candidates: list[Command] = []
        must: list[int] = []
        total = sum(score > 0 for score in system_scores)
        found = self.reading()
        if found is not None:
            screen, view, outline = found
            titles = self.section_titles(outline)
            chosen, exact = titles.choose(query)
            must += [len(candidates) + chosen.index(number) for number in exact]
            candidates += [section_command(screen, view, outline, n) for n in chosen]
            total += titles.count(query)
        for group in self.groups():
            chosen, exact = group.titles.choose(query)
            must += [len(candidates) + chosen.index(number) for number in exact]
            candidates += [group.command(number) for number in chosen]
            total += group.titles.count(query)
        matches = [fuzzy.match(query, title) for title, _, _ in candidates]
        # Ours are counted after the palette's own: ties go to its commands.
        scores = system_scores + [score for score, _ in matches]
        must = [len(system) + index for index in must]
        shown = best_shown(scores, must)
        for index in shown:
            if index < len(system):
                name, help_text, callback = system[index]
                yield Hit(scores[index], matcher.highlight(name), callback, help=help_text)
                continue
            title, help_text, action = candidates[index - len(system)]
            offsets = matches[index - len(system)][1]
            yield Hit(
                scores[index],
                literal_hit(title, list(offsets)),
                action,
                text=title,
                help=escape(help_text),
            )
        more = total - len(shown)
        if more > 0:
            # Score 0: after every hit.
            hint = more_hint(more)
            yield Hit(0.0, Text(hint), self.keep_typing(query), text=hint)


def _taken(made: asyncio.Future[object]) -> None:
    """Take a thread's outcome even if no search waited for it (the palette closed
    first), so asyncio does not report an exception never retrieved."""
    if not made.cancelled():
        made.exception()


def reopen_palette(app: App[object], typed: str) -> None:
    app.push_screen(WellreadPalette(id="--command-palette", value=typed))


def section_command(
    screen: ReaderScreen, view: ArticleView, outline: list[OutlineEntry], number: int
) -> Command:
    return (
        f"Go to {outline[number].label}",
        f"In {screen.entry.title}",
        partial(view.goto_section, number),
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

    # The width the list's rows were last drawn or measured at (Textual's OptionList
    # keeps them).
    _rows_width: int | None = None

    def _on_resize(self, event: events.Resize) -> None:  # type: ignore[override]
        # The one place this list reaches into Textual's OptionList: its Resize handler
        # (_on_resize, run after this one unless prevented) forgets every drawn row.
        # Rows depend on the width alone, and the list changes height when it opens and
        # at each key typed (it fits its hits), after it has drawn itself at the new
        # size: kept while the width stays, rows are not made again for nothing.
        # tests/test_palette_capped.py compares the kept rows with freshly made ones.
        width = self.scrollable_content_region.width
        if width == self._rows_width:
            event.prevent_default()
        self._rows_width = width

    def render_lines(self, crop: Region) -> list[Strip]:
        self._rows_width = self.scrollable_content_region.width
        return super().render_lines(crop)

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
        value: str = "",
    ) -> None:
        super().__init__(providers, placeholder=placeholder, id=id)
        self.placeholder = placeholder
        self.typed_already = value  # typed before: the palette reopened from a capped list

    def compose(self) -> ComposeResult:
        with Vertical(id="--container"):
            with Horizontal(id="--input"):
                yield CommandInput(placeholder=self.placeholder, select_on_focus=False)
            with Vertical(id="--results"):
                yield MarkedCommandList()
                yield LoadingIndicator()

    def on_mount(self) -> None:
        typed = self.query_one(CommandInput)
        typed.cursor_blink = False
        if self.typed_already:
            typed.value = self.typed_already
            typed.cursor_position = len(self.typed_already)


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
