"""wellread import: pages written for these tests, in the shapes real pages have."""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.cli import main
from tui.content import check_library, load_library
from tui.importer import ImportError_, import_source

PAGES = Path(__file__).parent / "fixtures" / "pages"
DUMP = PAGES / "walking-dump.txt"
HEADINGS = [
    "What the studies found",
    "Why pace and slope matter",
    "Who should go carefully",
    "Is walking enough on its own?",
    "Other things to try",
    "A last word",
]
FURNITURE = [
    "Photo of a pair of trainers",
    "join us",
    "Sign up today",
    "Thank you! Your submission has been received!",
    "Oops! Something went wrong while submitting the form.",
    "No items found.",
    "Explore related exercises",
    "Explore related articles",
]


def _import(path: Path) -> str:
    return import_source(path.read_bytes(), source_name=path.name).text


def _body(article: str) -> str:
    return article.split("\n---\n", 1)[1]


def test_text_dump_sections_references_and_citations() -> None:
    result = import_source(DUMP.read_bytes(), source_name=DUMP.name)
    assert result.draft.title == "Does Walking Help Your Hips?"
    assert [b.text for b in result.draft.blocks if b.kind == "heading"] == HEADINGS
    body = _body(result.text)
    for line in FURNITURE:
        assert line not in body
        assert line in result.draft.dropped
    assert "Disclaimer:" not in body
    assert [r["id"] for r in result.references] == [
        "harper2018",
        "okafor2020",
        "tomas2019",
        "nguyen2016",
    ]
    assert [r.get("DOI") for r in result.references] == [
        "10.5555/jbwr.2018.0123",
        "10.5555/owj.2020.0044",
        None,
        "10.5555/fr.2016.001",
    ]
    tomas = result.references[2]
    assert tomas["author"][0] == {"family": "Tomas", "given": "Mateo"}
    assert tomas["container-title"] == "Journal of Loading Studies"
    assert (tomas["volume"], tomas["issue"], tomas["page"]) == ("5", "4", "200-210")
    assert body.count("[@harper2018]") == 3
    assert body.count("[@okafor2020]") == 3
    assert "[@nguyen2016]" in body
    assert result.citations.given_name == [("(Mateo, 2019)", "tomas2019")]
    unlinked = dict(result.citations.unlinked)
    assert set(unlinked) == {"(2001 study)", "(Quist, 2021)"}
    # Never invented: what could not be linked stays exactly as the page wrote it.
    assert "(2001 study)" in body and "(Quist, 2021)" in body
    assert "1. Walk faster for a minute" in body
    assert "- Stair climbing: a few flights at a steady pace." in body


def _webflow(dump: str) -> str:
    """The dump's page as a Webflow site builds it: a rich-text block, a hidden form
    status, an empty collection list, and the references in a block of their own."""
    lines = [line.strip() for line in dump.split("\n") if line.strip()]
    title, rest = lines[0], lines[1:]
    body: list[str] = []
    refs: list[str] = []
    items: list[str] = []
    tag = ""

    def close() -> None:
        nonlocal items, tag
        if items:
            body.append(
                f"<{tag}>" + "".join(f"<li>{html.escape(i)}</li>" for i in items) + f"</{tag}>"
            )
        items, tag = [], ""

    tail = False
    for line in rest:
        numbered = re.match(r"^(\d+)\.\s+(.*)$", line)
        if line == "join us":
            tail = True
        if tail:
            if (numbered and re.search(r"\d{4};", line)) or (numbered and ". 20" in line):
                refs.append(numbered.group(2))
            continue
        if line.startswith("Photo of"):
            body.append(f'<img src="shoes.jpg" alt="{html.escape(line)}">')
        elif numbered or line.startswith("\u2022"):
            wanted = "ol" if numbered else "ul"
            if tag != wanted:
                close()
                tag = wanted
            items.append(numbered.group(2) if numbered else line[1:].strip())
        else:
            close()
            element = "h2" if line in HEADINGS else "p"
            body.append(f"<{element}>{html.escape(line)}</{element}>")
    close()
    return f"""<!DOCTYPE html><html><head><title>{html.escape(title)} | Walk Site</title>
</head><body><div class="w-nav"><a href="/">Home</a><a href="/join">join us</a></div>
<div class="hero"><h1>{html.escape(title)}</h1></div>
<div class="w-richtext">{"".join(body)}</div>
<div class="cta"><h2>join us</h2><a class="button" href="/go">Sign up today</a>
<div class="w-form"><form><input name="email"></form>
<div class="w-form-done"><div>Thank you! Your submission has been received!</div></div>
<div class="w-form-fail"><div>Oops! Something went wrong while submitting the form.</div></div>
</div></div>
<div><h3>Explore related exercises</h3><div class="w-dyn-list"><div class="w-dyn-empty">
<div>No items found.</div></div></div></div>
<div class="w-richtext"><ol>{"".join(f"<li>{html.escape(r)}</li>" for r in refs)}</ol></div>
<div><h3>Explore related articles</h3></div></body></html>"""


def test_the_same_page_as_webflow_html_imports_to_the_same_article() -> None:
    page = _webflow(DUMP.read_text(encoding="utf-8"))
    from_text = import_source(DUMP.read_bytes(), source_name="page.txt")
    from_html = import_source(page.encode(), source_name="page.html")
    assert _body(from_html.text) == _body(from_text.text)
    assert from_html.references == from_text.references
    assert from_html.citations.unlinked == from_text.citations.unlinked


def test_pmc_numbered_citations_link_by_target_not_position() -> None:
    result = import_source((PAGES / "pmc-article.html").read_bytes(), source_name="pmc.html")
    body = _body(result.text)
    # The first citation in the text points at the list's second item.
    assert "for more than a century [@wolfe1999]." in body
    assert "at the hip and spine [@ibarra2020; @lund2015]." in body
    assert [b.text for b in result.draft.blocks if b.kind == "heading"] == [
        "Introduction",
        "Methods",
        "Selection",
        "Results",
    ]
    assert result.references[2]["DOI"] == "10.5555/jsb.2020.055"
    assert result.draft.date == "2022-03-14"
    assert "References" not in body


def test_wikipedia_cite_notes_and_edit_links() -> None:
    result = import_source((PAGES / "wiki-article.html").read_bytes(), source_name="w.html")
    body = _body(result.text)
    assert "[edit]" not in body and "edit" not in body.split()
    assert "laid down in its place. [@hale2011]" in body or "in its place.[@hale2011]" in body
    assert "[@okoro2017; @fielding2019]" in body
    assert [r["id"] for r in result.references] == ["hale2011", "okoro2017", "fielding2019"]
    assert result.citations.unlinked == []


def test_news_page_without_references_still_imports() -> None:
    result = import_source((PAGES / "news-page.html").read_bytes(), source_name="news.html")
    assert result.references == []
    assert result.draft.site == "The Pretend Gazette"
    assert "Share this" not in result.text
    assert "Most read" not in result.text


@pytest.mark.parametrize("page", sorted(p.name for p in PAGES.iterdir()))
def test_every_test_page_passes_check_after_import(page: str, library_dir: Path) -> None:
    before = {p.name for p in library_dir.glob("*.md")}
    out, err = io.StringIO(), io.StringIO()
    code = _run(["--library", str(library_dir), "import", str(PAGES / page)], out, err)
    assert code == 0, err.getvalue()
    (new,) = [p for p in library_dir.glob("*.md") if p.name not in before]
    problems = check_library(load_library(library_dir))
    assert [p for p in problems if p.is_error and p.path.name == new.name] == []
    report = out.getvalue()
    assert "Citations left as written" in report
    assert "Wrote " in report


def _run(argv: list[str], out: io.StringIO, err: io.StringIO) -> int:
    import contextlib

    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        return main(argv)


def test_dry_run_writes_nothing_and_prints_the_article(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = _run(["import", str(DUMP), "--dry-run", "--into", str(tmp_path / "x")], out, err)
    assert code == 0
    assert not (tmp_path / "x").exists()
    assert out.getvalue().startswith("---\ntitle: Does Walking Help Your Hips?\n")
    assert "(2001 study): names no author" in err.getvalue()


def test_an_existing_article_is_not_overwritten_without_force(tmp_path: Path) -> None:
    args = ["import", str(DUMP), "--into", str(tmp_path), "--slug", "walking"]
    assert _run(args, io.StringIO(), io.StringIO()) == 0
    (tmp_path / "walking.md").write_text("mine", encoding="utf-8")
    err = io.StringIO()
    assert _run(args, io.StringIO(), err) == 1
    assert "exists" in err.getvalue()
    assert (tmp_path / "walking.md").read_text(encoding="utf-8") == "mine"
    assert _run([*args, "--force"], io.StringIO(), io.StringIO()) == 0
    assert (tmp_path / "walking.md").read_text(encoding="utf-8").startswith("---\n")


def test_imports_go_to_the_readers_own_library_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WELLREAD_DATA", str(tmp_path / "data"))
    assert _run(["import", str(DUMP), "--slug", "w"], io.StringIO(), io.StringIO()) == 0
    assert (tmp_path / "data" / "library" / "w.md").is_file()


def test_markdown_and_hostile_text_stay_text(tmp_path: Path) -> None:
    page = (
        "# A heading\n\nSome text with [@click=app.quit]markup[/] and \x1b[2J escape "
        "and <script>x</script> (Nobody, 2020).\n\n## Part\n\n* one\n* two\n"
    )
    result = import_source(page.encode(), source_name="page.md")
    assert result.draft.title == "A heading"
    assert "\x1b" not in result.text
    assert "\\[@click=app.quit\\]" in result.text
    assert "(Nobody, 2020)" in result.text
    (tmp_path / "a.md").write_text(result.text, encoding="utf-8")
    library = load_library(tmp_path)
    article = library.article("a")
    assert not [p for p in article.problems if p.is_error]


def test_binary_input_is_refused_with_a_reason() -> None:
    with pytest.raises(ImportError_, match="NUL"):
        import_source(b"\x00\x01\x02" * 10, source_name="x.bin")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=600), st.sampled_from(["p.txt", "p.md", "p.html"]))
def test_any_text_imports_to_a_loadable_article_or_a_reason(text: str, name: str) -> None:
    try:
        result = import_source(text.encode("utf-8", "surrogatepass"), source_name=name)
    except ImportError_:
        return
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", result.text)
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "x.md").write_text(result.text, encoding="utf-8")
        library = load_library(Path(folder))
        assert list(library.articles) == ["x"], library.unreadable
        library.article("x")


_TAGS = st.sampled_from(["p", "h2", "h3", "li", "div", "span", "a", "sup", "td", "script"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(_TAGS, st.text(max_size=80), st.sampled_from(["", "#ref-1", "x"])), max_size=25
    )
)
def test_any_html_imports_without_an_exception(parts: list[tuple[str, str, str]]) -> None:
    inner = "".join(
        f'<{tag} href="{href}" id="ref-{i}">{html.escape(text)}</{tag}>'
        for i, (tag, text, href) in enumerate(parts)
    )
    page = f"<html><head><title>T</title></head><body><main>{inner}</main></body></html>"
    try:
        result = import_source(page.encode(), source_name="p.html")
    except ImportError_:
        return
    assert "\x1b" not in result.text
    assert result.text.startswith("---\n")


def test_an_imported_article_says_where_it_came_from(library_dir: Path) -> None:
    from tui.render.document import render_document
    from tui.render.summaries import exercise_lines, related_exercise_facts

    assert (
        _run(
            ["--library", str(library_dir), "import", str(DUMP), "--slug", "walk"],
            io.StringIO(),
            io.StringIO(),
        )
        == 0
    )
    library = load_library(library_dir)
    article = library.article("walk")
    assert article.source["file"] == "walking-dump.txt"
    texts = [block.text for block in render_document(article).blocks[:4]]
    provenance = next(t for t in texts if t.startswith("Imported from "))
    assert provenance.startswith("Imported from walking-dump.txt; imported on ")
    assert provenance.endswith("Not reviewed by wellread.")
    # The page speaks of heels and raising: the test library's heel-raise card fits.
    assert article.related_exercises == ["heel-raise"] and article.suggested_exercises
    facts = related_exercise_facts(library, article)[0]
    assert exercise_lines(facts, article.suggested_exercises)[-1] == (
        "Suggested from the article's words, not by a clinician"
    )
