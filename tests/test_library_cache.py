"""The list data cache and the reader's own folder beside the bundled library."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from tui.cli import EXPORT_FORMATS, LIBRARY_ENV, main
from tui.content import check_library, documents, load_library
from tui.content import folders as folders_module
from tui.content.documents import list_keys_only
from tui.content.export import FORMATS
from tui.content.listing import CACHE_NAME, SCHEMA_VERSION

ARTICLE = """---
title: {title}
summary: A page written for the cache tests.
tags: [cache]
related_exercises: [{card}]
references:
  - id: ko2021
    type: article-journal
    author: [{{family: Ko, given: Min}}]
    issued: {{date-parts: [[2021]]}}
    title: A study of testing
---

Some text that cites a study [@ko2021].
"""

CARD = """---
title: Step up
summary: A card written for the cache tests.
kind: strength
impact: low
---

Step up onto a low step [@ko2021].

## Stop and get help if

You feel pain.
"""


def _article(folder: Path, slug: str, title: str, card: str = "wall-sit") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{slug}.md"
    path.write_text(ARTICLE.format(title=title, card=card), encoding="utf-8")
    return path


def test_constants_kept_beside_the_content_layer_agree() -> None:
    assert EXPORT_FORMATS == FORMATS
    assert LIBRARY_ENV == folders_module.LIBRARY_ENV


def test_cache_is_used_and_invalidated_on_change(
    library_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / CACHE_NAME
    first = load_library(library_dir, cache=cache)
    assert cache.is_file()
    rows = sqlite3.connect(cache).execute("SELECT COUNT(*) FROM files").fetchone()[0]
    assert rows == len(first.articles) + len(first.exercises)

    # Warm: nothing is read from the files.
    read: list[Path] = []
    real = documents.read_entry

    def counting(path: Path, *args: object, **kwargs: object) -> object:
        read.append(path)
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(documents, "read_entry", counting)
    warm = load_library(library_dir, cache=cache)
    assert read == []
    assert {s: e.title for s, e in warm.articles.items()} == {
        s: e.title for s, e in first.articles.items()
    }
    assert warm.articles["alpha"].tags == first.articles["alpha"].tags
    assert warm.exercise_facts("wall-sit") == first.exercise_facts("wall-sit")

    # A changed file (new size and mtime) is read again, and only that one.
    path = library_dir / "beta.md"
    text = path.read_text(encoding="utf-8").replace("title:", "title: Changed", 1)
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(1, 1))
    again = load_library(library_dir, cache=cache)
    assert read == [path]
    assert again.articles["beta"].title.startswith("Changed")
    # The whole article still opens from the file.
    assert again.article("alpha").references


def test_hostile_cache_files_are_set_aside(library_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / CACHE_NAME
    cache.write_bytes(b"this is not a database at all" * 100)
    library = load_library(library_dir, cache=cache)
    assert "alpha" in library.articles
    assert (tmp_path / (CACHE_NAME + ".set-aside")).is_file()

    # A database of another shape: set aside as well, and a new one made.
    cache.unlink()
    db = sqlite3.connect(cache)
    db.execute("CREATE TABLE files (folder TEXT)")
    db.execute("PRAGMA user_version = 99")
    db.commit()
    db.close()
    library = load_library(library_dir, cache=cache)
    assert "alpha" in library.articles
    assert sqlite3.connect(cache).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION

    # This version's number on tables of another shape: set aside too, not taken for a
    # lock (which would mean no cache on every start).
    for old in tmp_path.glob(CACHE_NAME + "*"):
        old.unlink()
    db = sqlite3.connect(cache)
    db.execute("CREATE TABLE files (folder TEXT)")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    db.commit()
    db.close()
    load_library(library_dir, cache=cache)
    assert (tmp_path / (CACHE_NAME + ".set-aside")).is_file()
    found = sqlite3.connect(cache).execute("SELECT title FROM files WHERE name = 'alpha.md'")
    assert found.fetchall() == [("Alpha article",)]


def test_unusable_data_folder_means_no_cache(library_dir: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    library = load_library(library_dir, cache=blocker / "sub" / CACHE_NAME)
    assert "alpha" in library.articles


def test_two_roots_with_a_clash_reported(library_dir: Path, tmp_path: Path) -> None:
    own = tmp_path / "own"
    _article(own, "mine", "My own page", card="wall-sit")
    clash = _article(own, "alpha", "My alpha")
    (own / "exercises").mkdir()
    (own / "exercises" / "step-up.md").write_text(CARD, encoding="utf-8")
    library = load_library(library_dir, own=own, cache=tmp_path / CACHE_NAME)
    # The bundled alpha wins; the reader's is reported, never silently hidden.
    assert library.articles["alpha"].title == "Alpha article"
    assert not library.articles["alpha"].yours
    assert library.articles["mine"].yours
    reported = [p for p in library.unreadable if p.path == clash.resolve()]
    assert reported and "same slug" in reported[0].message
    assert reported[0] in check_library(library)
    # A card of one root is usable by an article of the other.
    assert "wall-sit" in library.article("mine").related_exercises
    assert "step-up" in library.exercises and library.exercises["step-up"].yours


def test_own_folder_in_list_and_search(
    library_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = tmp_path / "data"
    monkeypatch.setenv("WELLREAD_DATA", str(data))
    monkeypatch.setattr(folders_module, "bundled_library", lambda: library_dir)
    _article(data / "library", "imported-page", "An imported page on testing")
    assert main(["list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "imported-page\tAn imported page on testing\t(yours)" in lines
    assert any(line.startswith("alpha\tAlpha article") for line in lines)
    assert not any(line.startswith("alpha") and "(yours)" in line for line in lines)
    assert main(["search", "imported"]) == 0
    assert "An imported page on testing" in capsys.readouterr().out


def test_listing_skips_references_but_keeps_lines() -> None:
    text = ARTICLE.format(title="T", card="c")
    skipped = list_keys_only(text)
    assert "ko2021" not in skipped.split("---")[1]
    assert skipped.count("\n") == text.count("\n")
    assert skipped.endswith("Some text that cites a study [@ko2021].\n")
    # A top-level line that is not a plain key: nothing is skipped.
    odd = text.replace("tags: [cache]", "? complex key\n: value")
    assert list_keys_only(odd) == odd


def test_rows_not_of_our_making_are_read_again(library_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / CACHE_NAME
    load_library(library_dir, cache=cache)
    db = sqlite3.connect(cache)
    db.execute("UPDATE files SET title = X'DEADBEEF', words = 'many' WHERE name = 'alpha.md'")
    db.execute("UPDATE files SET extra = '{not json' WHERE name = 'beta.md'")
    db.execute("UPDATE files SET kind = 'exercise' WHERE name = 'gamma.md'")
    db.commit()
    db.close()
    library = load_library(library_dir, cache=cache)
    assert library.articles["alpha"].title == "Alpha article"
    assert set(library.articles) == {"alpha", "beta", "gamma", "delta"}
    assert library.articles["gamma"].kind == "article"
    # Written back as they should be.
    db = sqlite3.connect(cache)
    assert db.execute("SELECT title FROM files WHERE name = 'alpha.md'").fetchone()[0] == (
        "Alpha article"
    )
