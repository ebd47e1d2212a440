"""YAML front matter, parsed safely, with the line of every key and list item.

Front matter is data, not a program: only plain scalars, lists and mappings are read.
Aliases (`*name`) are refused, since a few lines of them can expand to gigabytes or
refer to themselves; so are tags other than the basic ones (`!!binary`, `!!set`,
`!!python/...`), and nesting deeper than any article needs. A value the loader accepts
but cannot build (`!!int abc`, a date such as 2026-13-45) stays as its text and is
reported at its line, so one bad value never makes the whole file unreadable.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tui.content.clean import needs_cleaning
from tui.content.problems import ContentError, Problem, Severity

# Deeper than any CSL item (a reference's date-parts is four levels down).
MAX_DEPTH = 32
_TAG = "tag:yaml.org,2002:"
_BASIC_TAGS = {_TAG + name for name in ("str", "int", "float", "bool", "null", "map", "seq")}
_BASIC_TAGS.add(_TAG + "timestamp")


@dataclass
class FrontMatter:
    data: dict[str, Any]
    body: str
    # 1-based file line where the body starts.
    body_line: int
    key_lines: dict[str, int] = field(default_factory=dict)
    # For top-level lists: the file line of each item, in order.
    item_lines: dict[str, list[int]] = field(default_factory=dict)
    # What the loader read but could not use: bad values, duplicate keys.
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, key: str, index: int | None = None) -> int:
        if index is not None:
            items = self.item_lines.get(key, [])
            if index < len(items):
                return items[index]
        return self.key_lines.get(key, 1)


def split_front_matter(path: Path, text: str) -> tuple[str | None, str, int]:
    """Return (yaml text or None, body, 1-based line where the body starts)."""
    if not text.startswith("---\n") and text.rstrip("\n") != "---":
        return None, text, 1
    # Line by line with find: a long body is never split into a list of lines.
    start = text.find("\n") + 1 if "\n" in text else len(text)
    offset, number = start, 2
    while offset < len(text):
        end = text.find("\n", offset)
        end = len(text) if end == -1 else end
        if text[offset:end].rstrip() in ("---", "..."):
            return text[start:offset].rstrip("\n"), text[end + 1 :], number + 1
        offset, number = end + 1, number + 1
    raise ContentError(Problem(path, 1, "front matter opened with '---' is never closed"))


# libyaml when PyYAML was built with it: the same safe loader, about nine times faster,
# which matters when a library holds thousands of articles.
_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[valid-type, misc]
    """The safe loader, keeping a value it cannot build as its text, with a note."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.bad_values: list[tuple[int, str]] = []


def _lenient(what: str, build: Callable[..., Any]) -> Callable[..., Any]:
    def construct(loader: _Loader, node: yaml.Node) -> Any:
        try:
            return build(loader, node)
        except Exception:  # each builder fails its own way (ValueError, AttributeError...)
            loader.bad_values.append((node.start_mark.line, f"'{node.value}' is not {what}"))
            return str(node.value)

    return construct


for _name, _what, _build in (
    ("int", "a whole number", yaml.SafeLoader.construct_yaml_int),
    ("float", "a number", yaml.SafeLoader.construct_yaml_float),
    ("timestamp", "a valid date (such as 2026-11-01)", yaml.SafeLoader.construct_yaml_timestamp),
):
    _Loader.add_constructor(_TAG + _name, _lenient(_what, _build))


def _inspect(path: Path, root: yaml.Node, offset: int) -> list[Problem]:
    """Refuse aliases, unusual tags and deep nesting before anything is built (one pass,
    never recursive); warn of duplicate keys, which YAML would silently overwrite."""
    warnings: list[Problem] = []
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        line = node.start_mark.line + offset
        if id(node) in seen:
            raise ContentError(
                Problem(path, line, "front matter may not use YAML aliases ('*name')")
            )
        seen.add(id(node))
        if depth > MAX_DEPTH:
            raise ContentError(
                Problem(path, line, f"front matter is nested more than {MAX_DEPTH} levels deep")
            )
        if node.tag not in _BASIC_TAGS:
            tag = node.tag.replace(_TAG, "!!")
            raise ContentError(
                Problem(path, line, f"front matter may not use the YAML tag '{tag}'")
            )
        if isinstance(node, yaml.MappingNode):
            keys: dict[str, int] = {}
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    key_line = key.start_mark.line + offset
                    if key.value in keys:
                        warnings.append(
                            Problem(
                                path,
                                key_line,
                                f"duplicate key '{key.value}' (first on line "
                                f"{keys[key.value]}); only the last one counts",
                                Severity.WARNING,
                            )
                        )
                    keys[key.value] = key_line
                stack.append((key, depth + 1))
                stack.append((value, depth + 1))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, depth + 1) for item in node.value)
    return warnings


def _yaml_problem(path: Path, error: yaml.YAMLError, offset: int) -> Problem:
    if not isinstance(error, yaml.MarkedYAMLError):
        return Problem(path, 1, f"front matter is not valid YAML: {error}")
    mark = error.problem_mark or error.context_mark
    line = mark.line + offset if mark is not None else 1
    reason = error.problem or "invalid YAML"
    # Where the parser gave up can be past the mistake: say where the construct began.
    context = error.context_mark
    if context is not None and error.context and context.line + offset < line:
        reason += f" ({error.context} that began on line {context.line + offset})"
    return Problem(path, line, f"front matter is not valid YAML: {reason}")


def compose_checked(path: Path, raw: str, offset: int) -> tuple[yaml.Node | None, list[Problem]]:
    """The node tree of YAML text, refused as `load_yaml` refuses it, nothing built."""
    loader = _Loader(raw)
    try:
        node = loader.get_single_node()
        return node, (_inspect(path, node, offset) if node is not None else [])
    except yaml.YAMLError as error:
        raise ContentError(_yaml_problem(path, error, offset)) from None
    finally:
        loader.dispose()


def load_yaml(path: Path, raw: str, offset: int) -> tuple[yaml.Node | None, Any, list[Problem]]:
    """(node tree, data, problems) of YAML text whose first line is file line *offset*.

    Raises ContentError for YAML that cannot be read or is refused (see the module).
    """
    loader = _Loader(raw)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None, []
        problems = _inspect(path, node, offset)
        data = loader.construct_document(node)
        problems += [Problem(path, line + offset, message) for line, message in loader.bad_values]
        return node, data, problems
    except yaml.YAMLError as error:
        raise ContentError(_yaml_problem(path, error, offset)) from None
    finally:
        loader.dispose()


def parse_front_matter(path: Path, text: str) -> FrontMatter:
    raw, body, body_line = split_front_matter(path, text)
    if raw is None:
        raise ContentError(
            Problem(path, 1, "no front matter: the file must start with a '---' line")
        )
    # Front matter starts on file line 2; YAML marks are 0-based.
    offset = 2
    node, data, problems = load_yaml(path, raw, offset)
    if data is None:
        data = {}
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode | type(None)):
        raise ContentError(
            Problem(path, offset, "front matter must be a set of 'key: value' lines")
        )

    key_lines: dict[str, int] = {}
    item_lines: dict[str, list[int]] = {}
    for key_node, value_node in node.value if node is not None else []:
        key = str(key_node.value)
        key_lines[key] = key_node.start_mark.line + offset
        if isinstance(value_node, yaml.SequenceNode):
            item_lines[key] = [item.start_mark.line + offset for item in value_node.value]
    for key, value in data.items():
        if _holds_hidden(value):
            problems.append(
                Problem(
                    path,
                    key_lines.get(str(key), offset),
                    f"'{key}' holds control or invisible characters (YAML escapes such as "
                    "\\x9b or \\u202e); they are replaced or removed",
                    Severity.WARNING,
                )
            )
    return FrontMatter(
        {str(k): v for k, v in data.items()}, body, body_line, key_lines, item_lines, problems
    )


def _holds_hidden(value: Any) -> bool:
    """Whether a value built from YAML holds a character the cleaner takes out (the
    file's own text was cleaned already; YAML escapes make new ones)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if needs_cleaning(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False
