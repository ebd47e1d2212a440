"""The card rules of `wellread check`, each on a card the test writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from glossary_support import card, write_library
from helpers import line_of

from tui.content.check import check_library
from tui.content.library import load_library


def found(root: Path) -> list[str]:
    """Problems as `check` prints them, the root cut off so they read short."""
    prefix = str(root.resolve()) + "/"
    return [str(p).replace(prefix, "") for p in check_library(load_library(root))]


def test_a_card_of_the_right_shape_gives_nothing(tmp_path: Path) -> None:
    assert found(write_library(tmp_path)) == []


@pytest.mark.parametrize(
    ("impact", "cautions", "message"),
    [
        ("low", "[high_impact]", "impact 'low' contradicts the 'high_impact' caution"),
        ("none", "[high_impact, fall_risk]", "impact 'none' contradicts the 'high_impact' caution"),
        ("moderate", "[fall_risk]", "impact 'moderate' needs the 'high_impact' caution"),
        ("high", "[]", "impact 'high' needs the 'high_impact' caution"),
    ],
)
def test_impact_contradicting_cautions(
    tmp_path: Path, impact: str, cautions: str, message: str
) -> None:
    root = write_library(tmp_path, {"c": card(impact=impact, cautions=cautions)})
    line = line_of(root / "exercises" / "c.md", "impact:")
    assert found(root) == [f"exercises/c.md:{line}: error: {message}"]


def test_agreeing_impact_and_cautions_pass(tmp_path: Path) -> None:
    root = write_library(
        tmp_path,
        {
            "a": card(impact="moderate", cautions="[high_impact]", how="Jump on two feet."),
            "b": card(impact="low", cautions="[]"),
        },
    )
    assert found(root) == []


@pytest.mark.parametrize("word", ["jumping", "jumps", "hopping", "jogging", "running", "Jog"])
def test_impact_words_need_the_high_impact_caution(tmp_path: Path, word: str) -> None:
    root = write_library(tmp_path, {"c": card(easier=f"Try {word} gently in place.")})
    line = line_of(root / "exercises" / "c.md", f"Try {word}")
    assert found(root) == [
        f"exercises/c.md:{line}: error: the card mentions '{word}' but has no 'high_impact' caution"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Never try jumping.",  # forbidden, not asked for
        "See the Walk-jog intervals card.",  # a compound naming another card
    ],
)
def test_impact_words_that_do_not_ask_for_impact(tmp_path: Path, text: str) -> None:
    assert found(write_library(tmp_path, {"c": card(easier=text)})) == []


def test_impact_words_about_the_reader_are_not_the_exercise(tmp_path: Path) -> None:
    # The shared card body says "Anyone told to avoid kneeling, or jumping" under
    # "Who should skip it": that describes the reader, and is not flagged.
    root = write_library(tmp_path, {"c": card(easier="Hold the chair.")})
    assert "jumping" in (root / "exercises" / "c.md").read_text()
    assert found(root) == []


@pytest.mark.parametrize(
    ("text", "said", "severity"),
    [
        ("Get down to the floor slowly.", "down to the floor", "error"),
        ("Go on all fours on a mat.", "on all fours", "error"),
        ("Lie on your back, knees bent.", "Lie on", "warning"),
        ("Kneel with one hand on a chair.", "Kneel", "warning"),
        ("Lower your hands to the floor.", "to the floor", "warning"),
    ],
)
def test_floor_phrases_need_the_floor_work_caution(
    tmp_path: Path, text: str, said: str, severity: str
) -> None:
    root = write_library(tmp_path, {"c": card(how=text)})
    line = line_of(root / "exercises" / "c.md", text)
    assert found(root) == [
        f"exercises/c.md:{line}: {severity}: the card mentions '{said}' (getting down to the "
        "floor) but has no 'floor_work' caution"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Put your feet flat on the floor.",  # the floor you stand on
        "Lift one foot off the floor.",
        "Bring your heels down to the floor with a thump.",
        "Lie on your back in bed, head on a pillow.",  # in bed, not on the floor
        "Do not bend down to the floor for the weights.",  # forbidden
        "A push-up without getting down on the floor.",  # spared
    ],
)
def test_floor_you_stand_on_is_fine(tmp_path: Path, text: str) -> None:
    assert found(write_library(tmp_path, {"c": card(how=text)})) == []


def test_floor_work_caution_allows_the_floor(tmp_path: Path) -> None:
    root = write_library(
        tmp_path, {"c": card(cautions="[floor_work]", how="Get down to the floor slowly.")}
    )
    assert found(root) == []


def test_a_card_no_article_lists_is_a_warning(tmp_path: Path) -> None:
    root = write_library(tmp_path)
    (root / "exercises" / "lonely.md").write_text(card(title="Lonely"), encoding="utf-8")
    assert found(root) == [
        "exercises/lonely.md:1: warning: no article lists this card in related_exercises, "
        "and no reading path names it"
    ]


@pytest.mark.parametrize(
    "section",
    [
        "How to do it",
        "Dose",
        "Easier",
        "Harder",
        "Cautions",
        "Who should skip it",
        "Stop and get help if",
    ],
)
def test_every_card_section_is_required(tmp_path: Path, section: str) -> None:
    text = card()
    heading = f"## {section}\n"
    start = text.index(heading)
    following = text.find("\n## ", start + len(heading))
    cut = text[:start] + (text[following + 1 :] if following != -1 else "")
    root = write_library(tmp_path, {"c": cut})
    problems = found(root)
    assert len(problems) == 1
    assert problems[0].startswith("exercises/c.md:")
    assert problems[0].endswith(f": error: the card has no '{section}' section")


def test_missing_section_points_at_the_one_it_follows(tmp_path: Path) -> None:
    text = card()
    cut = text[: text.index("## Stop and get help if")]
    root = write_library(tmp_path, {"c": cut})
    line = line_of(root / "exercises" / "c.md", "## Who should skip it")
    assert found(root) == [
        f"exercises/c.md:{line}: error: the card has no 'Stop and get help if' section"
    ]


def test_the_glossary_is_compared_with_its_own_library_only(tmp_path: Path) -> None:
    """An imported page in the reader's own folder may write a shared work its own way."""
    from tui.content import check_library, load_library

    bundled = tmp_path / "bundled"
    own = tmp_path / "own"
    (bundled / "exercises").mkdir(parents=True)
    own.mkdir()
    reference = (
        "  - {id: lee2019, title: A study, author: [{family: Lee}], "
        "issued: {date-parts: [[2019]]}}\n"
    )
    (bundled / "glossary.yaml").write_text(
        "terms:\n  - term: bone density\n    aliases: []\n    definition: How much mineral.\n"
        "    references: [lee2019]\nreferences:\n" + reference,
        encoding="utf-8",
    )
    (bundled / "a.md").write_text(
        "---\ntitle: A\nsummary: S.\nreferences:\n"
        + reference
        + "---\n## One\n\nText [@lee2019].\n",
        encoding="utf-8",
    )
    (own / "b.md").write_text(
        "---\ntitle: B\nsummary: S.\nsource: {file: b.txt}\nreferences:\n"
        "  - {id: lee2019, title: A study, author: [{family: Lee, given: J H}], "
        "issued: {date-parts: [[2019]]}}\n---\n## One\n\nText [@lee2019].\n",
        encoding="utf-8",
    )
    problems = check_library(load_library(bundled, own=own))
    assert not [p for p in problems if "differs from the one in" in p.message]
