"""Search across a large library, and what resuming adds to opening an article.

    python benchmarks/search.py              # 5,000 generated articles
    python benchmarks/search.py --count 500  # a quicker run

Builds the FTS5 index of a generated library (printing progress as it goes), times
queries (as typed, and misspelt ones that "did you mean" corrects), re-indexes after
one file changes, and compares opening an article with and without a saved place to
resume. Each figure is printed beside its target.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from large_article import make_article  # noqa: E402

from tui.content import load_library  # noqa: E402
from tui.content.search import SearchIndex  # noqa: E402

# Rare words, each put in a few articles, so queries have real work and real answers.
RARE = [
    f"{a}{b}" for a in ("osteo", "calci", "femo", "verte", "lumba") for b in ("lin", "tax", "rid")
]
QUERIES = [
    "bone density",
    "vertebral fracture",
    '"resistance training"',
    "balance falls",
    "calcium vitamin",
    "knee pain",
    *RARE[:8],
]

# Misspellings, each with the word of the library it should be read as.
MISSPELT = {
    "fractrue": "fracture",
    "densty": "density",
    "calcim vitamin": "calcium vitamin",
    f"{RARE[0][:-1]}{RARE[0][-1] * 2}": RARE[0],
}


def make_library(folder: Path, count: int) -> None:
    rng = random.Random(11)
    for number in range(count):
        # Every tenth article holds two rare words, taken in turn so each word is used.
        turn = number // 10
        rare = (RARE[turn % len(RARE)], RARE[(turn + 7) % len(RARE)])
        extra = rare if number % 10 == 0 else ()
        text = make_article(
            rng.randint(5_000, 12_000),
            seed=number,
            title=f"Generated article {number}",
            references=6,
            extra_words=(*extra, "vertebral fracture" if number % 7 == 0 else "hip"),
        )
        (folder / f"article-{number:05d}.md").write_text(text, encoding="utf-8")


def check(name: str, figure: float, target: float, unit: str) -> None:
    met = "met" if figure < target else "MISSED"
    shown = f"{figure:.{1 if unit == 'ms' else 2}f}"
    print(f"  [{met}] {name}: {shown} {unit} (target under {target} {unit})")


async def open_times(library_dir: Path, state_dir: Path, repeats: int) -> tuple[float, float]:
    """Median time from opening an article to its first painted text, without and
    with a saved place near its end to resume at."""
    from open_large import Probe

    probe = Probe()
    probe.install()
    from tui.app import WellreadApp
    from tui.state import StateStore
    from tui.widgets.article_view import ArticleView

    library = load_library(library_dir)
    slug = sorted(library.articles)[len(library.articles) // 2]
    from tui.render.document import render_document

    blocks = len(render_document(library.article(slug)).blocks) * 4 // 5
    state = StateStore(library_dir.resolve(), state_dir / "state.sqlite")
    app = WellreadApp(library, state=state)
    results: dict[bool, list[float]] = {False: [], True: []}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for round_number in range(repeats * 2):
            resume = round_number % 2 == 1
            if resume:
                state.save_position(slug, blocks, 0, "near the end", 90)
            else:
                # No saved place: what is queued written first, then the row removed.
                state.flush()
                with sqlite3.connect(state.path) as db:
                    db.execute("DELETE FROM positions")
            # Both cases start with no garbage waiting: a collection that falls into
            # one open and not another would swamp the difference being measured.
            gc.collect()
            start = time.perf_counter()
            app.open_article(slug)
            _, painted = await probe.first_paint_after(start, body=True, timeout=30)
            results[resume].append(painted - start)
            await pilot.pause()
            if resume:
                assert app.screen.query_one(ArticleView).top_line > 0, "not resumed"
            app.pop_screen()
            await pilot.pause()
    return statistics.median(results[False]), statistics.median(results[True])


def marking_times(folder: Path, repeats: int = 9) -> float:
    """Median time to find and mark a search's words (every form of each) in a
    1 MB article, as typing in its search line or opening it from a result does."""
    from large_article import write_library

    from tui.render.document import render_document
    from tui.render.find import find_matches

    library = load_library(write_library(folder, {"big": 1_000_000}))
    document = render_document(library.article("big"))
    times = []
    for _ in range(repeats):
        for query, any_term in (("fracture", False), ('"bone density" hip', True)):
            begin = time.perf_counter()
            assert find_matches(document, query, any_term)
            times.append((time.perf_counter() - begin) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=5000, help="articles to generate")
    args = parser.parse_args()
    print(
        f"Machine: {platform.machine()}, CPython {platform.python_version()}; "
        f"{args.count} generated articles"
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "library"
        folder.mkdir()
        start = time.perf_counter()
        make_library(folder, args.count)
        size = sum(p.stat().st_size for p in folder.glob("*.md")) / 1e6
        print(f"Generated {size:.1f} MB in {time.perf_counter() - start:.1f} s")

        start = time.perf_counter()
        library = load_library(folder)
        load_s = time.perf_counter() - start
        index_file = Path(tmp) / "index.sqlite"
        index = SearchIndex(library, index_file)

        def progress(done: int, total: int) -> None:
            if done % 500 == 0 or done == total:
                print(f"  indexing: {done} of {total} ({time.perf_counter() - start:.1f} s)")

        start = time.perf_counter()
        stats = index.update(progress)
        build_s = time.perf_counter() - start
        assert stats.indexed == args.count, stats

        times = []
        found = {}
        for _ in range(5):
            for query in QUERIES:
                begin = time.perf_counter()
                hits = index.search(query)
                times.append((time.perf_counter() - begin) * 1000)
                found[query] = len(hits)
        query_ms = statistics.median(times)
        assert all(found[word] > 0 for word in RARE[:8]), found

        # "Did you mean": each misspelt query finds nothing as typed, so the index
        # looks for the closest spelling from the library's words and searches that.
        fix_times = []
        for _ in range(5):
            for query, meant in MISSPELT.items():
                begin = time.perf_counter()
                results = index.find(query)
                fix_times.append((time.perf_counter() - begin) * 1000)
                assert results.searched == meant and results.hits, (query, results.searched)
        fix_ms = statistics.median(fix_times)
        index_mb = index_file.stat().st_size / 1e6

        changed = folder / "article-00042.md"
        changed.write_text(changed.read_text(encoding="utf-8") + "\nA newly added word: quokka.\n")
        start = time.perf_counter()
        fresh = load_library(folder)
        reload_s = time.perf_counter() - start
        start = time.perf_counter()
        again = SearchIndex(fresh, index_file).update()
        reindex_s = time.perf_counter() - start
        assert again.indexed == 1, again
        assert [hit.slug for hit in SearchIndex(fresh, index_file).search("quokka")] == [
            "article-00042"
        ]

        plain_s, resumed_s = asyncio.run(open_times(folder, Path(tmp), repeats=15))
        mark_ms = marking_times(Path(tmp) / "large")

    print("\nFigures:")
    print(f"  loading the library's front matter: {load_s:.2f} s")
    print(f"  index build: {build_s:.1f} s ({stats.indexed} articles)")
    print(f"  query median over {len(times)} queries: {query_ms:.2f} ms")
    print(f"  index file: {index_mb:.1f} MB")
    print(f"  misspelt query, corrected and searched (median of {len(fix_times)}): {fix_ms:.2f} ms")
    print(f"  re-index after one file changed: {reindex_s:.3f} s")
    print(f"  find and mark a search in a 1 MB article: {mark_ms:.1f} ms (median)")
    print(f"  (reloading the library's front matter before it: {reload_s:.2f} s)")
    print(f"  open an article, no saved place: {plain_s * 1000:.1f} ms (median of 15)")
    print(f"  open it resuming near its end: {resumed_s * 1000:.1f} ms (median of 15)")
    print("  (garbage collected before each open, so both cases start alike)")
    print("\nTargets:")
    check("index build", build_s, 60, "s")
    check("query median", query_ms, 20, "ms")
    check("misspelt query median", fix_ms, 50, "ms")
    check("re-index after one change", reindex_s, 1, "s")
    check("find and mark in a 1 MB article", mark_ms, 100, "ms")
    check("what resume-on-open adds", (resumed_s - plain_s) * 1000, 10, "ms")


if __name__ == "__main__":
    main()
