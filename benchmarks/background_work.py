"""What tui.threads.background_work buys: how long the UI thread waits while another
thread parses, renders and lays out a long article, with and without it.

    python benchmarks/background_work.py            # 1 MB, 5 runs of each
    python benchmarks/background_work.py --runs 9 --size 4000000

The UI thread is played by a loop that idles 2 ms (as Textual's loop waits in
select()) and then does a key's worth of Python work; its wait is the time past
those 2 ms plus the work it would take on an idle machine. Each run is a fresh
subprocess, the two variants alternate, and the figures printed side by side are
medians over the runs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from large_article import make_article  # noqa: E402

IDLE_S = 0.002
LAYOUT_WIDTH = 72


def _key_work() -> None:
    # About what handling a key costs in Python: some small objects, some arithmetic.
    rows = [(index, index * 2, str(index)) for index in range(300)]
    sum(row[1] for row in rows)


def case(path: str, use: bool) -> dict[str, Any]:
    from tui.content import load_library
    from tui.render.document import render_document
    from tui.render.labels import CitationStyle
    from tui.render.layout import Layout
    from tui.threads import background_work

    library = load_library(Path(path).parent)
    slug = Path(path).stem

    # The work alone, on an idle interpreter, is the floor a key's wait is measured from.
    start = time.perf_counter()
    for _ in range(200):
        _key_work()
    floor = (time.perf_counter() - start) / 200

    timings: dict[str, float] = {}

    def load() -> None:
        guard: AbstractContextManager[None] = background_work() if use else nullcontext()
        began = time.perf_counter()
        with guard:
            article = library.article(slug)
            layout = Layout(render_document(article, CitationStyle.AUTHOR_YEAR), LAYOUT_WIDTH)
            while not layout.extend(128):
                pass
        timings["load_s"] = time.perf_counter() - began

    waits: list[float] = []
    thread = threading.Thread(target=load)
    thread.start()
    while thread.is_alive():
        began = time.perf_counter()
        time.sleep(IDLE_S)
        _key_work()
        waits.append(max(0.0, time.perf_counter() - began - IDLE_S - floor) * 1000)
    thread.join()
    waits.sort()
    return {
        "load_s": timings["load_s"],
        "wait_median_ms": statistics.median(waits),
        "wait_p95_ms": waits[int(len(waits) * 0.95)],
        "wait_max_ms": waits[-1],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--case", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        print(json.dumps(case(args.case[0], args.case[1] == "on")))
        return

    results: dict[str, list[dict[str, Any]]] = {"on": [], "off": []}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench-long.md"
        path.write_text(make_article(args.size, title="bench-long"), encoding="utf-8")
        for run in range(args.runs):
            for variant in ("on", "off") if run % 2 == 0 else ("off", "on"):
                done = subprocess.run(
                    [sys.executable, __file__, "--case", str(path), variant],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                results[variant].append(json.loads(done.stdout.strip().splitlines()[-1]))

    print(f"{args.size / 1e6:.1f} MB article, median of {args.runs} runs each")
    print(f"{'':32}{'background_work':>18}{'without':>12}")
    for key, label in (
        ("load_s", "parse, render, lay out (s)"),
        ("wait_median_ms", "UI thread wait, median (ms)"),
        ("wait_p95_ms", "UI thread wait, 95th pct (ms)"),
        ("wait_max_ms", "UI thread wait, longest (ms)"),
    ):
        on = statistics.median(r[key] for r in results["on"])
        off = statistics.median(r[key] for r in results["off"])
        print(f"{label:32}{on:18.3f}{off:12.3f}")


if __name__ == "__main__":
    main()
