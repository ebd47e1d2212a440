"""Reading paths: ordered routes through the library, from `paths.yaml`.

```yaml
paths:
  - id: start-here
    title: Start here
    summary: One sentence on who the path is for.
    articles: [moving-safely-with-osteoporosis, balance-and-fall-prevention]
```
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tui.content.clean import clean_line
from tui.content.problems import ContentError, Problem
from tui.content.source import read_source

if TYPE_CHECKING:
    import yaml

PATHS_FILE = "paths.yaml"


@dataclass(frozen=True)
class ReadingPath:
    id: str
    title: str
    summary: str
    articles: tuple[str, ...]
    line: int
    article_lines: tuple[int, ...] = field(default=())

    def next_after(self, slug: str) -> str | None:
        """The article that follows *slug* on this path, if any."""
        if slug in self.articles:
            index = self.articles.index(slug)
            if index + 1 < len(self.articles):
                return self.articles[index + 1]
        return None


def _node_line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _scalar(fields: dict[str, yaml.Node], key: str) -> str:
    import yaml

    node = fields.get(key)
    if isinstance(node, yaml.ScalarNode):
        return clean_line(node.value)
    return ""


def _mapping(node: yaml.Node) -> dict[str, yaml.Node]:
    import yaml

    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(key.value): value for key, value in node.value}


def load_paths(root: Path) -> tuple[list[ReadingPath], list[Problem]]:
    import yaml  # not at import: the app starts and lists without reading YAML

    from tui.content.frontmatter import compose_checked

    path = root / PATHS_FILE
    if not path.is_file():
        return [], []
    try:
        source = read_source(path, root)
        node, problems = compose_checked(path, source.text, 1)
    except ContentError as error:
        return [], [error.problem]
    except Exception as error:  # anything else: report, never stop the app
        return [], [Problem(path, 1, f"cannot be read: {type(error).__name__}")]
    top = _mapping(node) if node is not None else {}
    items = top.get("paths")
    if not isinstance(items, yaml.SequenceNode):
        return [], [Problem(path, 1, "paths.yaml needs a 'paths:' list")]
    paths: list[ReadingPath] = []
    for item in items.value:
        fields = _mapping(item)
        line = _node_line(item)
        path_id, title = _scalar(fields, "id"), _scalar(fields, "title")
        articles_node = fields.get("articles")
        if not path_id or not title:
            problems.append(Problem(path, line, "a path needs an 'id' and a 'title'"))
            continue
        if (
            not isinstance(articles_node, yaml.SequenceNode)
            or not articles_node.value
            or not all(isinstance(a, yaml.ScalarNode) for a in articles_node.value)
        ):
            problems.append(Problem(path, line, f"path '{path_id}' needs a list of 'articles'"))
            continue
        paths.append(
            ReadingPath(
                id=path_id,
                title=title,
                summary=_scalar(fields, "summary"),
                articles=tuple(clean_line(a.value) for a in articles_node.value),
                line=line,
                article_lines=tuple(_node_line(a) for a in articles_node.value),
            )
        )
    return paths, problems
