"""The linear mode names, after each part, the words the glossary explains there."""

from __future__ import annotations

import io
from pathlib import Path

from glossary_support import write_library
from linear_support import assert_plain

from tui.content import load_library
from tui.linear import LinearReader
from tui.state import StateStore


def session(root: Path, answers: str, tmp_path: Path) -> str:
    state = StateStore(root.resolve(), tmp_path / "state.sqlite")
    try:
        output = io.StringIO()
        reader = LinearReader(
            load_library(root), io.StringIO(answers), output, state, io.StringIO()
        )
        assert reader.run() == 0
    finally:
        state.close()
    text = output.getvalue()
    assert_plain(text)
    return text


def test_a_part_ends_with_the_terms_it_uses(tmp_path: Path) -> None:
    root = write_library(tmp_path / "library")
    text = session(root, "1\n\n\nq\nq\n", tmp_path)
    # "Bone density is measured with a DXA scan [@rowe2021]." is in "What it is".
    part = text[text.index("Bone density is measured") : text.index("End of Section 1: What it is")]
    assert "Words the glossary explains (g): bone mineral density, DXA." in part


def test_no_glossary_no_line(tmp_path: Path) -> None:
    root = write_library(tmp_path / "library")
    (root / "glossary.yaml").unlink()
    text = session(root, "1\n\n\nq\nq\n", tmp_path)
    assert "Bone density is measured" in text
    assert "Words the glossary explains" not in text
