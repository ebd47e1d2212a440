"""An article in the linear mode: parts, related exercises, bookmarks, the saved place."""

from __future__ import annotations

from tui.content.model import Article
from tui.linear.card import read_card
from tui.linear.glossary import term_index
from tui.linear.reading import Reading, Request, Session
from tui.render.blocks import RenderedDocument
from tui.render.document import render_document
from tui.render.labels import CitationStyle
from tui.render.plain import PlainSection, exercise_line, plain_sections
from tui.render.summaries import next_in_path, related_exercise_facts


def part_key(section: PlainSection, index: int) -> str:
    """What the reader types for a part: its section number, 0 for the overview."""
    if section.number:
        return section.number
    if index == 0:
        return "0"
    return section.title.split()[0].lower()  # "notes", "related"


def share_before(rendered: RenderedDocument, block: int) -> int:
    """The share of the text in the blocks before *block*, as a whole percentage below
    100. Characters are weighed as the full-screen reader weighs what it has shown
    (tui.render.progress), so a place saved here reopens there at the same share."""
    weights = [max(1, len(each.text)) for each in rendered.blocks]
    total = sum(weights)
    if not total:
        return 0
    return min(99, sum(weights[:block]) * 100 // total)


class ArticleReading(Reading):
    MENU = "article"

    def __init__(self, session: Session, slug: str) -> None:
        library = session.library
        article = library.article(slug)
        titles = {s: entry.title for s, entry in library.articles.items()}
        terms = term_index(library.root)
        rendered = render_document(article, CitationStyle.NUMERIC, titles, terms=terms)
        parts = plain_sections(rendered)
        super().__init__(
            session, article, rendered, parts, [part_key(p, i) for i, p in enumerate(parts)]
        )
        self.article: Article = article
        self.slug = slug
        self.exercises = related_exercise_facts(library, article)
        self.next_reading = next_in_path(library, slug)

    def choices(self) -> str:
        following = "; n the next article in your path" if self.next_reading else ""
        return (
            "In an article: Enter reads the next part; a part's number goes to it (0 is the "
            "overview); l lists the parts; e related exercises; r references; f notes; "
            f"m bookmarks this part; b your bookmarks; g the glossary; s search{following}; "
            "q back to the library."
        )

    # ------------------------------------------------------------ opening

    def open(self, entry: int | None = None, block: int | None = None) -> Request | None:
        state = self.session.state
        self.session.write(lambda: state.record_visit(self.slug), "this visit")
        self.console.say("", self.article.title)
        self.contents()
        if entry is not None:
            index = self.part_of_entry(entry)
            if index is None:
                self.references()  # a search hit in the reference list
            else:
                self.read_part(index)
        elif block is not None:
            self.read_part(self.part_at(block))
        else:
            saved = state.position(self.slug)
            if saved is not None and 0 < saved.percent < 100:
                index = self.part_at(saved.block)
                self.following = index
                self.current = index
                self.console.say(
                    f"You stopped at {self.parts[index].heading} ({saved.percent}% read): "
                    "Enter reads on from there, 0 starts at the overview."
                )
        return self.loop()

    def part_read(self, index: int) -> None:
        """Save the place as the full-screen reader does: the part to read next, and
        the share of the article's text up to the end of this part."""
        last = index + 1 >= len(self.parts)
        after = self.parts[index if last else index + 1]
        percent = 100 if last else share_before(self.rendered, after.block)
        self.session.write(
            lambda: self.session.state.save_position(
                self.slug, after.block, 0, after.label, percent
            ),
            "your place",
        )
        if last and self.next_reading is not None:
            path_title, _, title = self.next_reading
            self.console.say(f'Next in your path "{path_title}": {title}. Type n to read it.')

    # ------------------------------------------------------------ letters

    def command(self, command: str) -> Request | bool:
        if command == "e":
            return self.related_exercises()
        if command == "m":
            self.bookmark()
            return True
        if command == "b":
            return Request("bookmarks")
        if command == "s":
            return Request("search")
        if command == "n":
            if self.next_reading is None:
                self.console.say("This article is not on a reading path, or it is the last.")
                return True
            return Request("article", self.next_reading[1])
        return False

    def related_exercises(self) -> bool:
        if not self.exercises:
            self.console.say("This article lists no related exercises.")
            return True
        self.console.say("", f"Related exercises ({len(self.exercises)}):")
        self.console.say(*(exercise_line(n, f) for n, f in enumerate(self.exercises, start=1)))
        while True:
            answer = self.console.ask("An exercise's number opens its card; Enter goes back.")
            if not answer:
                return True
            chosen = self.console.pick(answer, len(self.exercises))
            if chosen is not None:
                read_card(self.session, self.exercises[chosen].slug)
                self.console.say(
                    "", f"Back in {self.article.title}, at {self.parts[self.current].heading}."
                )
                return True

    def bookmark(self) -> None:
        state = self.session.state
        if not state.enabled:
            self.console.say("Bookmarks are off: the reading state file could not be used.")
            return
        part = self.parts[self.current]
        note = self.console.ask(f"Bookmark {part.heading}. Type a note, or just Enter for none.")
        saved = self.session.write(
            lambda: state.add_bookmark(self.slug, part.block, 0, part.label, note), "the bookmark"
        )
        if saved:
            self.console.say(f"Bookmarked {part.heading}. b lists your bookmarks.")


def read_article(
    session: Session, slug: str, entry: int | None = None, block: int | None = None
) -> Request | None:
    return ArticleReading(session, slug).open(entry, block)
