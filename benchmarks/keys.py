"""What each reader key costs on a 4 MB article, beside a small article and Textual's floor.

    python benchmarks/keys.py              # every key, 7 presses each
    python benchmarks/keys.py --repeats 3  # quicker

Each case runs headless (120x40) in its own subprocess:

- "4 MB": a generated 4 MB article (benchmarks/large_article.py), fully laid out first;
- "small": the test library's alpha article (tests/fixtures/library);
- "floor": a one-line Textual app with three focusable one-line panes, where the keys
  that have an equivalent in Textual itself (Ctrl+P palette, typing in it, Esc,
  Ctrl+T theme, Tab, Shift+Tab, Enter pushing a screen of one line and Esc popping
  it) do that.

"work" is the CPU time of the UI thread (the one the event loop runs on, so every
handler, layout and repaint a key causes) from sending the key until the app is
settled: a 0.12 s wait lets timers (a debounce) fire, workers and the reader's search
of the whole article are done, and Pilot has processed every message and drawn a
frame. The same wait with no key
is measured too and taken off, so "work" is what the key adds. Work done in other
threads (laying out, searching or rendering in the background) is not the UI
thread's; it shows in "all threads", the whole process's CPU time over the same span.
The figure is the median over the presses. Full garbage collections during the keys
are counted apart, with the longest: each lands on one key, so a median seldom shows it.
A key bound to nothing (NOOP_KEY) is measured the same way and printed apart: what Pilot
itself costs to deliver a key and wait for every widget, a part of every figure (it is
not taken off).

A speed probe (the same fixed piece of pure-Python work, timed on the UI thread just
before each key, outside its figure) shows how fast the machine was at that moment: on
a shared machine it drifts by half within a run, and every key's figure with it. The
4 MB column's keys print their probe's median beside them; the range is printed for
each case.

Verdict: "ok" when under 16 ms (one frame at 60 Hz), or within 1.5 times the same key
on the floor app, which is as fast as Textual itself goes. The floor app and the 4 MB
article run side by side, each in its process, and take turns: every press of a key the
floor app has is made on both, one just after the other (which one first alternates).
So a slow spell of the machine (its speed drifts by half within a run) falls on both
figures of a ratio; "floor probe" shows the floor's speed probe beside the article's.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import cases  # noqa: E402
from large_article import make_article  # noqa: E402

SIZE = (120, 40)
SETTLE_S = 0.12
FRAME_MS = 16.0
FLOOR_RATIO = 1.5
CASE_TIMEOUT_S = 1800
NOOP_KEY = "f19"  # bound to nothing in wellread and in the floor app
PROBE_LOOPS = 40_000  # the speed probe's work: about 2 ms on a quiet 2-core machine
SMALL_LIBRARY = ROOT / "tests" / "fixtures" / "library"
SMALL_SLUG = "alpha"

# (label, what to press): the rows of the table, in order.
ROWS = [
    ("j", "line down"),
    ("k", "line up"),
    ("space", "page down"),
    ("G", "to the end"),
    ("g", "to the start"),
    (".", "next citation"),
    (",", "previous citation"),
    ("+", "wider column"),
    ("-", "narrower column"),
    ("c", "citation style"),
    ("ctrl+p", "palette opens"),
    ("ctrl+p a", "a typed in the palette"),
    ("ctrl+p esc", "palette closes"),
    ("/", "find line opens"),
    ("/ b", "find: 1st character"),
    ("/ o", "find: 2nd character"),
    ("/ n", "find: 3rd character"),
    ("/ e", "find: 4th character"),
    ("/ enter", "find: Enter to first"),
    ("n", "next match"),
    ("N", "previous match"),
    ("/ esc", "find line closes"),
    ("ctrl+t", "next theme"),
    ("tab", "next pane"),
    ("shift+tab", "previous pane"),
    ("r", "references tab"),
    ("e", "exercises tab"),
    ("enter", "a related card opens"),
    ("enter esc", "the card closes"),
]
FLOOR_KEYS = {
    "ctrl+p",
    "ctrl+p a",
    "ctrl+p esc",
    "ctrl+t",
    "tab",
    "shift+tab",
    "enter",
    "enter esc",
}
# Pressed on the floor app too, each beside the article's press.
PAIRED = FLOOR_KEYS | {NOOP_KEY}
# The long article names a card of the small library as related, so Enter on the
# sidebar's exercise list opens one (the issue lists "Enter on a card").
RELATED_CARD = "wall-sit"


def speed_probe() -> float:
    """UI-thread CPU seconds of a fixed piece of pure-Python work."""
    start = time.thread_time()
    total = 0
    for number in range(PROBE_LOOPS):
        total += number * number % 7
    return time.thread_time() - start


class Meter:
    """Times keys on a running app under Pilot."""

    def __init__(self, app: Any, pilot: Any) -> None:
        self.app = app
        self.pilot = pilot
        self.results: dict[str, list[tuple[float, float]]] = {}
        self.probes: dict[str, list[float]] = {}  # the speed probe beside each press
        self.idle = (0.0, 0.0)

    async def settled(self) -> None:
        # Timers (a debounce) fire in the wait; workers they start, and the reader's
        # search of a whole article (run on the loop's threads: not a worker), are
        # waited for, their results handled and drawn.
        await asyncio.sleep(SETTLE_S)
        await self.app.workers.wait_for_complete()
        await self._searched()
        await self.pilot.pause()
        await self.app.workers.wait_for_complete()
        await self._searched()
        await self.pilot.pause()

    async def _searched(self) -> None:
        from tui.screens.reader_find import searches_running

        running = searches_running(self.app.screen_stack)
        if running:
            await asyncio.wait(running)

    async def span(self, action: Callable[[], Awaitable[None]]) -> tuple[float, float]:
        await self.settled()
        ui, whole = time.thread_time(), time.process_time()
        await action()
        await self.settled()
        return time.thread_time() - ui, time.process_time() - whole

    async def measure_idle(self, repeats: int) -> None:
        async def nothing() -> None:
            await asyncio.sleep(0)

        spans = [await self.span(nothing) for _ in range(max(3, repeats))]
        self.idle = (
            statistics.median(s[0] for s in spans),
            statistics.median(s[1] for s in spans),
        )

    async def press(self, label: str, *keys: str) -> None:
        """Press *keys*, counted under *label* (the last is what is timed: the others
        come before the clock starts)."""
        *before, timed = keys
        if before:
            await self.pilot.press(*before)
        await self.settled()
        self.probes.setdefault(label, []).append(speed_probe())
        ui, whole = await self.span(lambda: self.pilot.press(timed))
        self.results.setdefault(label, []).append(
            (max(0.0, ui - self.idle[0]), max(0.0, whole - self.idle[1]))
        )

    def summary(self) -> dict[str, tuple[float, float]]:
        return {
            label: (
                statistics.median(s[0] for s in spans) * 1000,
                statistics.median(s[1] for s in spans) * 1000,
            )
            for label, spans in self.results.items()
        }

    def probe_summary(self) -> dict[str, list[float]]:
        """Each key's speed probes, in ms."""
        return {label: [p * 1000 for p in probes] for label, probes in self.probes.items()}


# A step: (label, keys). The label counts the press; the last key is the one timed.
Step = tuple[str, tuple[str, ...]]
# Not a key: gives the sidebar's active list the focus, for the keys after it.
FOCUS_SIDEBAR = "(the sidebar's list takes the focus)"


def reader_script(repeats: int) -> list[Step]:
    """Every press of a run on an article, in order."""
    steps: list[Step] = []

    def add(label: str, *keys: str) -> None:
        steps.append((label, keys))

    for _ in range(repeats):
        add(NOOP_KEY, NOOP_KEY)
    for _ in range(repeats):
        add("j", "j")
        add("k", "k")
        add("space", "space")
        add("G", "G")
        add("g", "g")
        add(".", "full_stop")
        add(".", "full_stop")
        add(",", "comma")
        add("+", "plus")
        add("-", "minus")
        add("c", "c")
    for _ in range(repeats):
        add("ctrl+p", "ctrl+p")
        add("ctrl+p a", "a")
        add("ctrl+p esc", "escape")
    for _ in range(repeats):
        add("/", "slash")
        for char in "bone":
            add(f"/ {char}", char)
        add("/ enter", "enter")
        add("n", "n")
        add("N", "N")
        add("/ esc", "slash", "escape")
    for _ in range(repeats):
        add("ctrl+t", "ctrl+t")
    for _ in range(repeats):
        add("tab", "tab")
        add("shift+tab", "shift+tab")
    add(FOCUS_SIDEBAR)
    for _ in range(repeats):
        add("r", "r")
        add("e", "e")
    # After e: the exercise list has the focus, its cursor on the related card.
    for _ in range(repeats):
        add("enter", "enter")
        add("enter esc", "escape")
    return steps


def floor_script(repeats: int) -> list[Step]:
    """The floor app's presses: the article's that it has, in the same order."""
    return [step for step in reader_script(repeats) if step[0] in PAIRED]


async def run_step(meter: Meter, step: Step) -> None:
    label, keys = step
    if label == FOCUS_SIDEBAR:
        from tui.widgets.sidebar import Sidebar

        screen = meter.app.screen
        screen.query_one(f"#{screen.query_one(Sidebar).active_tab}").focus()
        await meter.settled()
    else:
        await meter.press(label, *keys)


# Served cases read the index of each step to take from stdin and answer on stdout,
# on lines that start with this.
SAID = "@keys "


def _say(word: str) -> None:
    print(SAID + word, flush=True)


async def steps_of(script: list[Step], served: bool) -> AsyncIterator[Step]:
    """The script's steps in order; or, served, those the parent names one at a time."""
    if not served:
        for step in script:
            yield step
        return
    loop = asyncio.get_running_loop()
    _say("ready")
    while (line := (await loop.run_in_executor(None, sys.stdin.readline)).strip()) not in (
        "",
        "end",
    ):
        yield script[int(line)]
        _say("done")


class FullCollections:
    """The full garbage collections (generation 2) run while the block runs, in ms: a
    pause that lands on whichever key comes next, so a median seldom shows it."""

    def __init__(self) -> None:
        self.durations: list[float] = []  # on the UI thread
        self.elsewhere: list[float] = []  # in other threads (a settle after a layout)
        self._started = 0.0
        self._ui = threading.get_ident()

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if info.get("generation") != 2:
            return
        if phase == "start":
            self._started = time.perf_counter()
        elif threading.get_ident() == self._ui:
            self.durations.append((time.perf_counter() - self._started) * 1000)
        else:
            self.elsewhere.append((time.perf_counter() - self._started) * 1000)

    def __enter__(self) -> FullCollections:
        gc.callbacks.append(self._callback)
        return self

    def __exit__(self, *_: object) -> None:
        gc.callbacks.remove(self._callback)


def case_wellread(library: str, slug: str, repeats: int, served: bool) -> dict[str, Any]:
    from tui.app import WellreadApp
    from tui.content import load_library
    from tui.widgets.article_view import ArticleView

    out: dict[str, Any] = {}

    async def run() -> None:
        app = WellreadApp(load_library(Path(library)))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app.open_article(slug)
            await pilot.pause()
            view = app.screen.query_one(ArticleView)
            while not view.ready:
                await asyncio.sleep(0.05)
            await pilot.pause()
            meter = Meter(app, pilot)
            await meter.measure_idle(repeats)
            with FullCollections() as collections:
                async for step in steps_of(reader_script(repeats), served):
                    await run_step(meter, step)
            out["keys"] = meter.summary()
            out["probes"] = meter.probe_summary()
            out["full_gc"] = collections.durations
            out["full_gc_elsewhere"] = collections.elsewhere
            out["idle_ms"] = meter.idle[0] * 1000
            out["lines"] = len(view.text_layout.lines) if view.text_layout else 0

    asyncio.run(run())
    return out


def case_floor(repeats: int, served: bool) -> dict[str, Any]:
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.containers import Horizontal
    from textual.screen import Screen
    from textual.widgets import Static

    class Pane(Static, can_focus=True):
        pass

    class Card(Screen[None]):
        BINDINGS = [Binding("escape", "app.pop_screen")]

        def compose(self) -> ComposeResult:
            yield Pane("A card.")

    class OneLine(App[None]):
        BINDINGS = [Binding("ctrl+t", "next_theme"), Binding("enter", "open_card")]

        def action_open_card(self) -> None:
            self.push_screen(Card())

        def compose(self) -> ComposeResult:
            with Horizontal():
                yield Pane("One line.")
                yield Pane("Two.")
                yield Pane("Three.")

        def action_next_theme(self) -> None:
            themes = ["textual-dark", "textual-light", "nord", "gruvbox", "monokai"]
            current = themes.index(self.theme) if self.theme in themes else -1
            self.theme = themes[(current + 1) % len(themes)]

    out: dict[str, Any] = {}

    async def run() -> None:
        app = OneLine()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            meter = Meter(app, pilot)
            await meter.measure_idle(repeats)
            async for step in steps_of(floor_script(repeats), served):
                await run_step(meter, step)
            out["keys"] = meter.summary()
            out["probes"] = meter.probe_summary()
            out["idle_ms"] = meter.idle[0] * 1000

    asyncio.run(run())
    return out


def probe_range(probes: dict[str, list[float]]) -> str:
    """The speed probes of one case: 'lowest-highest ms (median m)'."""
    values = sorted(value for presses in probes.values() for value in presses)
    if not values:
        return "-"
    return f"{values[0]:.1f}-{values[-1]:.1f} ms (median {statistics.median(values):.1f})"


# ---------------------------------------------------------------- the run


def run_case(*args: str, timeout: float = 1200) -> dict[str, Any]:
    return cases.run_case(__file__, args, timeout)


class Served:
    """A case in its own process, taking the steps the parent names one at a time."""

    def __init__(self, *args: str) -> None:
        self.name = " ".join(args)
        # Read if the case fails; closed by finish.
        self.errors = tempfile.TemporaryFile("w+")  # noqa: SIM115
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--case", *args, "served"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.errors,
            text=True,
        )
        # A case that stops answering is ended, and the run with it.
        self.watchdog = threading.Timer(CASE_TIMEOUT_S, self.process.kill)
        self.watchdog.daemon = True  # a run that fails ends without waiting for it
        self.watchdog.start()
        self._heard("ready")

    def _heard(self, word: str) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.startswith(SAID) and line[len(SAID) :].strip() == word:
                return
        self.errors.seek(0)
        raise RuntimeError(f"case {self.name} failed:\n{self.errors.read()[-3000:]}")

    def step(self, index: int) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(f"{index}\n")
        self.process.stdin.flush()
        self._heard("done")

    def finish(self) -> dict[str, Any]:
        out, _ = self.process.communicate("end\n")
        self.watchdog.cancel()
        with self.errors:
            if self.process.returncode != 0:
                self.errors.seek(0)
                raise RuntimeError(f"case {self.name} failed:\n{self.errors.read()[-3000:]}")
        return dict(json.loads(out.strip().splitlines()[-1]))


def paired(library: Path, repeats: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """The 4 MB article's keys and the floor app's, each floor press beside the
    article's (in turn first), so both are timed in the same seconds."""
    large = Served("wellread", str(library), "bench-4mb", str(repeats))
    floor = None
    try:
        # Started once the article is laid out: its setting-up would slow the floor's.
        floor = Served("floor", str(repeats))
        on_floor = iter(enumerate(floor_script(repeats)))
        for index, step in enumerate(reader_script(repeats)):
            if step[0] not in PAIRED:
                large.step(index)
                continue
            turn, floor_step = next(on_floor)
            assert floor_step == step, (floor_step, step)
            if turn % 2:
                large.step(index)
                floor.step(turn)
            else:
                floor.step(turn)
                large.step(index)
        return large.finish(), floor.finish()
    finally:
        for case in (large, floor):
            if case is not None and case.process.poll() is None:
                case.process.kill()  # a run that failed: no case left behind


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7, help="presses of each key")
    parser.add_argument("--size", type=int, default=4_000_000, help="bytes of the long article")
    parser.add_argument("--case", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.case:
        kind, *rest = args.case
        served = rest[-1] == "served"
        if kind == "wellread":
            out = case_wellread(rest[0], rest[1], int(rest[2]), served)
        else:
            out = case_floor(int(rest[0]), served)
        print(json.dumps(out))
        return

    with tempfile.TemporaryDirectory() as tmp:
        library = Path(tmp) / "library"
        shutil.copytree(SMALL_LIBRARY, library)
        big = library / "bench-4mb.md"
        text = make_article(args.size, title="bench-4mb")
        text = text.replace("\n", f"\nrelated_exercises: [{RELATED_CARD}]\n", 1)
        big.write_text(text, encoding="utf-8")
        print(
            f"Machine: {platform.machine()}, {_cpu_count()} cores, "
            f"{platform.python_implementation()} {platform.python_version()}; "
            f"terminal {SIZE[0]}x{SIZE[1]}, headless; {args.repeats} presses a key; "
            f"long article {big.stat().st_size / 1e6:.2f} MB"
        )
        # The floor's presses take turns with the article's: the machine's speed drifts
        # over the minutes a run takes, and a floor measured before and after the
        # article (pooled) still let a slow spell in between move a ratio by a fifth.
        large, floor = paired(library, args.repeats)
        small = run_case("wellread", str(library), SMALL_SLUG, str(args.repeats))
    _report(large, small, floor)


def _cpu_count() -> int:
    import os

    return os.cpu_count() or 0


def _report(large: dict[str, Any], small: dict[str, Any], floor: dict[str, Any]) -> None:
    print(
        f"Idle UI-thread CPU over a settle span (taken off every figure): 4 MB "
        f"{large['idle_ms']:.1f} ms, small {small['idle_ms']:.1f} ms, floor "
        f"{floor['idle_ms']:.1f} ms; 4 MB article: {large['lines']} lines"
    )
    noop = [case["keys"].get(NOOP_KEY, (0.0, 0.0))[0] for case in (large, small, floor)]
    print(
        f"A key bound to nothing ({NOOP_KEY}), Pilot's own cost of a key (in every figure "
        f"below, not taken off): 4 MB {noop[0]:.1f} ms, small {noop[1]:.1f} ms, "
        f"floor {noop[2]:.1f} ms"
    )
    print(
        f"Speed probe (the same fixed work before each key; higher: a slower machine at "
        f"that moment): 4 MB {probe_range(large['probes'])}, small "
        f"{probe_range(small['probes'])}, floor {probe_range(floor['probes'])}"
    )
    for name, case in (("4 MB", large), ("small", small)):
        pauses, elsewhere = case.get("full_gc", []), case.get("full_gc_elsewhere", [])
        longest = f", longest {max(pauses):.0f} ms" if pauses else ""
        other = f", longest {max(elsewhere):.0f} ms" if elsewhere else ""
        print(
            f"Full garbage collections during the keys, {name}: {len(pauses)} on the UI "
            f"thread{longest}; {len(elsewhere)} in other threads{other}"
        )
    header = [
        "key",
        "what",
        "4 MB work",
        "4 MB all threads",
        "4 MB probe",
        "small work",
        "floor",
        "floor probe",
        "verdict",
    ]
    table = [header]
    misses = []
    for label, what in ROWS:
        big = large["keys"].get(label)
        little = small["keys"].get(label)
        base = floor["keys"].get(label) if label in FLOOR_KEYS else None
        if big is None:
            continue
        work = big[0]
        if work < FRAME_MS:
            verdict = "ok (<16 ms)"
        elif base is not None and work <= FLOOR_RATIO * base[0]:
            verdict = f"ok ({work / base[0]:.2f}x floor)"
        else:
            verdict = "MISSED"
            misses.append(label)
        table.append(
            [
                label,
                what,
                _ms(work),
                _ms(big[1]),
                _ms(statistics.median(large["probes"][label])),
                _ms(little[0] if little else None),
                _ms(base[0] if base else None),
                _ms(statistics.median(floor["probes"][label]) if base else None),
                verdict,
            ]
        )
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for row in table:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    print(f"\nMissed: {', '.join(misses) if misses else 'none'} (figures in ms, medians)")


if __name__ == "__main__":
    main()
