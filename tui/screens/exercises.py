"""Every exercise card in one place: filter by kind, impact, equipment and spine cautions
with single keys, find by typing after `/`, and Enter opens the card.

The screen stays on the stack while a card is open, so coming back finds the same
filters, the same highlighted card and the same scroll.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Static

from tui.content.exercise_list import (
    NO_EQUIPMENT,
    SOME_EQUIPMENT,
    CardFilter,
    all_cards,
    counts,
    filtered,
)
from tui.content.library import Library
from tui.content.model import ExerciseFacts
from tui.content.vocab import IMPACTS, KINDS, caution_label
from tui.render.blocks import TextBlock
from tui.screens.lean_compositor import lean_compositor
from tui.widgets.bars import StatusLine, TitleBar
from tui.widgets.line_list import LineList, ListEntry

EQUIPMENT_WORDS = {"": "any", NO_EQUIPMENT: "none needed", SOME_EQUIPMENT: "some needed"}


def _cycle(values: list[str], current: str, step: int) -> str:
    index = values.index(current) if current in values else 0
    return values[(index + step) % len(values)]


def card_entry(facts: ExerciseFacts) -> ListEntry:
    equipment = ", ".join(facts.equipment) or "nothing"
    cautions = ", ".join(caution_label(c) for c in facts.cautions) or "no caution tagged"
    return ListEntry(
        f"card:{facts.slug}",
        [
            TextBlock(facts.title, style="title"),
            TextBlock(
                f"{KINDS.get(facts.kind, facts.kind)} · {IMPACTS.get(facts.impact, facts.impact)}",
                style="meta",
                indent=2,
            ),
            TextBlock(f"Equipment: {equipment}", indent=2),
            TextBlock(f"Take care: {cautions}", indent=2),
        ],
    )


class CardList(LineList):
    HELP_NAME = "Exercise cards"

    # Each card's entry is made once for the screen: its lines are kept by card.
    BLOCKS_FIXED = True


class FindInput(Input):
    HELP_NAME = "Find"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "done", "Back to the list (the words stay)"),
    ]

    def on_mount(self) -> None:
        self.cursor_blink = False

    def action_done(self) -> None:
        self.screen.query_one(CardList).focus()


class ExercisesScreen(Screen[None]):
    HELP_NAME = "Exercise cards"
    HELP_INTRO = (
        "Every exercise card. t and T step through the types, i the impact levels, "
        "e the equipment, s shows only cards without spine cautions; 0 clears every "
        "filter. / finds cards by a word. Enter opens the highlighted card; Escape goes "
        "back. The numbers say how many cards each choice shows."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "kind(1)", "Next type of exercise"),
        Binding("T", "kind(-1)", "Previous type of exercise"),
        Binding("i", "impact(1)", "Next impact level"),
        Binding("I", "impact(-1)", "Previous impact level"),
        Binding("e", "equipment", "Equipment: any, none needed, some needed"),
        Binding("s", "spine", "Only cards without spine cautions (on or off)"),
        Binding("0", "clear", "Clear every filter"),
        Binding("slash", "find", "Find a card by a word"),
        Binding("escape,q", "back", "Back"),
    ]

    AUTO_FOCUS = "#card-list"

    # Textual repaints the whole screen when the focus moves (/ and Esc, between the
    # find line and the list); the two repaint themselves as they are restyled.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    class OpenCard(Message):
        def __init__(self, slug: str) -> None:
            super().__init__()
            self.slug = slug

    def __init__(self, library: Library) -> None:
        super().__init__()
        lean_compositor(self)
        self.library = library
        self.cards = all_cards(library)
        # Made once: a filter lists some of them again, drawn from the lines kept.
        self.entries = {facts.slug: card_entry(facts) for facts in self.cards}
        self.rule = CardFilter()

    def compose(self) -> ComposeResult:
        yield TitleBar(id="title-bar")
        yield Static(id="card-filters", markup=False)
        yield FindInput(placeholder="Find a card (press / first)", id="card-find")
        yield CardList(id="card-list")
        yield StatusLine("Enter opens · t i e s filter · ? help", "? help", id="status")

    def on_mount(self) -> None:
        self.query_one(TitleBar).set_title("Exercise cards")
        self.query_one(CardList).border_title = "Exercise cards"
        self.show()

    # ------------------------------------------------------------ showing

    def filter_text(self) -> str:
        rule = self.rule
        kinds = counts(self.library, self.cards, rule, "kind")
        impacts = counts(self.library, self.cards, rule, "impact")
        kind = f"{KINDS[rule.kind]} ({kinds[rule.kind]})" if rule.kind else "any"
        impact = f"{IMPACTS[rule.impact]} ({impacts[rule.impact]})" if rule.impact else "any"
        spine = "only without spine cautions" if rule.no_spine_cautions else "all"
        words = f' · Find: "{rule.words}"' if rule.words else ""
        return (
            f"Type (t): {kind} · Impact (i): {impact} · "
            f"Equipment (e): {EQUIPMENT_WORDS.get(rule.equipment, rule.equipment)} · "
            f"Spine (s): {spine}{words}"
        )

    def show(self) -> None:
        shown = filtered(self.library, self.cards, self.rule)
        card_list = self.query_one(CardList)
        keep = card_list.cursor_id
        entries = [self.entries[facts.slug] for facts in shown]
        if not entries:
            entries = [
                ListEntry(
                    "", [TextBlock("No card matches these filters. 0 clears them.")], enabled=False
                )
            ]
        card_list.set_entries(entries)
        if keep is not None and (index := card_list.index_of(keep)) is not None:
            card_list.move_cursor(index)
        self._show_filters(Text(self.filter_text()))
        total = len(self.cards)
        count = f"{len(shown)} of {total} cards" if len(shown) != total else f"{total} cards"
        if self.rule.no_spine_cautions:
            count += " (from the cards' own tags: ask your clinician what is safe for you)"
        self.query_one(StatusLine).set_status(count)

    def _show_filters(self, text: Text) -> None:
        line = self.query_one("#card-filters", Static)
        line.update(text, layout=False)
        # Laid out again only when the line wraps onto more or fewer rows (its height
        # as Textual works it out): a layout costs this screen about half a frame.
        width = line.content_region.width
        if not width or line.get_content_height(line.size, line.size, width) != line.size.height:
            line.refresh(layout=True)

    def set_rule(self, **changes: Any) -> None:
        rule = replace(self.rule, **changes)
        if rule != self.rule:  # Enter or 0 can say again what the find line said
            self.rule = rule
            self.show()

    # ------------------------------------------------------------ keys

    def action_kind(self, step: int) -> None:
        self.set_rule(kind=_cycle(["", *KINDS], self.rule.kind, step))

    def action_impact(self, step: int) -> None:
        self.set_rule(impact=_cycle(["", *IMPACTS], self.rule.impact, step))

    def action_equipment(self) -> None:
        self.set_rule(equipment=_cycle(list(EQUIPMENT_WORDS), self.rule.equipment, 1))

    def action_spine(self) -> None:
        self.set_rule(no_spine_cautions=not self.rule.no_spine_cautions)

    def action_clear(self) -> None:
        self.query_one(FindInput).value = ""
        self.rule = CardFilter()
        self.show()

    def action_find(self) -> None:
        self.query_one(FindInput).focus()

    def action_back(self) -> None:
        self.dismiss()

    @on(Input.Changed, "#card-find")
    def find_changed(self, event: Input.Changed) -> None:
        self.set_rule(words=event.value.strip())

    @on(Input.Submitted, "#card-find")
    def find_submitted(self) -> None:
        self.query_one(CardList).focus()

    @on(LineList.Selected, "#card-list")
    def card_chosen(self, event: LineList.Selected) -> None:
        event.stop()
        kind, _, slug = event.entry_id.partition(":")
        if kind == "card":
            self.post_message(self.OpenCard(slug))
