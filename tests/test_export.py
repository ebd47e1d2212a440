"""`wellread refs`: references out for reference managers, read back by real parsers."""

from __future__ import annotations

import json
from pathlib import Path

import bibtexparser
import pytest

from tui.cli import main
from tui.content import load_library
from tui.content.export import to_bibtex, to_ris
from tui.content.model import Name, Reference

RUNNING = "running-and-osteoporosis"


def _refs_output(bundled_dir: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["refs", RUNNING, "--format", fmt, "--library", str(bundled_dir)]) == 0
    return capsys.readouterr().out


def test_bibtex_parses_with_bibtexparser(
    bundled_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _refs_output(bundled_dir, "bibtex", capsys)
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    article = load_library(bundled_dir).article(RUNNING)
    assert [entry.key for entry in library.entries] == [ref.id for ref in article.references]
    beck = next(entry for entry in library.entries if entry.key == "beck2017")
    fields = beck.fields_dict
    assert beck.entry_type == "article"
    assert fields["doi"].value == "10.1016/j.jsams.2016.10.001"
    assert fields["year"].value == "2017"
    assert fields["pages"].value == "438--445"
    assert fields["author"].value.startswith("Beck, Belinda R and Daly, Robin M")


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
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    fields = library.entries[0].fields_dict
    assert fields["title"].value == r"{Calcium 50\% more: \{a\} test\_\#1}"
    assert fields["journal"].value == r"J \& J"
    assert fields["author"].value == r"O'Neil, A and {Bone \& Joint Group}"


def test_csl_json_is_json_with_the_csl_fields(
    bundled_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    items = json.loads(_refs_output(bundled_dir, "csl-json", capsys))
    article = load_library(bundled_dir).article(RUNNING)
    assert [item["id"] for item in items] == [ref.id for ref in article.references]
    beck = next(item for item in items if item["id"] == "beck2017")
    assert beck["type"] == "article-journal"
    assert beck["author"][0] == {"family": "Beck", "given": "Belinda R"}
    assert beck["issued"] == {"date-parts": [[2017]]}
    assert beck["container-title"] == "Journal of Science and Medicine in Sport"
    assert beck["DOI"] == "10.1016/j.jsams.2016.10.001"


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


def test_unknown_format_is_refused(bundled_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["refs", RUNNING, "--format", "endnote", "--library", str(bundled_dir)])
    assert caught.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
