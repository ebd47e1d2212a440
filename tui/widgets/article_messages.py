"""What the article view tells its screen. Each message carries the view as its
`control`, so a screen with two views can answer one with `@on(Message, "#id")`.

They are reached as `ArticleView.PositionChanged` and so on; the namespace keeps the
handler names (`on_article_view_position_changed`) those of the view.
"""

from __future__ import annotations

from textual.message import Message
from textual.widget import Widget

from tui.render.layout import Layout


class ViewMessage(Message, namespace="article_view"):
    """A message from an article view, which is its control."""

    def __init__(self, view: Widget) -> None:
        super().__init__()
        self.view = view

    @property
    def control(self) -> Widget:
        return self.view


class PositionChanged(ViewMessage, namespace="article_view"):
    """The view moved: the outline entry at its top and how far the reader is.

    *moved* is False when only the percentage changed (the pane was resized);
    *top_line* is the line the view had moved to when this was sent.
    """

    def __init__(
        self, view: Widget, section_index: int, percent: int, top_line: int, moved: bool
    ) -> None:
        super().__init__(view)
        self.section_index = section_index
        self.percent = percent
        self.top_line = top_line
        self.moved = moved


class AnchorChosen(ViewMessage, namespace="article_view"):
    """Enter ("follow") or y ("copy") on the focused citation, note or link.

    *kind* is None when nothing is focused, so the screen can say how to reach one.
    """

    def __init__(
        self, view: Widget, kind: str | None, targets: tuple[str, ...], action: str
    ) -> None:
        super().__init__(view)
        self.kind = kind
        self.targets = targets
        self.action = action


class CitationStyleToggled(ViewMessage, namespace="article_view"):
    """The reader asked for the other citation style."""


class ReadingWidthChanged(ViewMessage, namespace="article_view"):
    """The reader made the reading column wider or narrower; *shown* is the width the
    window lets the column have now, which may be less."""

    def __init__(self, view: Widget, width: int, shown: int | None = None) -> None:
        super().__init__(view)
        self.width = width
        self.shown = width if shown is None else shown

    @property
    def report(self) -> str:
        """What to tell the reader, honest about a window too narrow for the width."""
        if self.shown < self.width:
            return (
                f"Reading width {self.width} columns, but the window allows at most "
                f"{self.shown} columns here."
            )
        return f"Reading width: {self.width} columns."


class SearchReport(ViewMessage, namespace="article_view"):
    """Where a move between search matches landed ("Match 3 of 12"), to be shown."""

    def __init__(self, view: Widget, text: str) -> None:
        super().__init__(view)
        self.text = text


class ReadAloud(ViewMessage, namespace="article_view"):
    """The reader asked to hear the current section."""

    def __init__(self, view: Widget, text: str) -> None:
        super().__init__(view)
        self.text = text


class SearchRequested(ViewMessage, namespace="article_view"):
    """/: search in this article."""


class BookmarkRequested(ViewMessage, namespace="article_view"):
    """m: bookmark the top of the view."""


class BookmarksRequested(ViewMessage, namespace="article_view"):
    """': show the bookmarks."""


class LaidOut(ViewMessage, namespace="article_view"):
    """The background layout has grown (or finished) for *layout*."""

    def __init__(self, view: Widget, layout: Layout) -> None:
        super().__init__(view)
        self.layout = layout
