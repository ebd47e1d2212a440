"""The reader's article text: loaded (a long one from a thread, after its preview),
shown with its outline and sidebar, and shown again in another citation style (a
long one rendered and laid out in a thread), with what a search found."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from textual import on, work
from textual.message import Message

from tui.content import Article, Library
from tui.render.blocks import OutlineEntry, RenderedDocument, keep_unchanged_blocks
from tui.render.find import Match, matches_per_section
from tui.render.labels import CitationStyle, ReferenceLabels
from tui.render.layout import Layout
from tui.render.position import ReadingPosition
from tui.render.references import reference_lines
from tui.render.summaries import exercise_lines, related_exercise_facts
from tui.screens.article_source import ArticleSource
from tui.screens.reader_find import FindInLongArticle, collect_young
from tui.threads import background_work
from tui.widgets.line_list import ListEntry, PreparedEntries
from tui.widgets.outline import Outline
from tui.widgets.outline_rows import DrawnRows
from tui.widgets.sidebar import ExerciseList, ReferenceList

# Articles up to this size parse within a frame: they are shown in the first frame,
# with no "Opening" step; longer ones are parsed in a thread.
SYNC_LOAD_BYTES = 64 * 1024


@dataclass(frozen=True)
class ShownBefore:
    """A long article's whole rendering in the other citation style, as c left it."""

    article: Article
    style: CitationStyle
    rendered: RenderedDocument
    layout: Layout | None  # complete, at the width it was shown at (if it was)
    outline_kept: bool | None  # its outline is the one of the rendering shown now


class ReaderText(FindInLongArticle):
    """The article the reader screen shows, and the panes that follow its text."""

    library: Library
    source: ArticleSource
    article: Article | None
    start_section: int | None
    highlight: str
    # The style of the whole rendering shown (None: a preview, or not known).
    shown_style: CitationStyle | None = None
    # The rendering c left: c again shows it at once, not rendered and laid out again
    # (a second or more of a thread, and the UI's share of it, on a 4 MB article).
    shown_before: ShownBefore | None = None

    class Loaded(Message, bubble=False):
        """The whole article, parsed and rendered (from the loading thread)."""

        def __init__(
            self, article: Article, rendered: RenderedDocument, style: CitationStyle
        ) -> None:
            super().__init__()
            self.article = article
            self.rendered = rendered
            self.style = style

    def show_search_result(self) -> None:
        """Opened from a search: go to the section and highlight the words there."""
        if self.start_section is None or self.rendered is None:
            return
        view = self.view
        view.goto_section(self.start_section)
        if self.highlight and (matches := self.search_for(self.highlight, any_term=True)):
            self.search_line.value = self.highlight  # so n, N and / carry on from it
            self.view.escape_clears_matches = False  # Esc goes back to the results
            entry = self.rendered.outline[min(self.start_section, len(self.rendered.outline) - 1)]
            first = view.first_match_from(ReadingPosition(entry.block, 0))
            if first is not None and matches[first].block >= entry.block:
                view.goto_match(first)
        if not self.rendered.partial:
            self.start_section = None

    @work(thread=True, exclusive=True, group="load-article")
    def load(self) -> None:
        with background_work():
            style = self.citation_style
            self.post_message(self.Loaded(*self.source.whole(style), style))

    class Restyled(Message, bubble=False):
        """The article rendered and laid out in another citation style (from a thread)."""

        def __init__(
            self,
            article: Article,
            rendered: RenderedDocument,
            layout: Layout,
            style: CitationStyle,
            compared: list[OutlineEntry],
            outline_kept: bool,
        ) -> None:
            super().__init__()
            self.article = article
            self.rendered = rendered
            self.layout = layout
            self.style = style
            # The outline it was compared with (the one shown then), and the answer.
            self.compared = compared
            self.outline_kept = outline_kept

    @on(Loaded)
    def loaded(self, event: Loaded) -> None:
        self.shown_before, self.shown_style = None, event.style
        self.show_rendered(event.article, event.rendered)
        if event.style is not self.citation_style:
            self.rerender()  # c was pressed while the article was loading
        if self.search_line.value:
            # Again on the whole article, not the preview.
            self.search_for(self.search_line.value, any_term=self.highlight != "")
        self.show_search_result()

    def show_rendered(
        self,
        article: Article,
        rendered: RenderedDocument,
        layout: Layout | None = None,
        outline_kept: bool | None = None,
        settle: bool = True,
    ) -> None:
        """Show a (new rendering of the) article, keeping the reader's place if any;
        *layout*: the rendering laid out already (off the UI thread); *outline_kept*:
        its outline is the one shown (compared there too), when known; *settle*: the
        rendering replaced may be let go (see ArticleViewport.replace_document)."""
        replacing = self.rendered is not None
        same_article = article is self.article
        if outline_kept is None:
            outline_kept = self.rendered is not None and self.rendered.outline == rendered.outline
        self.article, self.rendered = article, rendered
        if not outline_kept:
            self.own_widgets.one(Outline).set_sections(rendered.outline, keep_place=replacing)
        if replacing:
            self.view.replace_document(rendered, layout, settle=settle)
        else:
            self.view.show(rendered)
        if same_article:
            return  # the sidebar shows the article's references and exercises, not its text
        for line_list, entries in zip(
            (self.query_one(ExerciseList), self.query_one(ReferenceList)),
            self.sidebar_entries(article),
            strict=True,
        ):
            # Keep the reader's item highlighted when the whole article replaces its preview.
            chosen = line_list.cursor_id
            index = next((i for i, e in enumerate(entries) if e.id == chosen), 0)
            line_list.set_entries(entries, cursor=index, keep_scroll=replacing)

    def matches_changed(self, matches: Sequence[Match]) -> None:
        if self.rendered is not None:
            self.own_widgets.one(Outline).set_match_counts(
                matches_per_section(self.rendered, matches)
            )

    def outline_width(self) -> int:
        return self.own_widgets.one(Outline).text_width

    def show_match_counts(
        self,
        counts: Mapping[int, int],
        outline: PreparedEntries,
        rows: DrawnRows | None = None,
    ) -> None:
        self.own_widgets.one(Outline).set_match_counts(counts, outline, rows)

    def sidebar_entries(self, article: Article) -> tuple[list[ListEntry], list[ListEntry]]:
        cards = [
            (facts.slug, exercise_lines(facts, article.suggested_exercises))
            for facts in related_exercise_facts(self.library, article)
        ]
        labels = ReferenceLabels.for_document(article)
        references = [
            (ref.id, labels.numbers[ref.id], reference_lines(ref)) for ref in labels.order
        ]
        return ExerciseList.entries_for(cards), ReferenceList.entries_for(references)

    def render_article(self, article: Article, share: float | None = None) -> RenderedDocument:
        return self.source.render(article, self.citation_style, share)

    def rerender(self) -> None:
        # A long article takes longer than a frame to render and lay out: both are done
        # in a thread, and the result replaces the text shown when it is ready.
        if self.article is None or self.rendered is None:
            return
        share = self.rendered.share if self.rendered.partial else None
        if self.short:
            # A short one is ready within the frame, as when it opened.
            rendered = self.render_article(self.article, share)
            keep_unchanged_blocks(self.rendered, rendered)
            self.show_rendered(self.article, rendered)
        elif not self.show_before():
            shown = self.rendered
            self.restyle(self.article, self.citation_style, share, self.view.wrap_width, shown)

    def keep_shown(self, outline_kept: bool | None) -> None:
        """Keep the whole rendering shown (and its layout, if complete) for c back."""
        rendered, style, layout = self.rendered, self.shown_style, self.view.text_layout
        if self.article is None or rendered is None or rendered.partial or style is None:
            self.shown_before = None
            return
        if layout is not None and (layout.source is not rendered or not layout.complete):
            layout = None
        self.shown_before = ShownBefore(self.article, style, rendered, layout, outline_kept)

    def show_before(self) -> bool:
        """Show the rendering c left, if it is the one wanted now (True when shown)."""
        before, style = self.shown_before, self.citation_style
        if (
            before is None
            or self.rendered is None
            or self.rendered.partial
            or before.article is not self.article
            or before.style is not style
            or self.shown_style is not style.other
        ):
            return False
        self.keep_shown(before.outline_kept)
        layout = before.layout
        if layout is not None and layout.width != self.view.wrap_width:
            layout = None  # the view lays it out at its width, as after + or -
        self.shown_style = style
        # Nothing becomes garbage: the rendering replaced is kept in its turn.
        self.show_rendered(before.article, before.rendered, layout, before.outline_kept, False)
        return True

    # A description, so starting it never writes out the whole article (its repr).
    @work(thread=True, exclusive=True, group="restyle-article", description="restyle")
    def restyle(
        self,
        article: Article,
        style: CitationStyle,
        share: float | None,
        width: int,
        shown: RenderedDocument,
    ) -> None:
        with background_work():
            rendered = self.source.render(article, style, share)
            # The blocks with no citation are the ones shown: their lines stay drawn.
            keep_unchanged_blocks(shown, rendered)
            outline = shown.outline
            layout = Layout(rendered, width)
            layout.extend()
            # Compared here, not as it lands: thousands of sections in a long article
            # (a heading may hold a citation, so the outline can change with the style).
            kept = rendered.outline == outline
            collect_young()
            self.post_message(self.Restyled(article, rendered, layout, style, outline, kept))

    @on(Restyled)
    def restyled(self, event: Restyled) -> None:
        # A newer text (the whole article after its preview) or style wins.
        if event.article is self.article and event.style is self.citation_style:
            # The thread's answer holds if the outline it compared with is still shown.
            shown = self.rendered.outline if self.rendered is not None else None
            kept = event.outline_kept if event.compared is shown else None
            self.keep_shown(kept)
            self.shown_style = event.style
            self.show_rendered(event.article, event.rendered, event.layout, kept)
