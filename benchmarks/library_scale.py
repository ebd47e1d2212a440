"""How wellread grows with the library: 500, 5,000 and 50,000 generated articles.

Prints, beside `python -c pass` and a one-line Textual app measured in the same run:
time to the library screen's first frame (cold and warm list cache), `wellread list`,
`wellread search` (first and second), one filter keystroke and Esc back to the full
list (work time), peak memory at the first frame; and the growth from 5,000 to
50,000 as a ratio. Libraries are generated once into /tmp and reused.

    .venv/bin/python benchmarks/library_scale.py [--sizes 500,5000,50000] [--repeat 3]

The first search at 50,000 builds the index of every article (two minutes or more on
two cores); --no-first-search leaves both searches out.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASE = Path(tempfile.gettempdir()) / "wellread-scale"
WORDS = (
    "bone density walking strength balance fracture hip spine muscle load impact training "
    "older adults trial review evidence falls calcium vitamin protein posture exercise"
).split()


def _article(rng: random.Random, number: int) -> str:
    title = " ".join(rng.choice(WORDS) for _ in range(5)).capitalize() + f" {number}"
    refs = []
    for ref in range(rng.randint(2, 5)):
        refs.append(
            f"  - id: ref{ref}\n    type: article-journal\n"
            f"    author: [{{family: Author{ref}, given: Ann}}, {{family: Other, given: Bo}}]\n"
            f"    issued: {{date-parts: [[{2000 + ref}]]}}\n"
            f"    title: A study of {rng.choice(WORDS)} and {rng.choice(WORDS)}\n"
            f"    container-title: Journal of {rng.choice(WORDS).capitalize()}\n"
            f'    volume: "{ref + 1}"\n    page: 1-{10 + ref}\n    DOI: 10.1000/x{number}.{ref}\n'
        )
    body = []
    for section in range(4):
        body.append(f"## Section {section + 1}\n")
        for _ in range(3):
            words = " ".join(rng.choice(WORDS) for _ in range(60))
            body.append(f"{words.capitalize()} [@ref{section % 2}].\n")
    return (
        f"---\ntitle: {title}\nsummary: {' '.join(rng.choice(WORDS) for _ in range(20))}.\n"
        f"tags: [{rng.choice(WORDS)}, {rng.choice(WORDS)}]\n"
        f"related_articles: [a{(number + 1):06d}]\n"
        "key_points:\n  - A point [@ref0].\nreferences:\n" + "".join(refs) + "---\n\n"
        "Opening words [@ref1].\n\n" + "\n".join(body)
    )


def generate(size: int) -> Path:
    root = BASE / str(size)
    if (root / ".complete").exists():
        return root
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    rng = random.Random(size)
    for number in range(size):
        (root / f"a{number:06d}.md").write_text(_article(rng, number), encoding="utf-8")
    (root / ".complete").write_text("", encoding="utf-8")
    return root


# ---------------------------------------------------------------- child processes

# Driven the same way as the library app below: headless, to its first frame.
ONE_LINE_APP = """
import asyncio, time
from textual.app import App
from textual.widgets import Static
class One(App):
    def compose(self):
        yield Static("Hello")
async def run():
    async with One().run_test(headless=True, size=(100, 40)) as pilot:
        await pilot.pause()
        print(time.time())
asyncio.run(run())
"""


def child_app(library: str, data: str) -> None:
    """Run the app headless to its first frame; print seconds since start and peak MB."""
    os.environ["WELLREAD_DATA"] = data
    from tui.content.library import load_library
    from tui.content.listing import CACHE_NAME

    lib = load_library(Path(library), cache=Path(data) / CACHE_NAME)
    from tui.app import WellreadApp
    from tui.screens.library import LibraryScreen

    app = WellreadApp(lib)
    work: dict[str, float] = {}

    async def run() -> None:
        async with app.run_test(headless=True, size=(100, 40)) as pilot:
            await pilot.pause()
            work["frame"] = time.time()  # wall clock: the parent started the process
            work["rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            screen = app.screen
            assert isinstance(screen, LibraryScreen)
            start = time.perf_counter()
            screen.show_entries("b")
            work["filter1"] = time.perf_counter() - start
            start = time.perf_counter()
            screen.show_entries("bo")
            work["filter"] = time.perf_counter() - start
            start = time.perf_counter()
            screen.show_entries("")
            work["esc"] = time.perf_counter() - start

    asyncio.run(run())
    print(work["frame"], work["rss"], work["filter"], work["esc"], work["filter1"])


def child_memory(library: str, data: str) -> None:
    """Peak memory growth over 50 articles opened and closed."""
    os.environ["WELLREAD_DATA"] = data
    from tui.app import WellreadApp
    from tui.content.library import load_library

    lib = load_library(Path(library))
    app = WellreadApp(lib)
    slugs = sorted(lib.articles)[:51]

    async def run() -> tuple[float, float]:
        async with app.run_test(headless=True, size=(100, 40)) as pilot:
            app.open_article(slugs[0])
            await pilot.pause()
            await app.pop_screen()
            await pilot.pause()
            before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            for slug in slugs[1:]:
                app.open_article(slug)
                await pilot.pause()
                await pilot.pause()
                await app.pop_screen()
                await pilot.pause()
            after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            return before, after

    before, after = asyncio.run(run())
    print(after - before)


def _timed(argv: list[str], env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{argv} failed: {done.stderr[-500:]}")
    return time.perf_counter() - start, done.stdout


def _to_frame(argv: list[str], env: dict[str, str]) -> tuple[float, list[float]]:
    """Seconds from starting the process to the first frame it reports, and its figures."""
    start = time.time()
    _, out = _timed(argv, env)
    figures = [float(x) for x in out.split()]
    return figures[0] - start, figures[1:]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="500,5000,50000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", nargs=3)
    parser.add_argument(
        "--no-first-search", action="store_true", help="skip building the search index"
    )
    args = parser.parse_args()
    if args.child:
        kind, library, data = args.child
        (child_app if kind == "app" else child_memory)(library, data)
        return
    py = sys.executable
    # Compiled modules are written and used, as after a pip install.
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("WELLREAD_") and k != "PYTHONDONTWRITEBYTECODE"
    }
    median = statistics.median
    _timed([py, "-c", ONE_LINE_APP], env)  # compiles, once
    floor_pass = median(_timed([py, "-c", "pass"], env)[0] for _ in range(args.repeat))
    floor_app = median(_to_frame([py, "-c", ONE_LINE_APP], env)[0] for _ in range(args.repeat))
    print(f"python -c pass: {floor_pass * 1000:.0f} ms; one-line Textual app: "
          f"{floor_app * 1000:.0f} ms (whole process, to its first frame)")  # fmt: skip
    results: dict[int, dict[str, float]] = {}
    for size in [int(s) for s in args.sizes.split(",")]:
        library = generate(size)
        data = Path(tempfile.mkdtemp(prefix="wellread-scale-data-"))
        run_env = {**env, "WELLREAD_DATA": str(data), "WELLREAD_LIBRARY": str(library)}
        me = [py, __file__, "--child", "app", str(library), str(data)]
        row: dict[str, float] = {}
        row["cold"] = _to_frame(me, run_env)[0]
        warm_runs = [_to_frame(me, run_env) for _ in range(args.repeat)]
        row["warm"] = median(t for t, _ in warm_runs)
        row["rss"] = median(f[0] for _, f in warm_runs)
        row["filter"] = median(f[1] for _, f in warm_runs)
        row["esc"] = median(f[2] for _, f in warm_runs)
        row["list"] = median(
            _timed([py, "-m", "tui", "list"], run_env)[0] for _ in range(args.repeat)
        )
        if args.no_first_search:
            row["search1"] = float("nan")
            print("(search not measured: --no-first-search)")
        else:
            row["search1"] = _timed([py, "-m", "tui", "search", "bone"], run_env)[0]
        row["search2"] = (
            float("nan")
            if args.no_first_search
            else median(
                _timed([py, "-m", "tui", "search", "walking"], run_env)[0]
                for _ in range(args.repeat)
            )
        )
        results[size] = row
        print(
            f"{size:>6} articles: library screen cold {row['cold']:.2f} s, warm "
            f"{row['warm']:.2f} s ({row['warm'] / floor_app:.1f}x the one-line app); "
            f"list {row['list']:.2f} s; search first {row['search1']:.2f} s, second "
            f"{row['search2']:.2f} s; filter key {row['filter'] * 1000:.1f} ms; "
            f"Esc back {row['esc'] * 1000:.1f} ms; peak memory at first frame "
            f"{row['rss']:.0f} MB",
            flush=True,
        )
        shutil.rmtree(data, ignore_errors=True)
    if 5000 in results and 50000 in results:
        small, large = results[5000], results[50000]
        print(
            "growth 5,000 -> 50,000: "
            + ", ".join(f"{key} x{large[key] / small[key]:.1f}" for key in small)
        )
    smallest = generate(min(results) if results else 500)
    data = Path(tempfile.mkdtemp(prefix="wellread-scale-data-"))
    grown = _timed([py, __file__, "--child", "memory", str(smallest), str(data)], env)[1]
    print(f"50 articles opened and closed: peak memory grew {float(grown):.1f} MB")
    shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
