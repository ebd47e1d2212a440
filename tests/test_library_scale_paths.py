"""The quick ways a large library takes: entries made only when used, a search that
answers from its index while no file changed, and commands importing only their own."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tui.cli import main
from tui.content import library as library_module
from tui.content import load_library
from tui.content.folders import library_folders
from tui.content.library_signature import SETTLING_NS, library_signature
from tui.content.listing import CACHE_NAME

PAGE = """---
title: {title}
summary: A page written for the quick-path tests.
tags: [{tag}]
---

{words}
"""

# Far enough in the past that no signature is held back as too new.
SETTLED = time.time_ns() - 10 * SETTLING_NS


def _write(
    folder: Path, slug: str, title: str, words: str = "Plain words.", tag: str = "t"
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{slug}.md"
    path.write_text(PAGE.format(title=title, words=words, tag=tag), encoding="utf-8")
    os.utime(path, ns=(SETTLED, SETTLED))
    return path


def _small_library(root: Path) -> Path:
    _write(root, "bravo", "bravo steps", "Stairs twice a day.", tag="legs")
    _write(root, "alpha", "Zebra crossings", "Crossing the road with care.")
    _write(root, "charlie", "Ankle circles", "Circles for stiff ankles.", tag="ankle")
    return root


def test_warm_entries_are_made_only_when_used(tmp_path: Path) -> None:
    root = _small_library(tmp_path / "library")
    cache = tmp_path / CACHE_NAME
    cold = load_library(root, cache=cache)
    warm = load_library(root, cache=cache)
    # Listed from the cache: nothing made yet, everything there.
    assert list(warm.articles.made_entries()) == []
    assert set(warm.articles) == {"alpha", "bravo", "charlie"}
    # By title, ignoring case: "Ankle", "bravo", "Zebra".
    assert warm.article_order() == ["charlie", "bravo", "alpha"]
    assert warm.article_order() == [e.slug for e in cold.article_entries()]
    assert warm.articles.texts(["bravo"]) == [
        "bravo steps A page written for the quick-path tests. legs"
    ]
    # Made on first use, the same as one read from the file, and made once.
    entry = warm.articles["bravo"]
    assert entry is warm.articles["bravo"]
    assert [e.slug for e in warm.articles.made_entries()] == ["bravo"]
    fresh = cold.articles["bravo"]
    assert (entry.title, entry.summary, entry.tags, entry.word_count, entry.path) == (
        fresh.title,
        fresh.summary,
        fresh.tags,
        fresh.word_count,
        fresh.path,
    )
    assert warm.article("bravo").title == "bravo steps"


def test_a_changed_added_or_removed_file_shows_when_warm(tmp_path: Path) -> None:
    root = _small_library(tmp_path / "library")
    cache = tmp_path / CACHE_NAME
    load_library(root, cache=cache)
    path = root / "alpha.md"
    path.write_text(PAGE.format(title="Aardvark walks", words="w", tag="t"), encoding="utf-8")
    os.utime(path, ns=(SETTLED + 1, SETTLED + 1))
    (root / "charlie.md").unlink()
    _write(root, "delta", "Delta page")
    library = load_library(root, cache=cache)
    assert library.article_order() == ["alpha", "bravo", "delta"]
    assert library.articles["alpha"].title == "Aardvark walks"


def test_signature_tells_a_change_and_holds_back_a_new_file(tmp_path: Path) -> None:
    root = _small_library(tmp_path / "library")
    folders = library_folders(root)
    first = library_signature(folders)
    assert first is not None and first == library_signature(folders)
    path = root / "bravo.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Stairs", "Steps"), encoding="utf-8")  # same size
    os.utime(path, ns=(SETTLED + 5, SETTLED + 5))
    assert library_signature(folders) not in (None, first)
    # Written just now: its next change could keep the same time, so no signature.
    _write(root, "echo", "Echo")
    os.utime(root / "echo.md")
    assert library_signature(folders) is None


def test_search_answers_from_the_index_until_a_file_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _small_library(tmp_path / "library")
    monkeypatch.setenv("WELLREAD_DATA", str(tmp_path / "data"))
    assert main(["search", "stairs", "--library", str(root)]) == 0
    assert "bravo steps" in capsys.readouterr().out

    listed: list[Path] = []
    real = library_module.load_library

    def counting(folder: Path | None = None, **kwargs: object) -> object:
        listed.append(Path(str(folder)))
        return real(folder, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(library_module, "load_library", counting)
    # Nothing changed: the answer comes from the index, the library is not listed.
    assert main(["search", "ankles", "--library", str(root)]) == 0
    assert "Ankle circles" in capsys.readouterr().out
    assert listed == []

    # Edited in place (the folder itself unchanged): found at once.
    path = root / "alpha.md"
    path.write_text(PAGE.format(title="Zebra", words="Xylophone lessons.", tag="t"), "utf-8")
    os.utime(path, ns=(SETTLED + 9, SETTLED + 9))
    assert main(["search", "xylophone", "--library", str(root)]) == 0
    assert "Zebra" in capsys.readouterr().out
    assert len(listed) == 1
    # A removed file is no longer found, an added one is.
    path.unlink()
    _write(root, "foxtrot", "Foxtrot", "Dancing counts as exercise.")
    assert main(["search", "xylophone", "--library", str(root)]) == 1
    assert main(["search", "dancing", "--library", str(root)]) == 0
    assert "Foxtrot" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "printed"), [(["--help"], "wellread"), (["list", "--library", "{root}"], "alpha")]
)
def test_help_and_warm_list_import_no_yaml_markdown_or_textual(
    argv: list[str], printed: str, tmp_path: Path
) -> None:
    root = _small_library(tmp_path / "library")
    args = [a.format(root=root) for a in argv]
    code = (
        "import sys\nfrom tui.cli import main\n"
        f"try:\n    main({args!r})\nexcept SystemExit:\n    pass\n"
    )
    out, imported = _runs(code, ("yaml", "markdown_it", "textual", "rapidfuzz"), tmp_path)
    assert imported == "[]"
    assert printed in out


def test_a_list_that_reads_files_parses_front_matter_only(tmp_path: Path) -> None:
    # A first list (and one after a file changed) reads the files' front matter: YAML,
    # but neither the Markdown parser nor the article model.
    root = _small_library(tmp_path / "library")
    code = f"import sys\nfrom tui.cli import main\nmain(['list', '--library', {str(root)!r}])"
    heavy = ("yaml", "markdown_it", "tui.content.model")
    out, imported = _runs(code, heavy, tmp_path, times=1)
    assert imported == "['yaml']"
    assert "alpha\tZebra crossings" in out


def _runs(code: str, heavy: tuple[str, ...], tmp_path: Path, times: int = 2) -> tuple[str, str]:
    """Run *code* *times* with one data folder (the first run reads the files, with YAML:
    the second lists them from the cache); the last run's output, and which of the
    *heavy* modules it had imported by its end."""
    code += f"\nprint([m for m in {heavy!r} if m in sys.modules], file=sys.stderr)"
    env = {**os.environ, "WELLREAD_DATA": str(tmp_path / "data")}
    for _ in range(times):
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        )
    return done.stdout, done.stderr.strip().splitlines()[-1]


def _settle(folder: Path) -> None:
    """The folder as if its last file was added long ago (so its time can be kept)."""
    os.utime(folder, ns=(SETTLED, SETTLED))


def test_a_trusted_listing_is_verified_file_by_file(tmp_path: Path) -> None:
    root = _small_library(tmp_path / "library")
    _settle(root)
    cache = tmp_path / CACHE_NAME
    assert not load_library(root, cache=cache).trusted  # the full listing keeps the time
    trusted = load_library(root, cache=cache, trust=True)
    assert trusted.trusted and trusted.article_order() == ["charlie", "bravo", "alpha"]
    assert trusted.verify() is None  # every file as listed

    # Edited in place: the folder is as it was, so the trusted listing misses it ...
    path = root / "alpha.md"
    path.write_text(PAGE.format(title="Aardvark", words="w", tag="t"), encoding="utf-8")
    os.utime(path, ns=(SETTLED + 7, SETTLED + 7))
    _settle(root)
    stale = load_library(root, cache=cache, trust=True)
    assert stale.trusted and stale.articles["alpha"].title == "Zebra crossings"
    # ... and the look at every file finds it.
    fresh = stale.verify()
    assert fresh is not None and fresh.articles["alpha"].title == "Aardvark"
    stale.take(fresh)
    assert not stale.trusted and stale.article_order() == ["alpha", "charlie", "bravo"]

    # A file added changes the folder: nothing is trusted, the new file is listed.
    _write(root, "delta", "Delta")
    added = load_library(root, cache=cache, trust=True)
    assert not added.trusted and "delta" in added.articles


async def test_the_library_screen_redraws_when_a_trusted_file_changed(tmp_path: Path) -> None:
    from tui.app import WellreadApp
    from tui.screens.library import ArticleList, LibraryScreen

    root = _small_library(tmp_path / "library")
    _settle(root)
    cache = tmp_path / CACHE_NAME
    load_library(root, cache=cache)
    path = root / "bravo.md"
    path.write_text(PAGE.format(title="Ankle and bravo", words="w", tag="t"), encoding="utf-8")
    os.utime(path, ns=(SETTLED + 3, SETTLED + 3))
    _settle(root)
    library = load_library(root, cache=cache, trust=True)
    app = WellreadApp(library)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen)

        def titles() -> list[str]:
            entries = screen.query_one(ArticleList).entries
            return [e.blocks[0].text for e in entries if e.id.startswith("article:")]

        assert titles() == ["Ankle circles", "bravo steps", "Zebra crossings"]
        screen._verify_library()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert titles() == ["Ankle and bravo", "Ankle circles", "Zebra crossings"]


def test_the_library_screen_opens_without_the_article_model(tmp_path: Path) -> None:
    # The model of an article (twenty-odd classes, 20-25 ms to make) waits for an
    # article: the library screen, listed from the cache, needs only the entries.
    root = _small_library(tmp_path / "library")
    code = (
        "import asyncio, sys\nfrom pathlib import Path\n"
        "from tui.cli import open_library\n"
        f"library = open_library(Path({str(root)!r}), trust=True)\n"
        "from tui.app import WellreadApp\nfrom tui.screens.library import LibraryScreen\n"
        "async def first_frame():\n"
        "    app = WellreadApp(library)\n"
        "    async with app.run_test(headless=True) as pilot:\n"
        "        await pilot.pause()\n"
        "        assert isinstance(app.screen, LibraryScreen)\n"
        "        print(*sorted(e.id for e in app.screen.query_one('#article-list').entries))\n"
        "asyncio.run(first_frame())"
    )
    out, imported = _runs(code, ("tui.content.model", "yaml", "markdown_it"), tmp_path)
    assert imported == "[]"
    assert {"article:alpha", "article:bravo", "article:charlie"} <= set(out.split())
