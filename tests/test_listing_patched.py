"""After a few files change, a folder's snapshot is patched rather than written anew
(tui.content.folder_entries, tui.content.listing_patch): the library listed is the one
a listing without any cache gives, and the next start, from the patched snapshot alone,
lists the same."""

from __future__ import annotations

import os
import random
import tempfile
import time
from array import array
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from library_seen import no_rows, seen

from tui.content import listing as listing_module
from tui.content import load_library
from tui.content.folder_entries import Files, _differences
from tui.content.library_signature import SETTLING_NS, LibraryLook, scans_of
from tui.content.listing import CACHE_NAME

OLD = time.time_ns() - 100 * SETTLING_NS
PAGE = "---\ntitle: {title}\nsummary: {summary}\ntags: [{tag}]\n---\n\nWords, {words}.\n"
TITLES = ["Stairs at home", "balance on one leg", "Walking", "Éclairs", "rowing", "Squats"]


def _write(root: Path, name: str, title: str, summary: str, when: int) -> None:
    path = root / name
    words = " ".join(["word"] * (len(summary) % 7 + 1))
    text = PAGE.format(title=title, summary=summary, tag=title.split()[0].lower(), words=words)
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(when, when))


def _library(root: Path) -> Path:
    root.mkdir(parents=True)
    for number, title in enumerate(TITLES):
        _write(root, f"page{number}.md", title, f"About {title}.", OLD)
    os.utime(root, ns=(OLD, OLD))
    return root


def _not_written_anew(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*_: object) -> None:
        raise AssertionError("the snapshot was written anew from every row")

    monkeypatch.setattr(listing_module, "encode", refused)


_fate = st.sampled_from(["keep", "keep", "retitle", "touch", "remove"])


@settings(max_examples=25, deadline=None)
@given(
    fates=st.lists(_fate, min_size=len(TITLES), max_size=len(TITLES)),
    added=st.lists(st.sampled_from(["Zinc", "ankle circles", "Balance", "page"]), max_size=2),
    looked=st.sampled_from(["none", "by name", "as listed"]),
)
def test_a_few_changed_files_patch_the_snapshot(
    fates: list[str], added: list[str], looked: str
) -> None:
    with tempfile.TemporaryDirectory() as tmp, pytest.MonkeyPatch.context() as monkeypatch:
        root = _library(Path(tmp) / "library")
        cache = Path(tmp) / CACHE_NAME
        load_library(root, cache=cache)
        later = OLD + SETTLING_NS
        for number, fate in enumerate(fates):
            name = f"page{number}.md"
            if fate == "retitle":
                _write(root, name, f"Retitled {number}", "A longer summary than before.", later)
            elif fate == "touch":
                os.utime(root / name, ns=(later, later))
            elif fate == "remove":
                (root / name).unlink()
        for number, title in enumerate(added):
            _write(root, f"new{number}.md", title, "New.", later)
        os.utime(root, ns=(later, later))  # settled: the snapshot is kept
        fresh = seen(load_library(root))
        _not_written_anew(monkeypatch)
        look = LibraryLook([root], by_name=looked == "by name").looks()
        given_look = scans_of(look) if looked != "none" else None
        assert seen(load_library(root, cache=cache, looked=given_look)) == fresh
        no_rows(monkeypatch)  # the next start lists from the patched snapshot alone
        trusted = load_library(root, cache=cache, trust=True)
        assert trusted.trusted and seen(trusted) == fresh


def test_a_new_file_taking_another_ones_slug_is_reported(tmp_path: Path) -> None:
    root = _library(tmp_path / "library")
    # Control characters in a name are shown as U+FFFD: these two names list as one slug.
    _write(root, "odd\a.md", "Odd one", "A bell in its name.", OLD)
    os.utime(root, ns=(OLD, OLD))
    cache = tmp_path / CACHE_NAME
    load_library(root, cache=cache)
    _write(root, "odd\b.md", "Another odd one", "A backspace in its name.", OLD + SETTLING_NS)
    fresh = seen(load_library(root))
    assert any("lists as" in message for *_, message in fresh[-1])  # type: ignore[attr-defined]
    assert seen(load_library(root, cache=cache)) == fresh
    assert seen(load_library(root, cache=cache, trust=True)) == fresh


def test_a_changed_file_with_a_problem_keeps_its_problem(tmp_path: Path) -> None:
    root = _library(tmp_path / "library")
    cache = tmp_path / CACHE_NAME
    load_library(root, cache=cache)
    path = root / "page2.md"
    path.write_text("---\ntitle: [unclosed\n---\n\nWords.\n", encoding="utf-8")
    os.utime(path, ns=(OLD + SETTLING_NS,) * 2)
    fresh = seen(load_library(root))
    assert any(name == "page2.md" for name, *_ in fresh[-1])  # type: ignore[attr-defined]
    assert seen(load_library(root, cache=cache)) == fresh
    assert seen(load_library(root, cache=cache, trust=True)) == fresh


_file = st.tuples(st.integers(-1, 3), st.integers(-1, 3))
# What a look finds of a cached row's file: the same, other numbers, or no file.
_found = st.one_of(st.just("same"), st.just("gone"), _file)


@given(
    kept=st.lists(_file, max_size=12),
    found=st.lists(_found, min_size=12, max_size=12),
    added=st.lists(_file, max_size=3),
    shuffled=st.randoms(),
    by_name=st.booleans(),
)
def test_what_changed_is_found_whatever_the_order_of_the_look(
    kept: list[tuple[int, int]],
    found: list[object],
    added: list[tuple[int, int]],
    shuffled: random.Random,
    by_name: bool,
) -> None:
    rows = [(f"n{i:02d}.md", *numbers) for i, numbers in enumerate(kept)]
    seen = [(f"new{i}.md", *numbers) for i, numbers in enumerate(added)]
    for (name, size, mtime), now in zip(rows, found, strict=False):
        if now == "same":
            seen.append((name, size, mtime))
        elif now != "gone":
            seen.append((name, *now))  # type: ignore[misc]
    # The look by name (as `list` takes it), or in a folder's own order (as `search`).
    looked = sorted(seen) if by_name else shuffled.sample(seen, len(seen))

    def columns(files: list[tuple[str, int, int]]) -> Files:
        names = [name for name, _, _ in files]
        sizes = array("q", [size for _, size, _ in files])
        return names, sizes, array("q", [when for _, _, when in files])

    changed, removed = _differences(columns(looked), columns(rows))
    assert changed == sorted(set(seen) - set(rows))
    assert removed == {name for name, _, _ in set(rows) - set(seen)}
