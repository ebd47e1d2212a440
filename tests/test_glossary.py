"""The glossary file: loading, its problems with their lines, and finding terms in text."""

from __future__ import annotations

from pathlib import Path

from glossary_support import GLOSSARY, write_library
from helpers import line_of
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.content.check import check_library
from tui.content.glossary import Glossary, Term, TermIndex, load_glossary
from tui.content.library import load_library


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "glossary.yaml").write_text(text, encoding="utf-8")
    return tmp_path / "glossary.yaml"


def loaded(tmp_path: Path, text: str) -> Glossary:
    write(tmp_path, text)
    glossary = load_glossary(tmp_path)
    assert glossary is not None
    return glossary


def messages(glossary: Glossary) -> list[tuple[int, str, str]]:
    return [(p.line, p.severity.value, p.message) for p in glossary.problems]


def test_a_good_glossary_loads_with_no_problems(tmp_path: Path) -> None:
    glossary = loaded(tmp_path, GLOSSARY)
    assert glossary.problems == []
    assert [t.term for t in glossary.terms] == ["bone mineral density", "DXA", "T-score"]
    bmd = glossary.terms[0]
    assert bmd.aliases == ("BMD", "bone density")
    assert bmd.references == ("rowe2021",)
    assert bmd.line == 2
    assert glossary.reference("rowe2021") is not None
    assert glossary.term("bmd") is bmd
    assert glossary.term("t SCORE") is glossary.terms[2]


def test_no_file_is_no_glossary(tmp_path: Path) -> None:
    assert load_glossary(tmp_path) is None


def test_a_term_naming_a_missing_reference_is_an_error_on_its_line(tmp_path: Path) -> None:
    text = GLOSSARY.replace(
        "references: []\n  - term: T-score", "references: [ghost2020]\n  - term: T-score"
    )
    path = write(tmp_path, text)
    glossary = loaded(tmp_path, text)
    assert messages(glossary) == [
        (
            line_of(path, "term: DXA"),
            "error",
            "term 'DXA' names reference 'ghost2020', which is not in the glossary's references",
        )
    ]


def test_a_duplicate_alias_is_an_error_naming_the_first(tmp_path: Path) -> None:
    text = GLOSSARY.replace("aliases: [T score]", "aliases: [T score, bmd]")
    path = write(tmp_path, text)
    glossary = loaded(tmp_path, text)
    first = line_of(path, "term: bone mineral density")
    assert messages(glossary) == [
        (
            line_of(path, "term: T-score"),
            "error",
            f"'bmd' appears twice in the glossary (already under 'bone mineral density' "
            f"on line {first})",
        )
    ]


def test_an_empty_definition_is_an_error(tmp_path: Path) -> None:
    text = GLOSSARY.replace('"A low-dose X-ray scan of bone."', '""')
    path = write(tmp_path, text)
    glossary = loaded(tmp_path, text)
    assert messages(glossary) == [
        (line_of(path, 'definition: ""'), "error", "term 'DXA' has an empty definition")
    ]


def test_bad_yaml_is_reported_with_its_line(tmp_path: Path) -> None:
    text = GLOSSARY.replace("aliases: [T score]", "aliases: [T score")
    glossary = loaded(tmp_path, text)
    assert len(glossary.problems) == 1
    assert glossary.problems[0].message.startswith("not valid YAML")
    assert glossary.problems[0].line >= line_of(tmp_path / "glossary.yaml", "aliases: [T score")


def test_a_malformed_reference_is_checked_like_an_articles(tmp_path: Path) -> None:
    text = GLOSSARY + "  - id: nameless\n    title: A paper\n    DOI: 11.2/x\n"
    path = write(tmp_path, text)
    glossary = loaded(tmp_path, text)
    line = line_of(path, "id: nameless")
    assert (line, "error", "reference 'nameless' has a malformed DOI '11.2/x'") in messages(
        glossary
    )
    assert (line, "warning", "reference 'nameless' is named by no term") in messages(glossary)


def test_entries_of_the_wrong_shape_are_reported_not_raised(tmp_path: Path) -> None:
    text = (
        "terms:\n  - just a word\n  - term: [a, list]\n"
        "  - term: ok\n    definition: fine\n    aliases: {a: b}\n"
    )
    glossary = loaded(tmp_path, text)
    assert [line for line, _, _ in messages(glossary)] == [2, 3, 6]
    assert [t.term for t in glossary.terms] == ["ok"]
    assert loaded(tmp_path, "- a\n- b\n").problems[0].message == (
        "the glossary needs a 'terms:' list"
    )


def test_a_binary_glossary_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "glossary.yaml").write_bytes(b"terms:\n\x00\x01")
    glossary = load_glossary(tmp_path)
    assert glossary is not None
    assert glossary.problems[0].line == 2
    assert "binary" in glossary.problems[0].message


def test_check_reports_the_glossary_missing_reference(tmp_path: Path) -> None:
    """Done-when: `check` flags a term with a missing reference."""
    (tmp_path / "glossary.yaml").write_text(
        GLOSSARY.replace("references: [rowe2021]", "references: [rowe2021, lost2019]"),
        encoding="utf-8",
    )
    problems = check_library(load_library(tmp_path))
    found = [str(p) for p in problems if "lost2019" in p.message]
    path = tmp_path.resolve() / "glossary.yaml"
    assert found == [
        f"{path}:2: error: term 'bone mineral density' names reference 'lost2019', "
        "which is not in the glossary's references"
    ]


# ---------------------------------------------------------------- the term index


def term(name: str, *aliases: str) -> Term:
    return Term(name, aliases, f"About {name}.", (), 1)


TERMS = [
    term("bone mineral density", "BMD", "bone density"),
    term("DXA", "DXA scan", "bone density scan"),
    term("T-score", "T score"),
    term("Paget's disease"),
]


def uses(text: str) -> list[tuple[str, str]]:
    return [(use.term.term, use.text) for use in TermIndex(TERMS).first_uses(text)]


def test_first_use_of_each_term_in_order_of_appearance() -> None:
    text = "A DXA scan gives a T-score. Your BMD and your bone mineral density; DXA again."
    assert uses(text) == [
        ("DXA", "DXA scan"),
        ("T-score", "T-score"),
        ("bone mineral density", "BMD"),
    ]
    found = TermIndex(TERMS).first_uses(text)
    assert text[found[0].start : found[0].end] == "DXA scan"


def test_matching_ignores_case_and_needs_whole_words() -> None:
    assert uses("BMDs and t score and dxas") == [("T-score", "t score")]
    assert uses("xT-score") == []
    assert uses("paget’s Disease") == [("Paget's disease", "paget’s Disease")]


def test_the_longest_name_wins_where_names_overlap() -> None:
    assert uses("A bone density scan, then bone density.") == [
        ("DXA", "bone density scan"),
        ("bone mineral density", "bone density"),
    ]


def test_words_of_a_term_do_not_join_across_a_sentence() -> None:
    assert uses("Type T. Score it.") == []
    assert uses("bone,\ndensity") == []
    assert uses("bone\n  density") == [("bone mineral density", "bone\n  density")]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_uses_that_match_what_it_says(text: str) -> None:
    for use in TermIndex(TERMS).first_uses(text):
        assert text[use.start : use.end] == use.text
        assert use.text.strip()


def test_a_long_hostile_text_is_scanned_without_blowing_up() -> None:
    # Every word starts a name and almost completes it: the worst case for the walk.
    text = "bone mineral " * 50_000 + "density"
    found = TermIndex(TERMS).first_uses(text)
    assert [(u.term.term, u.start) for u in found] == [("bone mineral density", len(text) - 20)]


def test_a_glossary_reference_must_match_the_articles_copy(tmp_path: Path) -> None:
    root = write_library(tmp_path / "library")
    path = root / "glossary.yaml"
    path.write_text(
        GLOSSARY.replace("title: A made-up trial of rowe2021", "title: Another title"),
        encoding="utf-8",
    )
    article_line = line_of(root / "bones.md", "id: rowe2021")
    problems = [str(p) for p in check_library(load_library(root)) if p.path.name == path.name]
    assert problems == [
        f"{path.resolve()}:{line_of(path, 'id: rowe2021')}: error: reference 'rowe2021' "
        f"differs from the one in bones.md (line {article_line}); copy it exactly"
    ]
