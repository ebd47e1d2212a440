from __future__ import annotations

from pathlib import Path

import pytest

from tui.content.frontmatter import parse_front_matter
from tui.content.problems import ContentError


def test_key_and_item_lines_are_file_lines() -> None:
    text = "---\ntitle: T\nrelated: [a,\n  b]\nrefs:\n  - id: x\n  - id: y\n---\nbody\n"
    front = parse_front_matter(Path("f.md"), text)
    assert front.key_lines["title"] == 2
    assert front.item_lines["related"] == [3, 4]
    assert front.item_lines["refs"] == [6, 7]
    assert front.body == "body\n"
    assert front.body_line == 9


def test_broken_yaml_names_the_line() -> None:
    text = "---\ntitle: fine\nsummary: [unclosed\ntags: x\n---\n"
    with pytest.raises(ContentError) as caught:
        parse_front_matter(Path("bad.md"), text)
    # The parser notices the problem where the flow sequence fails, at or after line 3.
    assert caught.value.problem.line in (3, 4, 5)
    assert "not valid YAML" in caught.value.problem.message


def test_missing_front_matter_is_an_error() -> None:
    with pytest.raises(ContentError, match="no front matter"):
        parse_front_matter(Path("plain.md"), "# Just markdown\n")


def test_unclosed_front_matter_is_an_error() -> None:
    with pytest.raises(ContentError, match="never closed"):
        parse_front_matter(Path("open.md"), "---\ntitle: x\n")


def test_front_matter_must_be_a_mapping() -> None:
    with pytest.raises(ContentError, match="key: value"):
        parse_front_matter(Path("list.md"), "---\n- a\n- b\n---\n")
