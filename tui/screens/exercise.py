"""An exercise card, full screen: how to do it, dose, cautions, references."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen

from tui.content import Exercise
from tui.content.vocab import DISCLAIMER_SHORT
from tui.render.document import render_document
from tui.widgets.article_view import ArticleView
from tui.widgets.bars import StatusLine, TitleBar


class ExerciseScreen(Screen[None]):
    HELP_NAME = "Exercise card"
    HELP_INTRO = "An exercise card. Escape goes back to the article, where you were."

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right_square_bracket", "next_section", "Next section"),
        Binding("left_square_bracket", "previous_section", "Previous section"),
        Binding("escape,q", "back", "Back to the article"),
    ]

    def __init__(self, exercise: Exercise) -> None:
        super().__init__()
        self.exercise = exercise
        self.rendered = render_document(exercise)

    def compose(self) -> ComposeResult:
        yield TitleBar(id="title-bar")
        yield ArticleView(id="card")
        yield StatusLine(id="status")

    def on_mount(self) -> None:
        self.query_one(TitleBar).set_title(f"Exercise: {self.exercise.title}")
        view = self.query_one(ArticleView)
        view.border_title = "Exercise card"
        view.show(self.rendered)
        view.focus()

    def on_article_view_position_changed(self, event: ArticleView.PositionChanged) -> None:
        entry = self.rendered.outline[event.section]
        self.query_one(StatusLine).set_status(
            f"{entry.label} · {event.percent}% read", f"{DISCLAIMER_SHORT} · ? help"
        )

    def action_next_section(self) -> None:
        self.query_one(ArticleView).next_section()

    def action_previous_section(self) -> None:
        self.query_one(ArticleView).previous_section()

    def action_back(self) -> None:
        self.dismiss()
