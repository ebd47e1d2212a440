"""The reader: outline, article and sidebar, with a status line."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen

from tui.content import Article, Library
from tui.content.vocab import DISCLAIMER_SHORT
from tui.render.blocks import OutlineEntry
from tui.render.document import render_document
from tui.render.labels import CitationStyle, ReferenceLabels
from tui.render.references import reference_lines
from tui.render.summaries import exercise_lines
from tui.widgets.article_view import ArticleView
from tui.widgets.bars import StatusLine, TitleBar
from tui.widgets.outline import Outline
from tui.widgets.sidebar import ExerciseList, ReferenceList, Sidebar


def section_status(entry: OutlineEntry, count: int) -> str:
    """ "Section 2 of 6" inside numbered sections (and their subsections), else the part's name."""
    if entry.number:
        return f"Section {entry.number.split('.')[0]} of {count}"
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

    def __init__(self, library: Library, article: Article) -> None:
        super().__init__()
        self.library = library
        self.article = article
        self.citation_style = CitationStyle.AUTHOR_YEAR
        titles = {slug: entry.title for slug, entry in library.articles.items()}
        self.rendered = render_document(article, self.citation_style, titles)

    def compose(self) -> ComposeResult:
        yield TitleBar(id="title-bar")
        with Horizontal(id="panes"):
            yield Outline(id="outline")
            yield ArticleView(id="article")
            yield Sidebar(id="sidebar")
        yield StatusLine(id="status")

    def on_mount(self) -> None:
        self.query_one(TitleBar).set_title(self.article.title)
        outline = self.query_one(Outline)
        outline.border_title = "Contents"
        outline.set_entries(self.rendered.outline)
        view = self.query_one(ArticleView)
        view.border_title = "Article"
        view.show(self.rendered)
        self.query_one(Sidebar).border_title = "Related"
        self.fill_sidebar()
        view.focus()

    def fill_sidebar(self) -> None:
        cards = []
        for slug in self.article.related_exercises:
            if slug in self.library.exercises:
                cards.append((slug, exercise_lines(self.library.exercise(slug))))
        self.query_one(ExerciseList).set_exercises(cards)
        labels = ReferenceLabels.for_document(self.article)
        self.query_one(ReferenceList).set_references(
            [(ref.id, labels.numbers[ref.id], reference_lines(ref)) for ref in labels.order]
        )

    # ------------------------------------------------------------ messages up

    @on(ArticleView.PositionChanged)
    def position_changed(self, event: ArticleView.PositionChanged) -> None:
        self.query_one(Outline).mark_current(event.section)
        self.update_status(event.section, event.percent)

    def update_status(self, section: int, percent: int) -> None:
        where = section_status(self.rendered.outline[section], self.rendered.section_count)
        self.query_one(StatusLine).set_status(
            f"{where} · {percent}% read", f"{DISCLAIMER_SHORT} · ? help"
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
