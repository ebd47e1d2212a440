"""wellread exercises and wellread handout on a library the tests write."""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path

import html5lib
import pytest
from exercise_library import write_cards

from tui.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def cards(tmp_path: Path) -> Path:
    return write_cards(tmp_path / "lib")


def test_exercises_json_lists_only_cards_with_no_impact(cards: Path) -> None:
    code, out, _ = run("--library", str(cards), "exercises", "--impact", "none", "--format", "json")
    assert code == 0
    records = json.loads(out)
    assert sorted(r["slug"] for r in records) == ["sit-back", "toe-stand"]
    assert all(r["impact"] == "none" for r in records)


def test_exercises_filters_by_kind_equipment_and_spine_cautions(cards: Path) -> None:
    _, out, _ = run("--library", str(cards), "exercises", "--kind", "balance")
    assert "toe-stand\tToe stand" in out and "stamp-walk" not in out
    _, out, _ = run("--library", str(cards), "exercises", "--equipment", "none")
    assert "stamp-walk" in out and "toe-stand" not in out
    _, out, _ = run("--library", str(cards), "exercises", "--equipment", "chair")
    assert out.startswith("sit-back\t")
    _, out, _ = run("--library", str(cards), "exercises", "--no-spine-cautions")
    assert "stamp-walk" not in out and "toe-stand" in out
    code, out, _ = run("--library", str(cards), "exercises", "--kind", "posture")
    assert code == 1 and "No exercise card matches" in out


def test_handout_html_is_valid_self_contained_and_safety_first(cards: Path, tmp_path: Path) -> None:
    target = tmp_path / "h.html"
    code, out, _ = run(
        "--library", str(cards), "handout", "sit-back", "toe-stand", "-o", str(target)
    )
    assert code == 0
    assert f"Wrote {target.resolve()}" in out
    text = target.read_text(encoding="utf-8")
    parser = html5lib.HTMLParser(strict=True)
    document = parser.parse(text)  # raises on any HTML5 parse error
    ns = {"h": "http://www.w3.org/1999/xhtml"}
    for element in document.iter():
        for attribute in ("src", "href"):
            value = element.get(attribute)
            if value is not None and element.tag.endswith("}a"):
                assert value.startswith("https://doi.org/"), value
            elif value is not None:
                pytest.fail(f"{element.tag} loads {value}")
    assert not document.findall(".//h:script", ns)
    assert "<script>x</script>" not in text and "&lt;script&gt;" in text
    style = document.find(".//h:style", ns)
    assert style is not None
    print_rules = style.text.split("@media print", 1)[1]
    body_pt = re.search(r"body\s*{[^}]*font-size:\s*(\d+)pt", print_rules)
    assert body_pt is not None and int(body_pt.group(1)) >= 14
    assert "break-before: page" in print_rules
    for card in ("Sit back", "Toe stand"):
        start = text.index(card)
        section = text[start : text.index("</section>", start)]
        assert section.index("Cautions") < section.index("How to do it")
        assert section.index("Who should skip it") < section.index("How to do it")
        assert section.index("Stop and get help if") < section.index("How to do it")


def test_handout_never_overwrites_without_force(cards: Path, tmp_path: Path) -> None:
    target = tmp_path / "h.txt"
    target.write_text("mine", encoding="utf-8")
    code, _, err = run("--library", str(cards), "handout", "toe-stand", "-o", str(target))
    assert code == 1 and "--force" in err
    assert target.read_text(encoding="utf-8") == "mine"
    code, _, _ = run("--library", str(cards), "handout", "toe-stand", "-o", str(target), "--force")
    assert code == 0 and target.read_text(encoding="utf-8") != "mine"


def test_handout_txt_has_no_escape_or_box_drawing(cards: Path) -> None:
    code, out, _ = run("--library", str(cards), "handout", "stamp-walk", "--format", "txt")
    assert code == 0
    assert "\x1b" not in out
    assert not re.search("[\u2500-\u259f]", out)
    assert out.index("Stop and get help if") < out.index("How to do it")
    assert "not medical advice" in out


def test_handout_markdown_escapes_card_text(cards: Path) -> None:
    code, out, _ = run("--library", str(cards), "handout", "sit-back", "--format", "md")
    assert code == 0
    assert "## Sit back \\<b\\>&amp; rise\\</b\\>" in out


def test_unknown_card_is_named_with_a_suggestion(cards: Path) -> None:
    code, _, err = run("--library", str(cards), "handout", "toe-stnd")
    assert code == 2
    assert "toe-stand" in err
