"""The reader: outline, article and sidebar, with a status line.

The screen appears at once with the article's title; parsing and rendering run in a
worker thread, so even a very long article never freezes the keyboard.
"""

from __future__ import annotations

import gc
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen

from tui.content import Article, Library
from tui.content.vocab import DISCLAIMER_SHORT
from tui.render.blocks import OutlineEntry, RenderedDocument
from tui.render.document import render_document
from tui.render.labels import CitationStyle, ReferenceLabels
from tui.render.references import reference_lines
from tui.render.summaries import exercise_lines
from tui.threads import background_work
from tui.widgets.article_view import ArticleView
from tui.widgets.bars import StatusLine, TitleBar
from tui.widgets.line_list import ListEntry
from tui.widgets.outline import Outline
from tui.widgets.sidebar import ExerciseList, ReferenceList, Sidebar

# Articles up to this size parse within a frame: they are shown in the first frame,
# with no "Opening" step; longer ones are parsed in a thread.
SYNC_LOAD_BYTES = 64 * 1024


def section_status(entry: OutlineEntry, document: RenderedDocument) -> str:
    """ "Section 2 of 6" inside numbered sections (and their subsections), else the part's name."""
    if entry.number:
        top = entry.number.split(".")[0]
        if document.partial:
            return f"Section {top} (still opening the rest)"
        return f"Section {top} of {document.section_count}"
    return entry.title


class ReaderScreen(Screen[None]):
    HELP_NAME = "Reader"
    HELP_INTRO = (
        "Left: the contents of the article. Centre: the article. Right: related "
        "exercises and the references. Tab moves between them."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right_square_bracket", "next_section", "Next section"),
        Binding("left_square_bracket", "previous_section", "Previous section"),
        Binding("escape,q", "back", "Back to the library"),
    ]

    class OpenExercise(Message):
        def __init__(self, slug: str) -> None:
            super().__init__()
            self.slug = slug

    class Loaded(Message):
        """The article, or a preview of its opening, parsed and rendered (from the
        loading thread)."""

        def __init__(self, article: Article, rendered: RenderedDocument) -> None:
            super().__init__()
            self.article = article
            self.rendered = rendered

    def __init__(self, library: Library, slug: str) -> None:
        super().__init__()
        self.library = library
        self.slug = slug
        self.entry = library.articles[slug]
        self.citation_style = CitationStyle.AUTHOR_YEAR
        self.article: Article | None = None
        self.rendered: RenderedDocument | None = None
        if self.entry.path.stat().st_size <= SYNC_LOAD_BYTES:
            self.article, self.rendered = self.prepare()
        else:
            # A long article: its opening sections now (a few milliseconds), the whole
            # of it from a thread once the first frame is on screen.
            preview = library.article_preview(slug)
            if preview is not None:
                article, share = preview
                self.article = article
                self.rendered = render_document(article, self.citation_style, self.titles, share)

    def prepare(self) -> tuple[Article, RenderedDocument]:
        article = self.library.article(self.slug)
        return article, render_document(article, self.citation_style, self.titles)

    @property
    def titles(self) -> dict[str, str]:
        return {slug: entry.title for slug, entry in self.library.articles.items()}

    def compose(self) -> ComposeResult:
        # A short article is ready now, and goes to the panes as they are made, so the
        # first frame shows it; a long one arrives from the loading thread.
        rendered, article = self.rendered, self.article
        yield TitleBar(id="title-bar")
        with Horizontal(id="panes"):
            yield Outline(rendered.outline if rendered else None, id="outline")
            yield ArticleView(rendered, id="article")
            yield Sidebar(*self.sidebar_entries(article) if article else (None, None), id="sidebar")
        yield StatusLine(id="status")

    def on_mount(self) -> None:
        self.query_one(TitleBar).set_title(self.entry.title)
        self.query_one(Outline).border_title = "Contents"
        view = self.query_one(ArticleView)
        view.border_title = "Article"
        self.query_one(Sidebar).border_title = "Related"
        view.focus()
        if self.rendered is None:
            view.show_placeholder(f"Opening {self.entry.title} ...")
            self.query_one(StatusLine).set_status("Opening ...", f"{DISCLAIMER_SHORT} · ? help")
        if self.rendered is None or self.rendered.partial:
            # After the first frame, so parsing never competes with drawing it.
            self.call_after_refresh(self.load)

    @work(thread=True, exclusive=True, group="load-article")
    def load(self) -> None:
        with background_work():
            self.post_message(self.Loaded(*self.prepare()))

    @on(Loaded)
    def loaded(self, event: Loaded) -> None:
        # The article's objects live as long as the screen: keep the garbage collector
        # from walking them on every full collection (a pause of tens of ms at 4 MB).
        gc.freeze()
        replacing = self.rendered is not None
        self.article, self.rendered = event.article, event.rendered
        view = self.query_one(ArticleView)
        self.query_one(Outline).set_sections(event.rendered.outline, keep_place=replacing)
        if replacing:
            view.replace_document(event.rendered)
        else:
            view.show(event.rendered)
        for line_list, entries in zip(
            (self.query_one(ExerciseList), self.query_one(ReferenceList)),
            self.sidebar_entries(event.article),
            strict=True,
        ):
            # Keep the reader's item highlighted when the whole article replaces its preview.
            chosen = line_list.cursor_id
            index = next((i for i, e in enumerate(entries) if e.id == chosen), 0)
            line_list.set_entries(entries, cursor=index, keep_scroll=replacing)

    def sidebar_entries(self, article: Article) -> tuple[list[ListEntry], list[ListEntry]]:
        cards = [
            (slug, exercise_lines(self.library.exercise_facts(slug)))
            for slug in article.related_exercises
            if slug in self.library.exercises
        ]
        labels = ReferenceLabels.for_document(article)
        references = [
            (ref.id, labels.numbers[ref.id], reference_lines(ref)) for ref in labels.order
        ]
        return ExerciseList.entries_for(cards), ReferenceList.entries_for(references)

    # ------------------------------------------------------------ messages up

    @on(ArticleView.PositionChanged)
    def position_changed(self, event: ArticleView.PositionChanged) -> None:
        if self.rendered is None:
            return
        self.query_one(Outline).mark_current(event.section)
        where = section_status(self.rendered.outline[event.section], self.rendered)
        self.query_one(StatusLine).set_status(
            f"{where} · {event.percent}% read", f"{DISCLAIMER_SHORT} · ? help"
        )

    @on(Outline.SectionSelected)
    def section_selected(self, event: Outline.SectionSelected) -> None:
        view = self.query_one(ArticleView)
        view.goto_section(event.entry)
        view.focus()

    @on(ExerciseList.Selected)
    def exercise_selected(self, event: ExerciseList.Selected) -> None:
        self.post_message(self.OpenExercise(event.slug))

    # ------------------------------------------------------------ actions

    def action_next_section(self) -> None:
        self.query_one(ArticleView).next_section()

    def action_previous_section(self) -> None:
        self.query_one(ArticleView).previous_section()

    def action_back(self) -> None:
        self.dismiss()

    def on_unmount(self) -> None:
        gc.unfreeze()
