"""`wellread refs`: references out for reference managers, read back by real parsers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bibtexparser.entrypoint import parse_string

from tui.cli import main
from tui.content.export import to_bibtex, to_ris
from tui.content.model import Name, Reference

GAMMA = "gamma"
# gamma.md's references, in the order the file lists them.
GAMMA_IDS = ["ng2021", "ortiz2018", "patel2016", "quinn2022", "stairs2020"]


def _refs_output(library_dir: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["refs", GAMMA, "--format", fmt, "--library", str(library_dir)]) == 0
    return capsys.readouterr().out


def test_bibtex_parses_with_bibtexparser(
    library_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _refs_output(library_dir, "bibtex", capsys)
    library = parse_string(text)
    assert library.failed_blocks == []
    assert [entry.key for entry in library.entries] == GAMMA_IDS
    ortiz = next(entry for entry in library.entries if entry.key == "ortiz2018")
    fields = ortiz.fields_dict
    assert ortiz.entry_type == "article"
    assert fields["doi"].value == "10.1234/tr.2018.3"
    assert fields["year"].value == "2018"
    assert fields["pages"].value == "40--48"
    assert fields["author"].value == "Ortiz, Luis and Berg, Nora"


def test_bibtex_escapes_what_latex_would_read() -> None:
    ref = Reference(
        "x_1",
        "article-journal",
        (Name("O'Neil", "A"), Name(literal="Bone & Joint Group")),
        2020,
        "Calcium 50% more: {a} test_#1",
        container="J & J",
    )
    text = to_bibtex([ref])
    library = parse_string(text)
    assert library.failed_blocks == []
    fields = library.entries[0].fields_dict
    assert fields["title"].value == r"{Calcium 50\% more: \{a\} test\_\#1}"
    assert fields["journal"].value == r"J \& J"
    assert fields["author"].value == r"O'Neil, A and {Bone \& Joint Group}"


def test_csl_json_is_json_with_the_csl_fields(
    library_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    items = json.loads(_refs_output(library_dir, "csl-json", capsys))
    assert [item["id"] for item in items] == GAMMA_IDS
    ng = next(item for item in items if item["id"] == "ng2021")
    assert ng["type"] == "article-journal"
    assert ng["author"][0] == {"family": "Ng", "given": "Hana"}
    assert ng["issued"] == {"date-parts": [[2021]]}
    assert ng["container-title"] == "Journal of Test Stairs"
    assert ng["DOI"] == "10.1234/jts.2021.007"
    council = next(item for item in items if item["id"] == "stairs2020")
    assert council["author"] == [{"literal": "Test Stair Council"}]


def test_ris_records_have_type_authors_and_end() -> None:
    ref = Reference(
        "r",
        "article-journal",
        (Name("Lee", "J"), Name("Kim", "M")),
        2019,
        "T",
        container="J",
        volume="15",
        issue="1",
        page="26-30",
        doi="10.1/x",
    )
    lines = to_ris([ref]).splitlines()
    assert lines[0] == "TY  - JOUR"
    assert lines[1:3] == ["AU  - Lee, J", "AU  - Kim, M"]
    assert "SP  - 26" in lines and "EP  - 30" in lines and "DO  - 10.1/x" in lines
    assert lines[-1] == "ER  - "


def test_unknown_format_is_refused(library_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["refs", GAMMA, "--format", "endnote", "--library", str(library_dir)])
    assert caught.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
