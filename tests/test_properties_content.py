"""Property tests: whatever bytes, front matter or Markdown a file holds, loading gives
an article or problems (never an exception), and nothing shown or exported holds a
control character. Example counts stay modest so the suite stays quick."""

from __future__ import annotations

import io
import json
import re
import tempfile
from pathlib import Path

import rispy
import yaml
from bibtexparser.entrypoint import parse_string
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.content import Library, check_library, load_library
from tui.content.clean import clean, clean_line
from tui.content.export import to_bibtex, to_csl_json, to_ris
from tui.linear import LinearReader
from tui.render.plain import article_text

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b-\u200d]")
FAST = settings(
    database=None,
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _no_constant(name: str) -> None:
    raise AssertionError(f"{name} is not JSON")


def _load(data: bytes) -> Library:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "one.md").write_bytes(data)
        library = load_library(root)
        # Parsed while the file is there; the library keeps what it read.
        for slug in library.articles:
            library.article(slug)
        check_library(library)
        return library


def _everything_out(library: Library) -> str:
    """Every way an article leaves wellread as text: plain reading and the exporters."""
    out: list[str] = [str(p) for p in library.unreadable]
    for slug in library.articles:
        article = library.article(slug)
        out += [str(p) for p in article.problems]
        out += article_text(article, [], {slug: library.articles[slug].title})
        csl = to_csl_json(article.references)
        json.loads(csl, parse_constant=_no_constant)
        bibtex = to_bibtex(article.references)
        assert parse_string(bibtex).failed_blocks == []
        ris = to_ris(article.references)
        assert len(rispy.loads(ris)) == len(article.references)
        out += [csl, bibtex, ris]
        reader_out = io.StringIO()
        LinearReader(library, io.StringIO(""), reader_out).open(slug)
        out.append(reader_out.getvalue())
    return "\n".join(out)


def _check_clean(text: str) -> None:
    found = CONTROL.search(text)
    assert found is None, repr(text[max(0, found.start() - 20) : found.end() + 20])


@FAST
@given(st.binary(max_size=2000))
def test_any_bytes_give_an_article_or_problems(data: bytes) -> None:
    library = _load(data)
    assert len(library.articles) + len(library.unreadable) == 1
    _check_clean(_everything_out(library))


@FAST
@given(st.binary(max_size=600))
def test_any_bytes_after_a_front_matter_line(data: bytes) -> None:
    library = _load(b"---\ntitle: T\n" + data + b"\n---\n## A\n\n" + data)
    _check_clean(_everything_out(library))


# YAML values as a reference manager or a hand might write them, weird ones included.
_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.dates(),
)
_values = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)
_keys = st.sampled_from(
    ["title", "summary", "tags", "reviewed", "key_points", "related_exercises", "references"]
) | st.text(max_size=8)


@FAST
@given(st.dictionaries(_keys, _values, max_size=6))
def test_any_front_matter_data(data: dict[str, object]) -> None:
    front = yaml.safe_dump(data, allow_unicode=True)
    library = _load(f"---\n{front}---\n## A\n\nText [@x].\n".encode())
    _check_clean(_everything_out(library))


_reference = st.fixed_dictionaries(
    {"id": st.text(min_size=1, max_size=12)},
    optional={
        "title": _values,
        "author": _values,
        "issued": _values,
        "page": _values,
        "URL": _values,
        "DOI": _values,
        "container-title": _values,
        "type": st.text(max_size=10),
    },
)


@FAST
@given(st.lists(_reference, max_size=4))
def test_any_references_export_as_valid_json_bibtex_and_ris(refs: list[object]) -> None:
    front = yaml.safe_dump({"title": "T", "summary": "S", "references": refs}, allow_unicode=True)
    library = _load(f"---\n{front}---\n## A\n\nText.\n".encode())
    _check_clean(_everything_out(library))


# Markdown made of the characters that mean something to a parser, and some that don't.
_pieces = [*"#*_`[]()!<>-+|:@;^~\\=\n \t.1aZ", "\x1b", "\x9b", "\u202e", "&#27;", "[@x]", "[^1]"]
_markdown = st.lists(st.sampled_from(_pieces), max_size=300).map("".join)


@FAST
@given(_markdown)
def test_any_markdown_body(body: str) -> None:
    front = "title: T\nsummary: S\nreferences:\n  - {id: x, title: X}\n"
    library = _load(f"---\n{front}---\n{body}".encode())
    assert "one" in library.articles
    _check_clean(_everything_out(library))


@settings(max_examples=200, deadline=None, database=None)
@given(st.text())
def test_the_cleaner_leaves_nothing_to_clean(text: str) -> None:
    _check_clean(clean(text).replace("\n", "").replace("\t", ""))
    _check_clean(clean_line(text))
    assert clean(clean(text)) == clean(text)


def test_page_ranges_split_on_any_dash_in_ris_and_bibtex() -> None:
    from tui.content.model import Name, Reference

    refs = [
        Reference("a", "article-journal", (Name("Lee", "J"),), 2017, "T", page=page)
        for page in ("438–445", "438-445", "438 — 445", "e1234")
    ]
    records = rispy.loads(to_ris(refs))
    assert [(r.get("start_page"), r.get("end_page")) for r in records] == [
        ("438", "445"),
        ("438", "445"),
        ("438", "445"),
        ("e1234", None),
    ]
    assert "SP  - 438\nEP  - 445" in to_ris(refs[:1])
    entries = parse_string(to_bibtex(refs)).entries
    assert [e.fields_dict["pages"].value for e in entries] == [
        "438--445",
        "438--445",
        "438--445",
        "e1234",
    ]
