"""Handouts: chosen exercise cards as one document to print, send or keep.

Three forms share one reading order, the linear mode's: each card's facts, then its
cautions, who should skip it and when to stop and get help, then how to do it, the dose,
the easier and harder versions, and the references. HTML is one self-contained file (no
scripts, no fonts or images fetched) with print styles: large type, black on white, one
card a page. Every string from a card or a note is escaped for the form it goes into.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

from tui.content.model import Exercise
from tui.content.vocab import DISCLAIMER
from tui.render.plain import PlainSection
from tui.render.plain_cards import SAFETY_FIRST, card_parts

FORMATS = ("html", "md", "txt")
_ORDERED = re.compile(r"^(\d{1,3})\.\s+(.*)$")
_URL = re.compile(r"https://doi\.org/[^\s<>\"]+|https?://[^\s<>\"]+")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


@dataclass(frozen=True)
class HandoutCard:
    exercise: Exercise
    note: str = ""  # the reader's own words: who suggested it, how often
    dose: str = ""


def _date_line(today: dt.date) -> str:
    return f"Printed from wellread on {today.day} {today:%B %Y}."


def _is_safety(part: PlainSection) -> bool:
    return " ".join(part.title.casefold().split()) in SAFETY_FIRST


# ------------------------------------------------------------------ plain text


def handout_text(cards: list[HandoutCard], today: dt.date) -> str:
    lines: list[str] = ["Exercise handout", "", DISCLAIMER, "", _date_line(today)]
    for card in cards:
        lines += ["", "", f"Exercise: {card.exercise.title}", ""]
        if card.note or card.dose:
            lines.append("Your note")
            if card.dose:
                lines.append(f"Dose for you: {card.dose}")
            if card.note:
                lines.append(card.note)
            lines.append("")
        for index, part in enumerate(card_parts(card.exercise)):
            if index:
                lines += ["", part.heading, ""]
            lines += part.lines
    lines += ["", "", DISCLAIMER, ""]
    return "\n".join(lines)


# ------------------------------------------------------------------ Markdown


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def handout_markdown(cards: list[HandoutCard], today: dt.date) -> str:
    out: list[str] = [
        "# Exercise handout",
        "",
        f"**{_md(DISCLAIMER)}**",
        "",
        _md(_date_line(today)),
    ]
    for card in cards:
        out += ["", f"## {_md(card.exercise.title)}", ""]
        if card.dose:
            out += [f"**Dose for you:** {_md(card.dose)}", ""]
        if card.note:
            out += [f"**Your note:** {_md(card.note)}", ""]
        for index, part in enumerate(card_parts(card.exercise)):
            if index:
                out += ["", f"### {_md(part.heading)}", ""]
            for line in part.lines:
                if line.startswith("- "):
                    out.append("- " + _md(line[2:]))
                elif match := _ORDERED.match(line):
                    out.append(f"{match.group(1)}. {_md(match.group(2))}")
                else:
                    out.append(_md(line))
    out += ["", f"**{_md(DISCLAIMER)}**", ""]
    return "\n".join(out)


# ------------------------------------------------------------------ HTML

_CSS = """
body { font-family: Georgia, "Times New Roman", serif; font-size: 16pt; line-height: 1.45;
       color: #000; background: #fff; max-width: 40em; margin: 1.5em auto; padding: 0 1em; }
h1 { font-size: 24pt; } h2 { font-size: 21pt; margin-top: 1.5em; } h3 { font-size: 17pt; }
.disclaimer { border: 3px solid #000; padding: 0.5em 0.75em; font-weight: bold; }
.safety { border: 4px solid #000; padding: 0.25em 0.75em; margin: 1em 0; }
.note { border-left: 6px solid #000; padding-left: 0.75em; }
a { color: #000; text-decoration: underline; word-break: break-all; }
li { margin: 0.25em 0; }
@media print {
  body { font-size: 14pt; max-width: none; margin: 0; }
  h1 { font-size: 20pt; } h2 { font-size: 18pt; } h3 { font-size: 15pt; }
  .card { break-before: page; page-break-before: always; }
  .card:first-of-type { break-before: auto; page-break-before: auto; }
  .safety, li { break-inside: avoid; page-break-inside: avoid; }
}
"""


def _linked(text: str) -> str:
    """Escaped text with its web addresses as links (only the cards' references have any)."""
    out: list[str] = []
    last = 0
    for match in _URL.finditer(text):
        out.append(html.escape(text[last : match.start()]))
        url = match.group(0).rstrip(".,;)")
        out.append(f'<a href="{html.escape(url, quote=True)}">{html.escape(url)}</a>')
        last = match.start() + len(url)
    out.append(html.escape(text[last:]))
    return "".join(out)


def _html_lines(lines: list[str]) -> Iterator[str]:
    kind = ""
    for line in [*lines, ""]:
        item = line[2:] if line.startswith("- ") else None
        ordered = _ORDERED.match(line)
        wanted = "ul" if item is not None else "ol" if ordered else ""
        if wanted != kind:
            if kind:
                yield f"</{kind}>"
            if wanted:
                yield f"<{wanted}>"
            kind = wanted
        if item is not None:
            yield f"<li>{_linked(item)}</li>"
        elif ordered:
            yield f"<li>{_linked(ordered.group(2))}</li>"
        elif line.strip():
            yield f"<p>{_linked(line)}</p>"


def handout_html(cards: list[HandoutCard], today: dt.date) -> str:
    titles = ", ".join(card.exercise.title for card in cards)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Exercise handout: {html.escape(titles)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        "<h1>Exercise handout</h1>",
        f'<p class="disclaimer">{html.escape(DISCLAIMER)}</p>',
        f"<p>{html.escape(_date_line(today))}</p>",
        "</header>",
    ]
    for card in cards:
        out.append(f'<section class="card"><h2>{html.escape(card.exercise.title)}</h2>')
        if card.note or card.dose:
            out.append('<div class="note"><h3>Your note</h3>')
            if card.dose:
                out.append(f"<p><strong>Dose for you:</strong> {html.escape(card.dose)}</p>")
            if card.note:
                out.append(f"<p>{html.escape(card.note)}</p>")
            out.append("</div>")
        parts = card_parts(card.exercise)
        out.extend(_html_lines(parts[0].lines) if parts else [])
        safety = [p for p in parts[1:] if _is_safety(p)]
        if safety:
            out.append('<div class="safety">')
            for part in safety:
                out.append(f"<h3>{html.escape(part.heading)}</h3>")
                out.extend(_html_lines(part.lines))
            out.append("</div>")
        for part in parts[1:]:
            if not _is_safety(part):
                out.append(f"<h3>{html.escape(part.heading)}</h3>")
                out.extend(_html_lines(part.lines))
        out.append("</section>")
    out += [
        f'<footer><p class="disclaimer">{html.escape(DISCLAIMER)}</p></footer>',
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(out)


def handout(cards: list[HandoutCard], fmt: str, today: dt.date) -> str:
    if fmt == "html":
        return handout_html(cards, today)
    if fmt == "md":
        return handout_markdown(cards, today)
    return handout_text(cards, today)
