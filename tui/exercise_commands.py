"""`wellread exercises` and `wellread handout`: the exercise cards as a list and on paper."""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from tui.content.exercise_list import (
    NO_EQUIPMENT,
    SOME_EQUIPMENT,
    CardFilter,
    all_cards,
    as_json_record,
    filtered,
)
from tui.content.vocab import IMPACTS, KINDS, caution_label

if TYPE_CHECKING:
    from tui.cli import Context


def exercises_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--kind", choices=sorted(KINDS), help="only cards of this kind")
    parser.add_argument("--impact", choices=list(IMPACTS), help="only cards of this impact")
    parser.add_argument(
        "--equipment",
        metavar="WHAT",
        help=f"'{NO_EQUIPMENT}', '{SOME_EQUIPMENT}', or a word such as chair or band",
    )
    parser.add_argument(
        "--no-spine-cautions",
        action="store_true",
        help="only cards tagged with none of: bends or twists the spine, high impact, heavy load",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")


def cmd_exercises(context: Context) -> int:
    args, library, out = context.args, context.library, context.out
    rule = CardFilter(
        kind=args.kind or "",
        impact=args.impact or "",
        equipment=(args.equipment or "").strip(),
        no_spine_cautions=args.no_spine_cautions,
    )
    cards = filtered(library, all_cards(library), rule)
    if args.format == "json":
        records = [as_json_record(f, library.exercises[f.slug].summary) for f in cards]
        out.write(json.dumps(records, ensure_ascii=False, indent=2, allow_nan=False) + "\n")
        return 0
    if not cards:
        print("No exercise card matches.", file=out)
        return 1
    for facts in cards:
        equipment = ", ".join(facts.equipment) or "nothing"
        cautions = ", ".join(caution_label(c) for c in facts.cautions) or "none tagged"
        print(f"{facts.slug}\t{facts.title}", file=out)
        print(
            f"\t{KINDS.get(facts.kind, facts.kind)} · {IMPACTS.get(facts.impact, facts.impact)}"
            f" · equipment: {equipment} · take care: {cautions}",
            file=out,
        )
    return 0


def handout_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("cards", nargs="*", metavar="CARD", help="exercise card slugs")
    parser.add_argument("--mine", action="store_true", help="the cards in My exercises")
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write to FILE (default: print it)"
    )
    parser.add_argument(
        "--format",
        choices=("html", "md", "txt"),
        default=None,
        help="html, md or txt (default: from FILE's ending, else txt)",
    )
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")


def _format_for(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    if args.output is not None:
        suffix = args.output.suffix.lower().lstrip(".")
        return {"htm": "html", "html": "html", "md": "md", "markdown": "md"}.get(suffix, "txt")
    return "txt"


def cmd_handout(context: Context) -> int:
    from tui.render.handout import HandoutCard, handout

    args, library, err = context.args, context.library, context.err
    chosen: list[HandoutCard] = []
    if args.mine:
        from tui.state import StateStore

        store = StateStore(library.root)
        for mine in store.my_exercises():
            if mine.slug in library.exercises:
                chosen.append(HandoutCard(library.exercise(mine.slug), mine.note, mine.dose))
        store.close()
        if not chosen:
            print(
                "wellread: My exercises is empty; add cards from the app or the linear mode.",
                file=err,
            )
            return 1
    for slug in args.cards:
        if slug not in library.exercises:
            print(f"wellread: no exercise card called '{slug}'", file=err)
            close = difflib.get_close_matches(slug, list(library.exercises), n=3)
            if close:
                print("Did you mean: " + ", ".join(close) + "?", file=err)
            return 2
        chosen.append(HandoutCard(library.exercise(slug)))
    if not chosen:
        print(
            "wellread: name one or more cards, or --mine ('wellread exercises' lists them)",
            file=err,
        )
        return 2
    text = handout(chosen, _format_for(args), dt.date.today())
    if args.output is None:
        context.out.write(text)
        return 0
    return write_new_file(args.output, text, args.force, context)


def write_new_file(path: Path, text: str, force: bool, context: Context) -> int:
    """Write *text* to *path* whole or not at all; never replace a file unless asked."""
    if path.is_dir():
        print(f"wellread: {path} is a folder; name a file", file=context.err)
        return 2
    if path.exists() and not force:
        print(f"wellread: {path} exists; add --force to replace it", file=context.err)
        return 1
    temporary = path.with_name(f".{path.name}.wellread-tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        print(f"wellread: could not write {path}: {error.strerror}", file=context.err)
        return 1
    print(f"Wrote {path.resolve()}", file=context.out)
    return 0
