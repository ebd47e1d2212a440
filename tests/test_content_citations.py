from __future__ import annotations

import pytest

from tui.content.citations import parse_cite_items
from tui.content.model import CiteItem


def test_single_citation() -> None:
    assert parse_cite_items("@beck2017") == (CiteItem("beck2017"),)


def test_several_citations_with_locator_and_prefix() -> None:
    assert parse_cite_items("see @beck2017, p. 440; @daly2019") == (
        CiteItem("beck2017", locator="p. 440", prefix="see"),
        CiteItem("daly2019"),
    )


def test_ids_keep_internal_punctuation() -> None:
    assert parse_cite_items("@doe:2020.a") == (CiteItem("doe:2020.a"),)


@pytest.mark.parametrize("inner", ["no at sign", "@", "@a; plain text", ""])
def test_not_a_citation(inner: str) -> None:
    assert parse_cite_items(inner) is None
