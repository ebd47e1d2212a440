"""The glossary in the linear mode: `g` in the library and in an article."""

from __future__ import annotations

import io
from pathlib import Path

from glossary_support import GLOSSARY
from linear_support import assert_plain, write_library

from tui.content import load_library
from tui.linear import LinearReader
from tui.state import StateStore


def session(tmp_path: Path, answers: str, glossary: str | None = GLOSSARY) -> str:
    root = write_library(tmp_path / "library")
    if glossary is not None:
        (root / "glossary.yaml").write_text(glossary, encoding="utf-8")
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


def test_g_lists_terms_by_number_and_a_number_reads_one(tmp_path: Path) -> None:
    text = session(tmp_path, "g\n2\n\nq\n")
    assert "g the glossary" in text
    listing = text[text.index("Glossary (3 terms):") :].splitlines()
    assert listing[1:4] == ["1. bone mineral density", "2. DXA", "3. T-score"]
    shown = text[text.index("3. T-score") :]
    assert (
        "DXA\nAlso called: DXA scan, bone density scan.\nA low-dose X-ray scan of bone.\n" in shown
    )


def test_a_word_finds_a_term_with_its_source(tmp_path: Path) -> None:
    text = session(tmp_path, "g\nbmd\n\nq\n")
    assert (
        "bone mineral density\nAlso called: BMD, bone density.\n"
        "How much mineral your bones hold.\nSource:\n1. Rowe D (2021)."
    ) in text


def test_a_word_in_several_terms_lists_them_to_choose(tmp_path: Path) -> None:
    text = session(tmp_path, "g\ndens\n2\n\nq\n")
    assert "2 terms match 'dens':\n1. bone mineral density\n2. DXA\n" in text
    assert "\nDXA\nAlso called:" in text  # 2 picks from the matches, not the full list


def test_no_match_and_no_glossary_are_said_plainly(tmp_path: Path) -> None:
    assert "No term in the glossary matches 'zebra'." in session(tmp_path, "g\nzebra\n\nq\n")
    assert "This library has no glossary." in session(tmp_path / "b", "g\nq\n", glossary=None)


def test_g_in_an_article_comes_back_to_the_article(tmp_path: Path) -> None:
    text = session(tmp_path, "1\ng\nt score\n\nq\nq\n")
    assert "g the glossary" in text[text.index("In an article:") :]
    after = text[text.index("T-score\nAlso called: T score.") :]
    assert "\nBack in " in after
    assert after.index("Back in ") < after.index("Library: a number")
