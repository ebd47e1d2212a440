"""YAML front matter, parsed safely, with the line of every key and list item."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tui.content.problems import ContentError, Problem


@dataclass
class FrontMatter:
    data: dict[str, Any]
    body: str
    # 1-based file line where the body starts.
    body_line: int
    key_lines: dict[str, int] = field(default_factory=dict)
    # For top-level lists: the file line of each item, in order.
    item_lines: dict[str, list[int]] = field(default_factory=dict)

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
    lines = text.split("\n")
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    raise ContentError(Problem(path, 1, "front matter opened with '---' is never closed"))


# libyaml when PyYAML was built with it: the same safe loader, about nine times faster,
# which matters when a library holds thousands of articles.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose_and_construct(raw: str) -> tuple[yaml.Node | None, Any]:
    """The node tree (for line numbers) and the data, in one parse."""
    loader = _Loader(raw)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
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
    try:
        node, data = _compose_and_construct(raw)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + offset if mark is not None else 1
        reason = error.problem or "invalid YAML"
        # Where the parser gave up can be past the mistake: say where the construct began.
        context = error.context_mark
        if context is not None and error.context and context.line + offset < line:
            reason += f" ({error.context} that began on line {context.line + offset})"
        raise ContentError(
            Problem(path, line, f"front matter is not valid YAML: {reason}")
        ) from None
    except yaml.YAMLError as error:
        raise ContentError(Problem(path, 1, f"front matter is not valid YAML: {error}")) from None
    if data is None:
        data = {}
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise ContentError(
            Problem(path, offset, "front matter must be a set of 'key: value' lines")
        )

    key_lines: dict[str, int] = {}
    item_lines: dict[str, list[int]] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        key_lines[key] = key_node.start_mark.line + offset
        if isinstance(value_node, yaml.SequenceNode):
            item_lines[key] = [item.start_mark.line + offset for item in value_node.value]
    return FrontMatter({str(k): v for k, v in data.items()}, body, body_line, key_lines, item_lines)
