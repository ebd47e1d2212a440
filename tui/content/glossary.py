"""The glossary (`glossary.yaml`): terms, their aliases, plain definitions, and the
references behind them; and a term index that finds where a text first uses a term.

The file's format is described at the top of the bundled `articles/glossary.yaml`
and in docs/article-format.md. Every problem names the file and the line to fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tui.content.clean import clean_line
from tui.content.frontmatter import FrontMatter
from tui.content.model import Reference
from tui.content.problems import ContentError, Problem, Severity
from tui.content.references import parse_references
from tui.content.source import read_source

GLOSSARY_FILE = "glossary.yaml"

# libyaml when PyYAML was built with it; the same safe loader either way.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Term:
    term: str
    aliases: tuple[str, ...]
    definition: str
    references: tuple[str, ...]
    line: int

    @property
    def names(self) -> tuple[str, ...]:
        """The term and its aliases, as written."""
        return (self.term, *self.aliases)


@dataclass
class Glossary:
    path: Path
    terms: list[Term] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def reference(self, ref_id: str) -> Reference | None:
        return next((ref for ref in self.references if ref.id == ref_id), None)

    def term(self, name: str) -> Term | None:
        """The term called *name* (or with *name* as an alias), ignoring case."""
        wanted = normalise_name(name)
        for term in self.terms:
            if any(normalise_name(n) == wanted for n in term.names):
                return term
        return None

    def matching(self, query: str) -> list[Term]:
        """Terms whose name or an alias contains *query* (any case); all when it is blank.

        Terms whose own name starts with the query come first, then the rest in order.
        """
        wanted = normalise_name(query)
        if not wanted:
            return list(self.terms)
        starts = [t for t in self.terms if normalise_name(t.term).startswith(wanted)]
        rest = [
            t
            for t in self.terms
            if t not in starts and any(wanted in normalise_name(n) for n in t.names)
        ]
        return starts + rest

    def index(self) -> TermIndex:
        return TermIndex(self.terms)


def normalise_name(name: str) -> str:
    return " ".join(name.casefold().split())


# ---------------------------------------------------------------- loading


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _mapping(node: yaml.Node | None) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(key.value): value for key, value in node.value if isinstance(key, yaml.ScalarNode)}


def _text(node: yaml.Node | None) -> str | None:
    """A scalar's text with spaces collapsed; None for a list, a mapping or nothing.

    Only scalars are read: an alias that expands to a huge nested list is never
    turned into a string.
    """
    if not isinstance(node, yaml.ScalarNode):
        return None
    if node.tag == "tag:yaml.org,2002:null":
        return ""
    return clean_line(node.value)


def _text_list(
    path: Path, node: yaml.Node | None, what: str, problems: list[Problem]
) -> list[tuple[str, int]]:
    """The items of a list of plain words, each with its line."""
    if node is None or (isinstance(node, yaml.ScalarNode) and _text(node) == ""):
        return []
    if not isinstance(node, yaml.SequenceNode):
        problems.append(Problem(path, _line(node), f"'{what}' must be a list such as [a, b]"))
        return []
    items: list[tuple[str, int]] = []
    for item in node.value:
        text = _text(item)
        if not text:
            problems.append(Problem(path, _line(item), f"'{what}' items must be plain words"))
            continue
        items.append((text, _line(item)))
    return items


def _parse(path: Path, text: str) -> tuple[yaml.Node | None, Any]:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def _references(
    path: Path, node: yaml.Node | None, data: Any
) -> tuple[list[Reference], list[Problem]]:
    if node is None:
        return [], []
    raw = data.get("references") if isinstance(data, dict) else None
    lines = [_line(item) for item in node.value] if isinstance(node, yaml.SequenceNode) else []
    # The same checks as an article's references: one shape of CSL everywhere.
    front = FrontMatter(
        {"references": raw}, "", 1, {"references": _line(node)}, {"references": lines}
    )
    return parse_references(path, front)


def _term(path: Path, item: yaml.Node, problems: list[Problem]) -> Term | None:
    line = _line(item)
    if not isinstance(item, yaml.MappingNode):
        problems.append(Problem(path, line, "a glossary entry must be a set of 'key: value' lines"))
        return None
    fields = _mapping(item)
    name = _text(fields.get("term"))
    if not name:
        problems.append(Problem(path, line, "a glossary entry has no 'term'"))
        return None
    definition = _text(fields.get("definition"))
    if not definition:
        where = _line(fields["definition"]) if "definition" in fields else line
        problems.append(Problem(path, where, f"term '{name}' has an empty definition"))
    aliases = _text_list(path, fields.get("aliases"), "aliases", problems)
    references = _text_list(path, fields.get("references"), "references", problems)
    return Term(
        term=name,
        aliases=tuple(alias for alias, _ in aliases),
        definition=definition or "",
        references=tuple(ref for ref, _ in references),
        line=line,
    )


def _check_terms(path: Path, terms: list[Term], known: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, tuple[str, int]] = {}
    for term in terms:
        for name in term.names:
            key = normalise_name(name)
            if key in seen:
                other, line = seen[key]
                problems.append(
                    Problem(
                        path,
                        term.line,
                        f"'{name}' appears twice in the glossary "
                        f"(already under '{other}' on line {line})",
                    )
                )
            else:
                seen[key] = (term.term, term.line)
        for ref_id in term.references:
            if ref_id not in known:
                problems.append(
                    Problem(
                        path,
                        term.line,
                        f"term '{term.term}' names reference '{ref_id}', "
                        "which is not in the glossary's references",
                    )
                )
    return problems


def parse_glossary(path: Path, text: str) -> Glossary:
    glossary = Glossary(path)
    problems = glossary.problems
    try:
        node, data = _parse(path, text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 1
        problems.append(Problem(path, line, f"not valid YAML: {error.problem or error}"))
        return glossary
    except yaml.YAMLError as error:
        problems.append(Problem(path, 1, f"not valid YAML: {error}"))
        return glossary
    top = _mapping(node)
    terms_node = top.get("terms")
    if not isinstance(terms_node, yaml.SequenceNode):
        where = _line(terms_node) if terms_node is not None else 1
        problems.append(Problem(path, where, "the glossary needs a 'terms:' list"))
        return glossary
    glossary.references, ref_problems = _references(path, top.get("references"), data)
    problems.extend(ref_problems)
    for item in terms_node.value:
        term = _term(path, item, problems)
        if term is not None:
            glossary.terms.append(term)
    known = {ref.id for ref in glossary.references}
    problems.extend(_check_terms(path, glossary.terms, known))
    named = {ref_id for term in glossary.terms for ref_id in term.references}
    problems.extend(
        Problem(path, ref.line, f"reference '{ref.id}' is named by no term", Severity.WARNING)
        for ref in glossary.references
        if ref.id not in named
    )
    return glossary


def load_glossary(root: Path) -> Glossary | None:
    """The library's glossary, or None when it has none. Problems are kept, never raised."""
    path = root / GLOSSARY_FILE
    if not path.is_file():
        return None
    try:
        source = read_source(path)
    except ContentError as error:
        return Glossary(path, problems=[error.problem])
    glossary = parse_glossary(path, source.text)
    glossary.problems[:0] = source.problems
    return glossary


# ---------------------------------------------------------------- finding terms in a text

# Words are runs of letters and digits; between the words of one term the text may
# have spaces, hyphens or an apostrophe ("T-score", "T score", "Paget's disease").
_WORD = re.compile(r"[^\W_]+")
_JOINER = re.compile(r"[\s\-\u2010\u2011\u2012\u2013'\u2019]+")


def _words(name: str) -> tuple[str, ...]:
    return tuple(word.casefold() for word in _WORD.findall(name))


@dataclass(frozen=True)
class TermUse:
    """Where a text first uses a term: offsets into the text, and the words as written."""

    term: Term
    start: int
    end: int
    text: str


class TermIndex:
    """Every term and alias as a sequence of words, in a trie keyed by word.

    Scanning walks the text's words once, trying at each word the longest name that
    starts there; a walk is at most as long as the longest name, so a scan is linear
    in the text, and there is no regular expression that could backtrack.
    """

    def __init__(self, terms: Iterable[Term]) -> None:
        # A node is a dict of next word -> node; the key "" holds the term ending there.
        self._root: dict[str, Any] = {}
        for term in terms:
            for name in term.names:
                words = _words(name)
                if not words:
                    continue
                node = self._root
                for word in words:
                    node = node.setdefault(word, {})
                node.setdefault("", term)  # the first term to claim a name keeps it

    def first_uses(self, text: str) -> list[TermUse]:
        """The first use of each term in *text*, in the order they appear.

        Where names overlap the longest wins ("bone density scan" over "bone density"),
        and a term counts as used only where it is the one a reader sees.
        """
        words = [(m.start(), m.end(), m.group().casefold()) for m in _WORD.finditer(text)]
        uses: list[TermUse] = []
        found: set[int] = set()
        index = 0
        while index < len(words):
            node = self._root.get(words[index][2])
            best: tuple[int, Term] | None = None
            last = index
            while node is not None:
                if "" in node:
                    best = (last, node[""])
                following = last + 1
                if following >= len(words):
                    break
                gap = text[words[last][1] : words[following][0]]
                if not _JOINER.fullmatch(gap):
                    break
                node = node.get(words[following][2])
                last = following
            if best is None:
                index += 1
                continue
            end_word, term = best
            start, end = words[index][0], words[end_word][1]
            if id(term) not in found:
                found.add(id(term))
                uses.append(TermUse(term, start, end, text[start:end]))
            index = end_word + 1
        return uses
