"""The reader: outline, article and sidebar, with a status line.

A short article is ready in the first frame. A long one shows its opening sections
in the first frame and the whole of it arrives from a thread, so even a very long
article never freezes the keyboard.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import Reactive
from textual.widget import Widget

from tui.content import Article, Library
from tui.content.glossary import Glossary
from tui.content.model import Document
from tui.content.vocab import DISCLAIMER_SHORT, DISCLAIMER_TINY
from tui.render.blocks import RenderedDocument
from tui.render.labels import CitationStyle
from tui.render.places import citation_places, sections_citing
from tui.render.position import ReadingPosition
from tui.render.progress import section_status
from tui.render.summaries import READ_PERCENT
from tui.screens.article_source import ArticleSource
from tui.screens.bookmarks import NoteScreen
from tui.screens.cited_in import CitedInScreen
from tui.screens.overlay_layout import OverlayLayout
from tui.screens.panes import NarrowPanes
from tui.screens.reader_text import SYNC_LOAD_BYTES, ReaderText
from tui.screens.styled_once import StyledOnce
from tui.state import StateStore
from tui.widgets.article_view import ArticleView
from tui.widgets.bars import StatusLine, TitleBar
from tui.widgets.find_line import FindLayerStart, FindLine
from tui.widgets.kept_lines import keep_lines
from tui.widgets.outline import Outline
from tui.widgets.sidebar import ExerciseList, ReferenceList, Sidebar

# Below this many columns the contents pane hides (Tab or o shows it in place of the
# sidebar), so the article keeps a column of 50 characters or more beside one side pane.
COMPACT_BELOW = 100


class ReaderScreen(OverlayLayout, StyledOnce, ReaderText):
    HELP_NAME = "Reader"
    HELP_INTRO = (
        "Left: the contents of the article. Centre: the article. Right: related "
        "exercises and the references. Tab moves between them. In the article, "
        ". (full stop) and , (comma) move between citations, notes, links and the "
        "underlined terms the glossary explains; Enter follows one (on a term it shows "
        "what the term means) and Backspace comes back. In a window under "
        f"{COMPACT_BELOW} columns the contents hide behind o (or Tab) so the article "
        "keeps its width."
    )
    # What help says when one pane shows at a time (a narrow window, the single layout).
    HELP_INTRO_ONE_PANE = (
        "One pane at a time, at full width: the article first. Tab shows related "
        "exercises and references (e and r switch between them), Tab again the contents, "
        "Shift+Tab the other way; Escape comes back to the article. "
        + HELP_INTRO.split("them. ", 1)[1].split(" In a window", 1)[0]
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "back", "Back (to the article, or to the library)"),
        Binding("tab", "next_pane", "Next pane", show=False),
        Binding("shift+tab", "previous_pane", "Previous pane", show=False),
        Binding("R", "toggle_read", "Mark this article as read, or as not read"),
        Binding("o", "contents", "Show the contents (hidden in a narrower window)"),
    ]

    # The find line floats over the panes: showing or hiding it moves nothing else.
    OVERLAYS = ("#search-line",)

    # Where focus lands when the screen opens (Textual would pick the first pane).
    AUTO_FOCUS = "#article"

    # Textual repaints the whole screen when the focus moves; the pane that lost it and
    # the one that gained it repaint themselves (border, marks), and nothing else
    # changes, so the rest of the screen is not drawn again.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    class OpenExercise(Message):
        def __init__(self, slug: str) -> None:
            super().__init__()
            self.slug = slug

    class OpenArticle(Message):
        def __init__(self, slug: str) -> None:
            super().__init__()
            self.slug = slug

    class LeftForArticle(Message):
        """Went back from this article to the one that linked to it."""

        def __init__(self, slug: str) -> None:
            super().__init__()
            self.slug = slug

    class ForwardToArticle(Message):
        """Alt+Right with nothing ahead in this article: the article left last, if any."""

    def __init__(
        self,
        library: Library,
        slug: str,
        citation_style: CitationStyle = CitationStyle.AUTHOR_YEAR,
        reading_width: int = 72,
        state: StateStore | None = None,
        start_at: ReadingPosition | None = None,
        start_section: int | None = None,
        highlight: str = "",
    ) -> None:
        super().__init__()
        keep_lines(self, blank_content=True)  # its panes cover it: drawn once a look
        # In a narrow window (the app's "-narrow" breakpoint) one pane shows at a time.
        self.panes = NarrowPanes(
            self, ("outline", "article", "sidebar"), "article", self._pane_focus
        )
        # From a search result: open at that section with the words found highlighted.
        self.start_section = start_section
        self.highlight = highlight
        if start_section is not None and start_at is None:
            start_at = ReadingPosition(0, 0)
        self.reading_width = reading_width
        self.state = state
        # Where to open: as asked (a search result, a bookmark), else where the reader left off.
        saved = state.position(slug) if state is not None else None
        # What was read on earlier visits still counts (read again, it is not lost).
        self.percent_before = saved.percent if saved is not None else 0
        if start_at is not None:
            saved = None
        self.start_at = start_at or (ReadingPosition(saved.block, saved.offset) if saved else None)
        self.library = library
        self.slug = slug
        self.entry = library.articles[slug]
        self.citation_style = citation_style
        self.article: Article | None = None
        self.rendered: RenderedDocument | None = None
        self.source = ArticleSource(library, slug)
        # A short article is parsed and rendered within a frame, a long one in threads.
        self.short = self.entry.path.stat().st_size <= SYNC_LOAD_BYTES
        if self.short:
            self.article, self.rendered = self.source.whole(citation_style)
        elif preview := self.source.preview(citation_style):
            # A long article: its opening sections now, the whole of it from a thread
            # once the first frame is on screen.
            self.article, self.rendered = preview

    def _pane_focus(self, pane: str) -> Widget:
        if pane == "sidebar":
            return self.query_one(f"#{self.query_one(Sidebar).active_tab}")
        return self.query_one(f"#{pane}")

    @property
    def shown_document(self) -> Document | None:
        return self.article

    @property
    def glossary(self) -> Glossary | None:
        return self.source.glossary()

    def compose(self) -> ComposeResult:
        # A short article is ready now, and goes to the panes as they are made, so the
        # first frame shows it; a long one arrives from the loading thread.
        rendered, article = self.rendered, self.article
        yield TitleBar(id="title-bar")
        with Horizontal(id="panes") as panes:
            keep_lines(panes, blank_content=True)  # drawn once a look (a theme)
            yield FindLayerStart()
            yield Outline(rendered.outline if rendered else None, id="outline")
            view = ArticleView(
                rendered, resume=self.start_at, reading_width=self.reading_width, id="article"
            )
            view.seen_before = self.percent_before
            view.position_listener = self.position_changed  # in the frame of the move
            view.report_listener = self.on_article_view_search_report  # and "Match 3 of 12"
            yield view
            yield Sidebar(*self.sidebar_entries(article) if article else (None, None), id="sidebar")
            # Over the panes' bottom edge, so opening it lays nothing out again.
            yield FindLine(placeholder="Find in this article", id="search-line")
        yield StatusLine(f"{DISCLAIMER_SHORT} · ? help", f"{DISCLAIMER_TINY} ? help", id="status")

    def on_mount(self) -> None:
        self.query_one(TitleBar).set_title(self.entry.title)
        self.own_widgets.one(Outline).border_title = "Contents"
        view = self.view
        view.border_title = "Article"
        self.query_one(Sidebar).border_title = "Related"
        view.focus()
        if self.state is not None:
            self.state.record_visit(self.slug)
        if self.rendered is None:
            if self.start_at is not None:
                view.resume_at(self.start_at)
            view.show_placeholder(f"Opening {self.entry.title} ...")
            self.query_one(StatusLine).set_status("Opening ...")
        if self.rendered is None or self.rendered.partial:
            # After the first frame, so parsing never competes with drawing it.
            self.call_after_refresh(self.load)
        if self.rendered is not None:
            self.call_after_refresh(self.show_search_result)

    # ------------------------------------------------------------ messages up

    @on(ArticleView.PositionChanged, "#article")
    def position_changed(self, event: ArticleView.PositionChanged) -> None:
        if self.rendered is None:
            return
        if event.section_index != self.own_widgets.one(Outline).current:
            self.save_place()
        self.own_widgets.one(Outline).mark_current(event.section_index)
        where = section_status(self.rendered.outline[event.section_index], self.rendered)
        self.show_position(where, event)

    @on(Outline.SectionSelected)
    def section_selected(self, event: Outline.SectionSelected) -> None:
        view = self.view
        view.goto_section(event.section_index)
        view.focus()

    @on(ExerciseList.Selected)
    def exercise_selected(self, event: ExerciseList.Selected) -> None:
        self.post_message(self.OpenExercise(event.slug))

    def follow_anchor(self, kind: str, targets: tuple[str, ...]) -> None:
        if kind == "citation":
            self.show_references(targets)
        elif kind == "article" and targets:
            self.post_message(self.OpenArticle(targets[0]))

    def show_references(self, ref_ids: tuple[str, ...]) -> None:
        """A citation followed: its references, selected, in the References tab."""
        references = self.query_one(ReferenceList)
        missing = [ref_id for ref_id in ref_ids if references.index_of(ref_id) is None]
        if len(missing) == len(ref_ids):
            self.notice(
                "This citation names a source that is not in this article's references: "
                + ", ".join(missing)
            )
            return
        self.remember_place()
        self.query_one(Sidebar).action_show_tab("reference-list")
        references.show_cited(ref_ids)
        references.focus()
        numbers = ", ".join(
            str(index + 1) for index, entry in enumerate(references.entries) if entry.id in ref_ids
        )
        plural = "s" if len(ref_ids) > 1 else ""
        gone = f" Not in the references: {', '.join(missing)}." if missing else ""
        self.notice(f"Reference{plural} {numbers}.{gone} Backspace goes back to the citation.")

    @on(ReferenceList.Selected)
    def reference_selected(self, event: ReferenceList.Selected) -> None:
        """Enter on a reference: where the article cites it, to go to one."""
        if self.rendered is None or self.article is None:
            return
        places = citation_places(self.rendered, event.ref_id)
        if not places:
            self.notice("This article lists the reference but does not cite it in the text.")
            return
        title = "Cited in " + "; ".join(sections_citing(self.rendered, event.ref_id))

        def go(index: int | None) -> None:
            if index is None:
                return
            place = places[index]
            self.remember_place()
            view = self.view
            view.focus()
            view.focus_anchor((place.block, place.anchor))
            self.notice(
                f"Cited here, in {place.section_label}. Backspace goes back to the reference."
            )

        self.app.push_screen(CitedInScreen(title, places), go)

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < COMPACT_BELOW, "-compact")

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # The window or the layout changed (a class on this screen): one pane may show
        # at a time now, and it should be the reader's.
        self.call_next(self.panes.sync)

    def action_contents(self) -> None:
        self.panes.show("outline")

    def action_back(self) -> None:
        if (self.panes.narrow or self.panes.compact) and self.panes.shown != "article":
            self.panes.show("article")
            return
        self.save_place()
        self.dismiss()

    # ------------------------------------------------------------ narrow windows

    def action_next_pane(self) -> None:
        self.panes.cycle(1)

    def action_previous_pane(self) -> None:
        self.panes.cycle(-1)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self.panes.follow_focus(event.widget)

    def action_back_jump(self) -> None:
        stack = self.app.screen_stack
        if not len(self.jumps) and len(stack) >= 2 and isinstance(stack[-2], ReaderScreen):
            # Opened from another article's link: going back is going there, and
            # Alt+Right there comes back here.
            self.save_place()
            self.post_message(self.LeftForArticle(self.slug))
            self.dismiss()
            return
        super().action_back_jump()

    def action_forward_jump(self) -> None:
        if not self.jumps.can_go_forward:
            self.post_message(self.ForwardToArticle())
            return
        super().action_forward_jump()

    @on(ArticleView.BookmarkRequested, "#article")
    def bookmark_requested(self) -> None:
        view = self.view
        position = view.position
        if self.state is None or self.rendered is None or position is None:
            return
        if not self.state.enabled:
            self.notice("Bookmarks are off: the reading state file could not be used.")
            return
        section_label = self.rendered.outline[view.current_section].label
        state = self.state

        def save(note: str | None) -> None:
            if note is None:
                self.notice("No bookmark made.")
                return
            state.add_bookmark(self.slug, position.block, position.offset, section_label, note)
            self.notice(f"Bookmarked {section_label}. ' (apostrophe) lists your bookmarks.")

        self.app.push_screen(NoteScreen(section_label), save)

    def go_to(self, position: ReadingPosition) -> None:
        """Jump to a place in this article (a bookmark), remembering where we were."""
        self.remember_place()
        view = self.view
        view.focus()
        view.resume_at(position)

    def save_place(self) -> None:
        """Remember where the reader is in this article, for next time."""
        views = self.query(ArticleView)
        if self.state is None or self.rendered is None or not views:
            return
        view = views.first()
        position = view.position
        if position is None:
            return
        entry = self.rendered.outline[view.current_section]
        self.state.save_position(
            self.slug, position.block, position.offset, entry.label, view.percent_read
        )

    def action_toggle_read(self) -> None:
        """R: mark the article read (as if every line was seen), or not read again."""
        view = self.view
        if view.document is None:
            return
        read = view.percent_read < READ_PERCENT
        view.mark_read(read)
        self.save_place()
        if read:
            self.notice("Marked as read. R again marks it as not read.")
        else:
            self.notice(f"Marked as not read: {view.percent_read}% read now. R marks it as read.")

    def on_screen_suspend(self) -> None:
        self.save_place()
