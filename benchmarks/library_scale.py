"""How wellread grows with the library: 500, 5,000 and 50,000 generated articles.

Prints, beside `python -c pass` and a one-line Textual app measured in the same run:
time to the library screen's first frame (cold and warm list cache), `wellread list`
(its output kept, none kept, and after one file was touched or retitled),
`wellread search` (first and second), filter keys ("b", then "o") and Esc back to the
full list (UI-thread CPU from the key until settled: the list drawn and the matches
counted in their thread, beyond the same span with no key), a letter typed in the
command palette (UI-thread work; the titles of every article are made as it opens, in
a thread), peak memory at the first frame; the growth from 5,000 to 50,000 as a ratio; and
a table of issue 13's targets, each with its figure, its baseline from this run, and
whether it is met. Libraries are generated once into /tmp and reused. The warm starts
take turns with starts of the one-line app (five of each), so a slow spell of the machine
falls on both.

    .venv/bin/python benchmarks/library_scale.py [--sizes 500,5000,50000] [--repeat 3]

The first search at 50,000 builds the index of every article (two minutes or more on
two cores); --no-first-search leaves both searches out, and --data DIR keeps each
size's data folder in DIR/SIZE between runs (the list cache is removed before the
cold start; a search index already there is kept, so the "first" search is not).

The second search is timed for two queries: "walking", a word in every generated
article (about 250,000 indexed parts to rank), and a number found in one title.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BASE = Path(tempfile.gettempdir()) / "wellread-scale"
WARM_TURNS = 5  # warm starts, each beside a start of the one-line app
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
import asyncio, resource, time
from textual.app import App
from textual.widgets import Static
class One(App):
    def compose(self):
        yield Static("Hello")
async def run():
    async with One().run_test(headless=True, size=(100, 40)) as pilot:
        await pilot.pause()
        print(time.time(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
asyncio.run(run())
"""


def child_app(library: str, data: str) -> None:
    """Run the app headless to its first frame; print seconds since start and peak MB."""
    os.environ["WELLREAD_DATA"] = data
    from tui.cli import open_library  # as `wellread` opens it: the list cache in *data*

    lib = open_library(Path(library), trust=True)
    from tui.app import WellreadApp
    from tui.screens.library import VERIFY_AFTER, LibraryScreen

    app = WellreadApp(lib)
    work: dict[str, float] = {}

    async def run() -> None:
        async with app.run_test(headless=True, size=(100, 40)) as pilot:
            await pilot.pause()
            work["frame"] = time.time()  # wall clock: the parent started the process
            work["rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            screen = app.screen
            assert isinstance(screen, LibraryScreen)
            # The keys are timed on a settled screen: the look at every file (a thread,
            # VERIFY_AFTER seconds after the first frame) and the filter's text done.
            await pilot.pause(VERIFY_AFTER + 0.2)
            await app.workers.wait_for_complete()
            # Filter keys as the reader types them, each from the key until the screen has
            # settled: the list drawn, the rest of the library matched in its thread and
            # the count shown. "b", then "o" (typing on narrows), then Esc back to the
            # whole list; / gives the filter the focus again after Esc.
            await pilot.press("slash")
            idle = statistics.median([(await _settled(pilot, None))[0] for _ in range(3)])
            spans: dict[str, list[tuple[float, float]]] = {"b": [], "o": [], "escape": []}
            for _ in range(5):
                for key, taken in spans.items():
                    taken.append(await _settled(pilot, key))
                await pilot.press("slash")
            for key, name in (("b", "filter1"), ("o", "filter"), ("escape", "esc")):
                work[name] = statistics.median(ui for ui, _ in spans[key]) - idle
                work[name + "_all"] = statistics.median(whole for _, whole in spans[key])
            # The palette over every article: its first letter (the titles are made then,
            # once for the library) and the next, as UI-thread work beyond an idle span.
            idle = await _work(pilot, None)
            await pilot.press("ctrl+p")
            await pilot.pause(0.3)
            work["palette1"] = await _work(pilot, "w") - idle
            work["palette"] = await _work(pilot, "a") - idle
            await pilot.press("escape")

    asyncio.run(run())
    keys = ("frame", "rss", "filter", "esc", "palette", "palette1", "filter1", "filter_all")
    print(*(work[key] for key in keys))


async def _settled(pilot: Any, key: str | None) -> tuple[float, float]:
    """UI-thread and whole-process CPU seconds of a key (or of none) until the screen
    has settled: timers fired (a pause in typing), threads done, their messages handled."""
    ui, whole = time.thread_time(), time.process_time()
    if key is not None:
        await pilot.press(key)
    await asyncio.sleep(0.15)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return time.thread_time() - ui, time.process_time() - whole


async def _work(pilot: Any, key: str | None) -> float:
    """UI-thread CPU seconds of a key and what it sets off (or of none), settled."""
    start = time.thread_time()
    if key is not None:
        await pilot.press(key)
    await pilot.pause(0.12)
    return time.thread_time() - start


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


def _floors(py: str, env: dict[str, str], repeat: int) -> dict[str, float]:
    """`python -c pass` and the one-line app (time to its frame, peak memory), medians."""
    median = statistics.median
    apps = [_to_frame([py, "-c", ONE_LINE_APP], env) for _ in range(repeat)]
    return {
        "pass": median(_timed([py, "-c", "pass"], env)[0] for _ in range(repeat)),
        "app": median(t for t, _ in apps),
        "app_rss": median(f[0] for _, f in apps),
    }


def measure(size: int, py: str, env: dict[str, str], args: argparse.Namespace) -> dict[str, float]:
    median = statistics.median
    library = generate(size)
    if args.data:
        data = Path(args.data) / str(size)
        data.mkdir(parents=True, exist_ok=True)
        for stale in data.glob("library-cache.sqlite*"):
            stale.unlink()  # the cold start is cold; a search index is kept
    else:
        data = Path(tempfile.mkdtemp(prefix="wellread-scale-data-"))
    run_env = {**env, "WELLREAD_DATA": str(data), "WELLREAD_LIBRARY": str(library)}
    me = [py, __file__, "--child", "app", str(library), str(data)]
    row: dict[str, float] = {
        "pass": median(_timed([py, "-c", "pass"], env)[0] for _ in range(args.repeat))
    }
    row["cold"] = _to_frame(me, run_env)[0]
    # The warm start and the one-line app take turns, so both are timed over the same
    # minutes: a machine that slows for a while slows both (measured apart, a spell
    # moved the ratio at 50,000 from 1.8x to 2.7x with no change to the code).
    warm_runs, floor_runs = [], []
    for _ in range(max(WARM_TURNS, args.repeat)):
        floor_runs.append(_to_frame([py, "-c", ONE_LINE_APP], env))
        warm_runs.append(_to_frame(me, run_env))
    row["app"] = median(t for t, _ in floor_runs)
    row["app_rss"] = median(f[0] for _, f in floor_runs)
    row["warm"] = median(t for t, _ in warm_runs)
    row["rss"] = median(f[0] for _, f in warm_runs)
    # The larger of the two letters' work is the filter key's figure.
    row["filter"] = median(max(f[1], f[5]) for _, f in warm_runs)
    row["filter_b"] = median(f[5] for _, f in warm_runs)
    row["filter_o"] = median(f[1] for _, f in warm_runs)
    row["filter_all"] = median(f[6] for _, f in warm_runs)
    row["esc"] = median(f[2] for _, f in warm_runs)
    row["palette"] = median(f[3] for _, f in warm_runs)
    row["palette1"] = median(f[4] for _, f in warm_runs)
    # `list` keeps its output while no file changes: the first run makes it.
    for kept in data.glob("list-output-*"):
        kept.unlink()
    row["list_first"] = _timed([py, "-m", "tui", "list"], run_env)[0]
    row["list"] = median(_timed([py, "-m", "tui", "list"], run_env)[0] for _ in range(args.repeat))
    # One article touched (its time moved, settled): `list` finds it, reads that file
    # again and patches the folder's snapshot; its lines are the kept ones.
    changed = library / "a000001.md"
    taken = []
    for turn in range(args.repeat):
        when = time.time_ns() - 60 * 10**9 + turn * 10**9
        os.utime(changed, ns=(when, when))
        taken.append(_timed([py, "-m", "tui", "list"], run_env)[0])
    row["list_changed"] = median(taken)
    # One article retitled: the same, and its lines made anew.
    original = changed.read_text(encoding="utf-8")
    taken = []
    try:
        for turn in range(args.repeat):
            title = f"title: Retitled {turn} {time.time_ns()}"  # the first line after ---
            changed.write_text(re.sub("(?m)^title: .*$", title, original, count=1), "utf-8")
            when = time.time_ns() - 30 * 10**9 + turn * 10**9
            os.utime(changed, ns=(when, when))
            taken.append(_timed([py, "-m", "tui", "list"], run_env)[0])
    finally:
        changed.write_text(original, encoding="utf-8")
        when = time.time_ns() - 10 * 10**9  # settled: a file just written is not trusted
        os.utime(changed, ns=(when, when))
    row["list_retitled"] = median(taken)
    nan = float("nan")
    row["search1"] = row["search2"] = row["search2_rare"] = nan
    if not args.no_first_search:
        row["search1"] = _timed([py, "-m", "tui", "search", "bone"], run_env)[0]
        for key, query in (("search2", "walking"), ("search2_rare", str(size // 2 + 1))):
            row[key] = median(
                _timed([py, "-m", "tui", "search", query], run_env)[0] for _ in range(args.repeat)
            )
    print(
        f"{size:>6} articles: library screen cold {row['cold']:.2f} s, warm "
        f"{row['warm']:.2f} s ({row['warm'] / row['app']:.1f}x the one-line app's "
        f"{row['app']:.2f} s); list {row['list']:.2f} s (with no kept output: "
        f"{row['list_first']:.2f} s; after one file was touched: {row['list_changed']:.2f} s, "
        f"retitled: {row['list_retitled']:.2f} s); "
        f"search first {row['search1']:.2f} s, "
        f"second {row['search2']:.2f} s (a word in one title: {row['search2_rare']:.2f} s); "
        f"filter key {row['filter'] * 1000:.1f} ms (b {row['filter_b'] * 1000:.1f}, o "
        f"{row['filter_o'] * 1000:.1f}; all threads, o: {row['filter_all'] * 1000:.1f}); "
        f"Esc back {row['esc'] * 1000:.1f} ms; "
        f"palette letter {row['palette'] * 1000:.0f} ms "
        f"(the first {row['palette1'] * 1000:.0f} ms); "
        f"peak memory at first frame {row['rss']:.0f} MB (one-line app {row['app_rss']:.0f} MB)",
        flush=True,
    )
    if not args.data:
        shutil.rmtree(data, ignore_errors=True)
    return row


def targets(results: dict[int, dict[str, float]], grown: float | None) -> None:
    """Issue 13's targets: figure, baseline from this run, target, met or not."""
    lines = []

    def target(name: str, figure: str, baseline: str, goal: str, met: bool) -> None:
        lines.append((name, figure, baseline, goal, "met" if met else "NOT met"))

    for size, factor in ((5000, 2.0), (50000, 2.5)):
        if size in results:
            row = results[size]
            target(
                f"Warm library screen, {size:,}",
                f"{row['warm']:.2f} s ({row['warm'] / row['app']:.1f}x)",
                f"one-line app {row['app']:.2f} s",
                f"within {factor}x",
                row["warm"] <= factor * row["app"],
            )
    if 50000 in results:
        row = results[50000]
        base = f"python -c pass {row['pass'] * 1000:.0f} ms"
        target("wellread list, 50,000", f"{row['list']:.2f} s", base, "under 0.5 s",
               row["list"] < 0.5)  # fmt: skip
        target("wellread list, 50,000, no kept output", f"{row['list_first']:.2f} s",
               base, "under 0.5 s", row["list_first"] < 0.5)  # fmt: skip
        for key, what in (("list_changed", "touched"), ("list_retitled", "retitled")):
            target(f"wellread list, 50,000, one file {what}", f"{row[key]:.2f} s",
                   base, "under 0.5 s", row[key] < 0.5)  # fmt: skip
        target(
            "Peak memory at first frame, 50,000",
            f"{row['rss']:.0f} MB",
            f"one-line app {row['app_rss']:.0f} MB",
            "under 120 MB",
            row["rss"] < 120,
        )
        for key, what in (("search2", "'walking', in every article"),
                          ("search2_rare", "a word in one title")):  # fmt: skip
            target(f"Second search, 50,000 ({what})", f"{row[key]:.2f} s", base,
                   "under 0.3 s", row[key] < 0.3)  # fmt: skip
        target(
            "One filter keystroke, 50,000",
            f"{row['filter'] * 1000:.1f} ms",
            "one frame",
            "under 16 ms",
            row["filter"] < 0.016,
        )
    if grown is not None:
        target("50 articles opened and closed", f"+{grown:.1f} MB", "before the 50",
               "under +20 MB", grown < 20)  # fmt: skip
    widths = [max(len(line[i]) for line in lines) for i in range(5)]
    print()
    for line in [("Target", "Figure", "Baseline (this run)", "Goal", "Result"), *lines]:
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="500,5000,50000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", nargs=3)
    parser.add_argument(
        "--no-first-search", action="store_true", help="skip building the search index"
    )
    parser.add_argument("--data", metavar="DIR", help="keep each size's data folder in DIR")
    parser.add_argument("--no-memory", action="store_true", help="skip the 50 articles")
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
    _timed([py, "-c", ONE_LINE_APP], env)  # compiles, once
    floors = _floors(py, env, args.repeat)
    print(f"python -c pass: {floors['pass'] * 1000:.0f} ms; one-line Textual app: "
          f"{floors['app'] * 1000:.0f} ms (whole process, to its first frame); each size "
          "measures both again beside its own figures")  # fmt: skip
    results = {size: measure(size, py, env, args) for size in map(int, args.sizes.split(","))}
    if 5000 in results and 50000 in results:
        small, large = results[5000], results[50000]
        keys = ("cold", "warm", "rss", "filter", "esc", "list", "search1", "search2")
        print("growth 5,000 -> 50,000: "
              + ", ".join(f"{key} x{large[key] / small[key]:.1f}" for key in keys))  # fmt: skip
    grown = None
    if not args.no_memory:
        smallest = generate(min(results) if results else 500)
        data = Path(tempfile.mkdtemp(prefix="wellread-scale-data-"))
        out = _timed([py, __file__, "--child", "memory", str(smallest), str(data)], env)[1]
        grown = float(out)
        print(f"50 articles opened and closed: peak memory grew {grown:.1f} MB")
        shutil.rmtree(data, ignore_errors=True)
    targets(results, grown)


if __name__ == "__main__":
    main()
