"""Loading a library: good files load, bad files are reported by file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

from helpers import line_of

from tui.content import check_library, has_errors, load_library


def test_test_library_is_clean_and_complete(library_dir: Path) -> None:
    library = load_library(library_dir)
    assert sorted(library.articles) == ["alpha", "beta", "delta", "gamma"]
    assert sorted(library.exercises) == ["chair-rise", "heel-raise", "toe-hop", "wall-sit"]
    assert [p.id for p in library.paths] == ["first-steps"]
    assert check_library(library) == []


def test_exercise_cards_keep_their_sections_in_order(library_dir: Path) -> None:
    library = load_library(library_dir)
    expected = [
        "How to do it",
        "Dose",
        "Easier",
        "Harder",
        "Cautions",
        "Who should skip it",
        "Stop and get help if",
    ]
    for slug in library.exercises:
        card = library.exercise(slug)
        assert [s.title for s in card.sections] == expected, slug
    card = library.exercise("toe-hop")
    assert (card.kind, card.impact, card.dose) == ("impact", "high", "10 hops, 3 days a week")
    assert list(card.cautions) == ["high_impact", "fall_risk"]


def test_unknown_citation_is_reported_with_file_and_line(library_dir: Path) -> None:
    path = library_dir / "beta.md"
    path.write_text(path.read_text().replace("[@who2021]", "[@who2021; @nobody1999]"))
    library = load_library(library_dir)
    problems = check_library(library)
    unknown = [p for p in problems if "nobody1999" in p.message]
    assert len(unknown) == 1
    assert unknown[0].path == path
    assert unknown[0].line == line_of(path, "@nobody1999")
    assert has_errors(problems)
    # The article still opens: nothing the reader could use is lost.
    assert library.article("beta").title == "Beta article"


def test_missing_related_items_are_errors_at_their_lines(library_dir: Path) -> None:
    path = library_dir / "alpha.md"
    path.write_text(
        path.read_text().replace(
            "related_exercises: [wall-sit]", "related_exercises: [wall-sit, missing-card]"
        )
    )
    problems = check_library(load_library(library_dir))
    missing = [p for p in problems if "missing-card" in p.message]
    assert len(missing) == 1
    assert missing[0].line == line_of(library_dir / "alpha.md", "related_exercises")


def test_missing_title_and_references_are_errors(library_dir: Path) -> None:
    (library_dir / "bare.md").write_text("---\nsummary: no title\n---\nText.\n", encoding="utf-8")
    problems = [p for p in check_library(load_library(library_dir)) if p.path.name == "bare.md"]
    messages = {p.message for p in problems if p.is_error}
    assert "missing 'title'" in messages
    assert "no 'references'" in messages


def test_broken_files_are_skipped_and_the_rest_still_loads(library_dir: Path) -> None:
    (library_dir / "broken-yaml.md").write_text(
        "---\ntitle: Broken\nsummary: [oops\n---\nBody\n", encoding="utf-8"
    )
    (library_dir / "picture.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (library_dir / "latin.md").write_bytes("---\ntitle: Caf\u00e9\n---\n".encode("latin-1"))
    library = load_library(library_dir)
    assert sorted(library.articles) == ["alpha", "beta", "delta", "gamma"]
    reported = {p.path.name: p for p in library.unreadable}
    assert set(reported) == {"broken-yaml.md", "picture.md", "latin.md"}
    assert "not valid YAML" in reported["broken-yaml.md"].message
    assert reported["broken-yaml.md"].line >= 3
    assert "binary" in reported["picture.md"].message
    assert reported["latin.md"].line == 2
    # And `check` reports them too.
    checked = {p.path.name for p in check_library(library)}
    assert {"broken-yaml.md", "picture.md", "latin.md"} <= checked


def test_exercise_vocabulary_is_checked(library_dir: Path) -> None:
    path = library_dir / "exercises" / "wall-sit.md"
    text = (
        path.read_text()
        .replace("impact: none", "impact: huge")
        .replace("[fall_risk]", "[fall_risk, bungee]")
    )
    path.write_text(text)
    problems = check_library(load_library(library_dir))
    messages = {(p.line, p.message.split(" (")[0]) for p in problems if p.path == path}
    assert (line_of(path, "impact: huge"), "unknown impact 'huge'") in messages
    assert (line_of(path, "bungee"), "unknown caution 'bungee'") in messages


def test_uncited_reference_is_a_warning(library_dir: Path) -> None:
    path = library_dir / "beta.md"
    text = path.read_text().replace(
        "references:\n", "references:\n  - id: extra2000\n    title: Never cited\n"
    )
    path.write_text(text)
    problems = check_library(load_library(library_dir))
    uncited = [p for p in problems if "never cited" in p.message]
    assert len(uncited) == 1 and not uncited[0].is_error
    assert uncited[0].line == line_of(path, "id: extra2000")


def test_library_copied_elsewhere_loads_the_same(library_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(library_dir, copy)
    assert sorted(load_library(copy).articles) == sorted(load_library(library_dir).articles)
    assert load_library(copy).article("gamma").title == "Gamma guide to stair climbing"


def test_duplicate_reference_ids_are_errors(library_dir: Path) -> None:
    path = library_dir / "beta.md"
    path.write_text(
        path.read_text().replace(
            "references:\n", "references:\n  - id: who2021\n    title: The same id again\n"
        )
    )
    problems = [p for p in check_library(load_library(library_dir)) if p.path == path]
    duplicate = [p for p in problems if "duplicate reference id 'who2021'" in p.message]
    assert len(duplicate) == 1 and duplicate[0].is_error
    assert duplicate[0].line == line_of(path, "title: An organisation's report") - 4


def test_malformed_doi_is_an_error(library_dir: Path) -> None:
    path = library_dir / "alpha.md"
    path.write_text(
        path.read_text().replace(
            "    title: A two-author study\n", "    title: A two-author study\n    DOI: doi.org/x\n"
        )
    )
    problems = [p for p in check_library(load_library(library_dir)) if p.path == path]
    malformed = [p for p in problems if "malformed DOI 'doi.org/x'" in p.message]
    assert len(malformed) == 1 and malformed[0].is_error
    assert malformed[0].line == line_of(path, "id: jones2019")


def test_footnotes_without_definition_or_use_are_reported(library_dir: Path) -> None:
    path = library_dir / "beta.md"
    path.write_text(path.read_text() + "A stray note[^ghost].\n\n[^unused]: Never referred to.\n")
    problems = [p for p in check_library(load_library(library_dir)) if p.path == path]
    by_message = {p.message: p for p in problems}
    ghost = by_message["footnote [^ghost] has no definition"]
    assert ghost.is_error and ghost.line == line_of(path, "stray note")
    unused = by_message["footnote [^unused] is defined but never used"]
    assert not unused.is_error and unused.line == line_of(path, "[^unused]:")
