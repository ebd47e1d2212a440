"""How fast wellread opens long articles, beside Textual's MarkdownViewer and the parser.

    python benchmarks/open_large.py            # 1 MB and 4 MB, the baseline, the bundled library
    python benchmarks/open_large.py --quick    # without the slow MarkdownViewer baseline

Every case runs headless in its own subprocess, so each starts cold and its peak
memory is its own. It prints one table and the ratios the targets are about.

Textual paints on a 60 Hz timer, so a key's effect reaches the screen at the next
frame tick. "work" is what wellread spends: from the key arriving to the end of the
repaint, minus the wait for the tick; "to frame" includes that wait.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import platform
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import cases  # noqa: E402
from large_article import make_article  # noqa: E402

SIZE = (120, 40)
KEY_REPEATS = 30


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ---------------------------------------------------------------- instrumentation


class Probe:
    """Timestamps of screen repaints and of requests to repaint, from inside the app."""

    def __init__(self) -> None:
        self.paints: list[tuple[float, float, bool]] = []  # start, end, body text drawn
        self.resumes: list[float] = []
        self.body_drawn = False
        # Set on every repaint; waiting on it costs nothing, where polling would take
        # the interpreter lock from the thread that is loading the article.
        self.painted: asyncio.Event | None = None

    def install(self) -> None:
        from textual.screen import Screen
        from textual.timer import Timer

        from tui.widgets.article_view import ArticleView

        probe = self
        resume = Timer.resume
        render_line = ArticleView.render_line
        depth = 0

        def timed(method: Any) -> Any:
            # Frames are drawn by the 60 Hz update timer, and directly by layout
            # refreshes (a new screen's first frame): time the outermost of these.
            def wrapper(screen: Screen[Any], *args: Any, **kwargs: Any) -> Any:
                nonlocal depth
                if depth:
                    return method(screen, *args, **kwargs)
                depth += 1
                probe.body_drawn = False
                start = time.perf_counter()
                try:
                    return method(screen, *args, **kwargs)
                finally:
                    depth -= 1
                    probe.paints.append((start, time.perf_counter(), probe.body_drawn))
                    if probe.painted is not None:
                        probe.painted.set()

            return wrapper

        def timed_resume(timer: Timer) -> None:
            if timer.name == "screen_update":
                probe.resumes.append(time.perf_counter())
            resume(timer)

        def noting_render_line(view: ArticleView, y: int) -> Any:
            if view.document is not None:
                probe.body_drawn = True
            return render_line(view, y)

        for name in ("_on_timer_update", "_refresh_layout", "_compositor_refresh"):
            setattr(Screen, name, timed(getattr(Screen, name)))
        Timer.resume = timed_resume  # type: ignore[method-assign, assignment]
        ArticleView.render_line = noting_render_line  # type: ignore[method-assign, assignment]

    async def first_paint_after(
        self, start: float, body: bool, timeout: float
    ) -> tuple[float, float]:
        if self.painted is None:
            self.painted = asyncio.Event()
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            for paint_start, paint_end, drew_body in self.paints:
                if paint_start >= start and (drew_body or not body):
                    return paint_start, paint_end
            self.painted.clear()
            await asyncio.wait_for(self.painted.wait(), deadline - time.perf_counter())
        raise TimeoutError("no repaint")


async def _press(app: Any, probe: Probe, key: str, character: str | None) -> tuple[float, float]:
    """Send one key; return (work, to-frame) in seconds."""
    from textual import events

    await asyncio.sleep(0.03)  # let the previous frame settle
    start = time.perf_counter()
    event = events.Key(key, character)
    event.set_sender(app)
    app._driver.send_message(event)
    paint_start, paint_end = await probe.first_paint_after(start, body=False, timeout=5)
    resume = next((t for t in probe.resumes if t >= start), paint_start)
    return (resume - start) + (paint_end - paint_start), paint_end - start


# ---------------------------------------------------------------- cases (in a subprocess)


def case_parse(path: str) -> dict[str, Any]:
    from tui.content.frontmatter import split_front_matter
    from tui.content.markdown import markdown_parser

    text = Path(path).read_text(encoding="utf-8")
    _, body, _ = split_front_matter(Path(path), text)
    parser = markdown_parser()
    times = []
    for _ in range(3):
        start = time.perf_counter()
        parser.parse(body)
        times.append(time.perf_counter() - start)
    return {"parse_s": min(times), "rss_mb": _peak_rss_mb()}


def case_wellread(library: str, slug: str, keys: bool) -> dict[str, Any]:
    probe = Probe()
    probe.install()
    from tui.app import WellreadApp
    from tui.content import load_library
    from tui.widgets.article_view import ArticleView
    from tui.widgets.outline import Outline

    result: dict[str, Any] = {}

    async def run() -> None:
        app = WellreadApp(load_library(Path(library)))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            # What the app does once the library is shown (loading the parser) is done
            # before a reader could choose an article.
            await app.workers.wait_for_complete()
            start = time.perf_counter()
            app.open_article(slug)
            _, painted = await probe.first_paint_after(start, body=True, timeout=120)
            result["first_paint_s"] = painted - start
            view = app.screen.query_one(ArticleView)
            if keys:
                # A key while the rest is still being laid out.
                work, _ = await _press(app, probe, "j", "j")
                result["j_during_layout_ms"] = work * 1000
            while not view.ready:
                await asyncio.sleep(0.02)
            result["laid_out_s"] = time.perf_counter() - start
            result["lines"] = len(view.text_layout.lines) if view.text_layout else 0
            if not keys:
                return
            work, frame = await _press(app, probe, "G", "G")
            result["G_ms"], result["G_frame_ms"] = work * 1000, frame * 1000
            await _press(app, probe, "g", "g")
            outline = app.screen.query_one(Outline)
            outline.focus()
            await pilot.pause()
            outline.action_last()
            await pilot.pause()
            work, frame = await _press(app, probe, "enter", "\r")
            result["last_section_ms"], result["last_section_frame_ms"] = work * 1000, frame * 1000
            assert view.current_section == len(outline.entries) - 1
            await _press(app, probe, "g", "g")
            for key, character in (("j", "j"), ("space", " "), ("right_square_bracket", "]")):
                works, frames = [], []
                for _ in range(KEY_REPEATS):
                    work, frame = await _press(app, probe, key, character)
                    works.append(work * 1000)
                    frames.append(frame * 1000)
                name = {"space": "space", "right_square_bracket": "]"}.get(key, key)
                result[f"{name}_ms"] = statistics.median(works)
                result[f"{name}_frame_ms"] = statistics.median(frames)

    asyncio.run(run())
    result["rss_mb"] = _peak_rss_mb()
    return result


def case_markdown_viewer(path: str) -> dict[str, Any]:
    from textual.app import App, ComposeResult
    from textual.screen import Screen
    from textual.widgets import MarkdownViewer

    from tui.content.frontmatter import split_front_matter

    _, body, _ = split_front_matter(Path(path), Path(path).read_text(encoding="utf-8"))
    times: dict[str, float] = {}
    paints: list[float] = []
    paint = Screen._on_timer_update

    def timed_paint(screen: Screen[Any]) -> None:
        paint(screen)
        paints.append(time.perf_counter())

    Screen._on_timer_update = timed_paint  # type: ignore[method-assign, assignment]

    class Viewer(App[None]):
        def compose(self) -> ComposeResult:
            times["start"] = time.perf_counter()
            yield MarkdownViewer(body, show_table_of_contents=True)

    async def run() -> None:
        app = Viewer()
        async with app.run_test(size=SIZE) as pilot:
            document = app.query_one(MarkdownViewer).document
            # The document holds its lock from the parse to the last block mounted.
            while not document.children or document.lock.is_locked:
                await asyncio.sleep(0.05)
            times["mounted"] = time.perf_counter()
            await pilot.pause()

    asyncio.run(run())
    opened = next((t for t in paints if t >= times["mounted"]), times["mounted"])
    return {"open_s": opened - times["start"], "rss_mb": _peak_rss_mb()}


# ---------------------------------------------------------------- the run


def run_case(*args: str, timeout: float = 600) -> dict[str, Any]:
    return cases.run_case(__file__, args, timeout)


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "s":
        return f"{value:.3f} s"
    if unit == "ms":
        return f"{value:.1f} ms"
    return f"{value:.0f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the MarkdownViewer baseline")
    parser.add_argument("--case", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.case:
        kind, *rest = args.case
        if kind == "parse":
            out = case_parse(rest[0])
        elif kind == "wellread":
            out = case_wellread(rest[0], rest[1], rest[2] == "keys")
        else:
            out = case_markdown_viewer(rest[0])
        print(json.dumps(out))
        return

    with tempfile.TemporaryDirectory() as tmp:
        library = Path(tmp) / "library"
        library.mkdir()
        sizes = {"1 MB": ("bench-1mb", 1_000_000), "4 MB": ("bench-4mb", 4_000_000)}
        for slug, size in sizes.values():
            (library / f"{slug}.md").write_text(make_article(size, title=slug), encoding="utf-8")
        # The bundled glossary too, so long articles have their terms marked as a reader's are.
        from tui.content import bundled_library

        glossary = bundled_library() / "glossary.yaml"
        if glossary.is_file():
            shutil.copy(glossary, library / "glossary.yaml")

        print(
            f"Machine: {platform.machine()}, {_cpu_count()} cores, "
            f"{platform.python_implementation()} {platform.python_version()}; "
            f"terminal {SIZE[0]}x{SIZE[1]}, headless"
        )
        rows: dict[str, dict[str, Any]] = {}
        for label, (slug, _) in sizes.items():
            path = str(library / f"{slug}.md")
            rows[label] = {
                "bytes": (library / f"{slug}.md").stat().st_size,
                "parse": run_case("parse", path),
                "wellread": run_case("wellread", str(library), slug, "keys"),
            }
        baseline = None
        if not args.quick:
            print("Measuring Textual's MarkdownViewer on the 1 MB text (slow) ...", flush=True)
            baseline = run_case("viewer", str(library / "bench-1mb.md"), timeout=1800)

        _report(rows, baseline)
        _bundled()


def _cpu_count() -> int:
    import os

    return os.cpu_count() or 0


def _pair(rows: dict[str, dict[str, Any]], label: str, key: str) -> str:
    work = rows[label]["wellread"].get(f"{key}_ms")
    frame = rows[label]["wellread"].get(f"{key}_frame_ms")
    return f"{_fmt(work, 'ms')} / {_fmt(frame, 'ms')}"


def _report(rows: dict[str, dict[str, Any]], baseline: dict[str, Any] | None) -> None:
    labels = list(rows)

    def wellread(key: str, unit: str) -> list[str]:
        return [_fmt(rows[label]["wellread"].get(key), unit) for label in labels]

    def ratio(label: str) -> float:
        return float(rows[label]["wellread"]["first_paint_s"] / rows[label]["parse"]["parse_s"])

    table: list[list[str]] = [["", *labels]]
    table.append(["file size", *(f"{rows[k]['bytes'] / 1e6:.2f} MB" for k in labels)])
    table.append(
        ["markdown-it-py parse (floor)", *(_fmt(rows[k]["parse"]["parse_s"], "s") for k in labels)]
    )
    table.append(["wellread first paint", *wellread("first_paint_s", "s")])
    table.append(["  ratio to parse", *(f"{ratio(k):.2f}x" for k in labels)])
    table.append(["wellread fully laid out", *wellread("laid_out_s", "s")])
    table.append(["j while laying out (work)", *wellread("j_during_layout_ms", "ms")])
    table.append(["G (work / to frame)", *(_pair(rows, k, "G") for k in labels)])
    table.append(["last section via outline", *(_pair(rows, k, "last_section") for k in labels)])
    for key in ("j", "space", "]"):
        table.append([f"{key} median (work / to frame)", *(_pair(rows, k, key) for k in labels)])
    table.append(["peak RSS", *wellread("rss_mb", "mb")])
    if baseline:
        table.append(["MarkdownViewer open (baseline)", _fmt(baseline["open_s"], "s"), "not run"])
        table.append(["MarkdownViewer peak RSS", _fmt(baseline["rss_mb"], "mb"), ""])
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    for row in table:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))

    w1, w4 = rows["1 MB"]["wellread"], rows["4 MB"]["wellread"]
    checks = [
        ("1 MB first paint <= 3x parse", ratio("1 MB") <= 3, f"{ratio('1 MB'):.2f}x"),
        ("1 MB G < 50 ms", w1["G_ms"] < 50, f"{w1['G_ms']:.1f} ms"),
        (
            "1 MB last section < 50 ms",
            w1["last_section_ms"] < 50,
            f"{w1['last_section_ms']:.1f} ms",
        ),
        ("1 MB peak RSS < 150 MB", w1["rss_mb"] < 150, f"{w1['rss_mb']:.0f} MB"),
        (
            "4 MB first paint grows no faster than parse (ratio within 10%)",
            ratio("4 MB") <= 1.1 * ratio("1 MB"),
            f"{ratio('4 MB'):.2f}x vs {ratio('1 MB'):.2f}x",
        ),
    ]
    for key in ("j", "space", "]"):
        checks.append(
            (f"4 MB {key} median < 16 ms", w4[f"{key}_ms"] < 16, f"{w4[f'{key}_ms']:.1f} ms")
        )
    if baseline:
        share = baseline["open_s"] / w1["first_paint_s"]
        checks.append(
            ("1 MB first paint < 1/50 of MarkdownViewer open", share > 50, f"1/{share:.0f}")
        )
    print("\nTargets:")
    for name, ok, figure in checks:
        print(f"  [{'met' if ok else 'MISSED'}] {name}: {figure}")


def _bundled() -> None:
    from tui.content import bundled_library, load_library

    library = load_library(bundled_library())
    print("\nBundled articles, first paint (target < 100 ms):")
    for entry in library.article_entries():
        result = run_case("wellread", str(library.root), entry.slug, "nokeys")
        ms = result["first_paint_s"] * 1000
        print(f"  [{'met' if ms < 100 else 'MISSED'}] {entry.slug}: {ms:.1f} ms")


if __name__ == "__main__":
    main()
