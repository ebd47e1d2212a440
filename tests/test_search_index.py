"""The library search: one stemmer for the index, the query and the marks; ranking;
snippets; "did you mean". On a library the tests write (tests/search_library.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from search_library import write_search_library

from tui.content import load_library
from tui.content.search import SearchHit, SearchIndex, split_snippet
from tui.content.search_units import units_text
from tui.content.snippets import (
    SNIPPET_WIDTH,
    UNIT_BREAK,
    UNIT_JOIN,
    make_snippet,
)
from tui.content.tokens import Forms, query_terms, stem, terms_regex

WALKING = "walking-for-stronger-legs"
FRACTURES = "living-after-a-fracture"


@pytest.fixture
def index(tmp_path: Path) -> SearchIndex:
    library = load_library(write_search_library(tmp_path / "library"))
    built = SearchIndex(library, tmp_path / "index.sqlite")
    built.update()
    return built


def marked(hit: SearchHit) -> list[str]:
    return [text for text, is_match in split_snippet(hit.snippet) if is_match]


def shown(hit: SearchHit) -> str:
    return "".join(text for text, _ in split_snippet(hit.snippet))


def test_word_forms_share_one_stem() -> None:
    assert stem("fracture") == stem("fractures") == stem("fractured") == stem("Fractures")
    assert stem("running") == stem("runs") == stem("run")
    assert stem("walk") == stem("walking") == stem("walks")
    assert stem("fracture") != stem("fraction")
    # A quoted phrase is one term; a hyphenated word is a phrase too.
    assert query_terms('"Vertebral fractures" hip-bone hip') == [
        (stem("vertebral"), stem("fracture")),
        (stem("hip"), stem("bone")),
        (stem("hip"),),
    ]


def test_any_form_finds_and_marks_every_form(index: SearchIndex) -> None:
    by_plural = index.search("fractures")
    by_singular = index.search("fracture")
    assert [(h.slug, h.entry) for h in by_plural] == [(h.slug, h.entry) for h in by_singular]
    healing = next(h for h in by_plural if h.heading.endswith("Healing"))
    assert {word.lower() for word in marked(healing)} == {"fractured", "fractures"}
    overview = next(h for h in by_plural if h.slug == FRACTURES and h.entry == 0)
    assert marked(overview) == ["fracture"]
    running = next(h for h in index.search("running") if h.heading.endswith("Moving again"))
    assert [word.lower() for word in marked(running)] == ["running", "runs", "run"]


def test_quoted_phrases_match_whole_in_any_form(index: SearchIndex) -> None:
    [hit] = index.search('"walks each day"')
    assert (hit.slug, hit.entry) == (WALKING, 0)
    assert marked(hit) == ["walk each day"]
    # The same words, not one after the other: no phrase.
    assert index.search('"walk day"') == []
    # Query syntax of SQLite is only words here.
    assert index.search("walk OR NEAR(heart) *") == []
    assert index.search('" "') == [] and index.search("") == []


def test_titles_and_articles_rank_above_card_sections(index: SearchIndex) -> None:
    hits = index.search("walk")
    assert (hits[0].kind, hits[0].slug, hits[0].entry) == ("article", WALKING, 0)
    why = next(n for n, h in enumerate(hits) if h.heading == "1. Why it helps")
    easier = next(n for n, h in enumerate(hits) if h.kind == "exercise")
    assert hits[easier].heading == "3. Easier"
    # The card's short "Easier" says "walk" three times in five words; the article's
    # section that speaks of walking still comes first.
    assert why < easier


def test_snippets_are_body_sentences_never_only_a_title(index: SearchIndex) -> None:
    titles = {"Walking for stronger legs", "Living after a fracture", "Marching on the spot"}
    for query in ("walk", "fracture", "marching", "spine", "osteoporosis", "chair"):
        for hit in index.search(query):
            assert shown(hit) not in titles and shown(hit) != hit.heading
    # A card found by its title shows its summary, not the title again.
    [card] = [h for h in index.search("marching") if h.entry == 0]
    assert shown(card) == "Lift each knee in turn while standing, holding a chair back."
    assert marked(card) == []


def test_list_items_and_table_rows_read_apart(index: SearchIndex) -> None:
    [hit] = index.search("spine")
    text = shown(hit)
    assert text.startswith("keep your spine tall and your chin level.")
    # Each list item is its own piece, never run on into the next as one sentence.
    assert f"level.{UNIT_JOIN}you can carry" in text
    assert marked(hit) == ["spine"]
    [row] = index.search("sing")
    assert "Pace: Easy; Feels like: You can sing" in shown(row)


def test_long_sentences_are_cut_around_the_match(tmp_path: Path) -> None:
    folder = write_search_library(tmp_path / "library")
    words = " ".join(f"word{n}" for n in range(80))
    (folder / "long.md").write_text(
        f"---\ntitle: Long\nsummary: S.\n---\n## Part\n{words} zebra {words}.\n", encoding="utf-8"
    )
    index = SearchIndex(load_library(folder), tmp_path / "index.sqlite")
    index.update()
    [hit] = index.search("zebra")
    text = shown(hit)
    assert text.startswith("…") and text.endswith("…") and len(text) <= 170
    assert marked(hit) == ["zebra"] and " zebra " in text
    assert re.fullmatch(r"…(word\d+ )+zebra( word\d+)+…", text)


def test_a_misspelt_word_is_searched_as_the_library_spells_it(index: SearchIndex) -> None:
    found = index.find("osteoprosis")
    assert found.corrected and found.searched == "osteoporosis"
    assert found.hits and all(h.words == "osteoporosis" for h in found.hits)
    assert all("osteoporosis" in [m.lower() for m in marked(h)] for h in found.hits)
    # Quotes and the other words are kept.
    phrase = index.find('"porous boen"')
    assert phrase.searched == '"porous bone"' and phrase.hits
    # A word spelt right is left alone; a word like nothing in the library stays unfound.
    assert not index.find("walk").corrected
    nothing = index.find("xylophonist")
    assert nothing.hits == [] and not nothing.corrected and nothing.suggestion == ""


def test_few_hits_for_a_rare_misspelling_offer_the_common_spelling(tmp_path: Path) -> None:
    folder = write_search_library(tmp_path / "library")
    (folder / "typo.md").write_text(
        "---\ntitle: Typo\nsummary: S.\n---\nA note on osteoporsis, spelt wrong once.\n",
        encoding="utf-8",
    )
    for number in range(3):
        (folder / f"more-{number}.md").write_text(
            f"---\ntitle: More {number}\nsummary: S.\n---\n## One\nOsteoporosis here.\n"
            "## Two\nAnd osteoporosis there.\n",
            encoding="utf-8",
        )
    index = SearchIndex(load_library(folder), tmp_path / "index.sqlite")
    index.update()
    found = index.find("osteoporsis")
    assert not found.corrected and [h.slug for h in found.hits] == ["typo"]
    assert found.suggestion == "osteoporosis" and found.suggestion_count >= 6


def test_new_words_join_the_vocabulary_on_update(tmp_path: Path) -> None:
    folder = write_search_library(tmp_path / "library")
    index_file = tmp_path / "index.sqlite"
    SearchIndex(load_library(folder), index_file).update()
    walking = folder / f"{WALKING}.md"
    walking.write_text(walking.read_text(encoding="utf-8") + "\nA quokka walks by.\n")
    index = SearchIndex(load_library(folder), index_file)
    assert index.update().indexed == 1
    found = index.find("quoka")
    assert found.searched == "quokka" and [h.slug for h in found.hits] == [WALKING]


def test_a_changed_schema_is_rebuilt(tmp_path: Path, index: SearchIndex) -> None:
    index.db.execute("PRAGMA user_version = 4")
    index.close()
    again = SearchIndex(index.library, index.path)
    assert again.search("walk") == []
    assert again.update().indexed == 3 and again.search("walk")


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=40))
def test_any_query_is_only_words(index: SearchIndex, query: str) -> None:
    found = index.find(query)
    assert all(isinstance(hit, SearchHit) for hit in found.hits)
    for hit in found.hits:
        assert "\x02" not in shown(hit) and "\x03" not in shown(hit)


def test_accents_and_case_do_not_hide_a_word(tmp_path: Path) -> None:
    folder = write_search_library(tmp_path / "library")
    (folder / "cafe.md").write_text(
        "---\ntitle: Café walks\nsummary: S.\n---\n## Where\nMeet at the CAFÉ, then walk.\n",
        encoding="utf-8",
    )
    index = SearchIndex(load_library(folder), tmp_path / "index.sqlite")
    index.update()
    assert stem("Café") == stem("cafe") == stem("CAFÉ")
    [hit] = [h for h in index.search("cafe") if h.entry > 0]
    assert marked(hit) == ["CAFÉ"]


@settings(max_examples=200)
@given(
    st.lists(st.text(max_size=120), max_size=6),
    st.text(alphabet='abcdefg .!?"', max_size=12),
)
def test_any_text_gives_a_short_snippet_of_its_own_words(units: list[str], query: str) -> None:
    text = units_text(units)
    pattern = terms_regex(query_terms(query), Forms.of_text(text))
    snippet = make_snippet(text, pattern)
    plain = "".join(piece for piece, _ in split_snippet(snippet))
    assert len(plain) <= SNIPPET_WIDTH + 2
    # Every piece of it is the text's own, in the text's order.
    for piece in plain.replace("…", UNIT_JOIN).split(UNIT_JOIN):
        assert piece.strip(" ") in text.replace(UNIT_BREAK, " ")
