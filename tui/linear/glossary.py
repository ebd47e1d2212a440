"""The glossary in the linear mode: every term by number, or found by typing a word."""

from __future__ import annotations

from pathlib import Path

from tui.content.glossary import Glossary, Term, TermIndex, load_glossary
from tui.linear.console import Console
from tui.render.plain import reference_line


def term_lines(glossary: Glossary, term: Term) -> list[str]:
    """A term as plain lines: its name, other names, meaning, and the works behind it."""
    lines = [term.term]
    if term.aliases:
        lines.append(f"Also called: {', '.join(term.aliases)}.")
    lines.append(term.definition or "(No definition yet.)")
    references = [ref for ref in map(glossary.reference, term.references) if ref is not None]
    if references:
        lines.append("Source:" if len(references) == 1 else "Sources:")
        lines += [reference_line(n, ref) for n, ref in enumerate(references, start=1)]
    return lines


def term_index(root: Path) -> TermIndex | None:
    """The glossary's terms, to name those a part of a document uses; None without one."""
    glossary = load_glossary(root)
    return glossary.index() if glossary is not None and glossary.terms else None


def _list(console: Console, terms: list[Term], heading: str) -> None:
    console.say("", heading)
    console.say(*(f"{n}. {term.term}" for n, term in enumerate(terms, start=1)))


def glossary_menu(console: Console, root: Path) -> None:
    """The library's glossary: a number reads a term, a word finds one; Enter goes back."""
    glossary = load_glossary(root)
    if glossary is None or not glossary.terms:
        console.say("This library has no glossary.")
        return
    shown = glossary.terms
    _list(console, shown, f"Glossary ({len(shown)} terms):")
    while True:
        answer = console.ask(
            "A term's number reads its meaning; a word finds a term; "
            "l lists every term; Enter goes back."
        )
        if not answer:
            return
        if answer.lower() == "l" and len(answer) == 1:
            shown = glossary.terms
            _list(console, shown, f"Glossary ({len(shown)} terms):")
            continue
        if answer.isdigit():
            chosen = console.pick(answer, len(shown))
            if chosen is not None:
                console.say("", *term_lines(glossary, shown[chosen]))
            continue
        exact = glossary.term(answer)
        matches = [exact] if exact is not None else glossary.matching(answer)
        if not matches:
            console.say(f"No term in the glossary matches {answer!r}. l lists every term.")
        elif len(matches) == 1:
            console.say("", *term_lines(glossary, matches[0]))
        else:
            shown = matches
            _list(console, shown, f"{len(shown)} terms match {answer!r}:")
