"""Peak memory and first-screen time for huge list-only articles (no headings).

    python benchmarks/list_article_memory.py             # 1 MB, 8 MB and 31 MB
    python benchmarks/list_article_memory.py --sizes 1 8 # fewer sizes

A list-only article is the worst case for the preview: with no `##` heading there is
nowhere to cut, so the whole text is parsed before anything shows. Each case runs in
its own subprocess, so its peak memory (ru_maxrss) is its own. Beside each figure:
markdown-it-py's own parse of the same body in the same run (the baseline: what the
parser alone costs), and the goals of issue 10: peak <= 100 MB + 25 x file size, and
a first screen within 1 s for the 8 MB article.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

SIZE = (120, 40)
WORDS = "bone load impact muscle strength balance spine hip walk step stair posture".split()


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_list_article(path: Path, megabytes: float) -> None:
    """Front matter and then nothing but bullet items, some citing, to *megabytes*."""
    rng = random.Random(int(megabytes * 10))
    target = int(megabytes * 1_000_000)
    parts = [
        "---\ntitle: A very long list\nsummary: Only bullets, no headings.\nreferences:\n"
        "  - id: ref1\n    title: A study\n    author: [{family: Lee}]\n"
        "    issued: {date-parts: [[2020]]}\n---\n"
    ]
    size = len(parts[0])
    while size < target:
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 16)))
        line = f"- {words.capitalize()}{' [@ref1]' if rng.random() < 0.2 else ''}.\n"
        parts.append(line)
        size += len(line)
    path.write_text("".join(parts), encoding="utf-8")


# ---------------------------------------------------------------- cases (in a subprocess)


def case_markdown_it(path: str) -> dict[str, Any]:
    from tui.content.frontmatter import split_front_matter
    from tui.content.markdown import markdown_parser

    _, body, _ = split_front_matter(Path(path), Path(path).read_text(encoding="utf-8"))
    start = time.perf_counter()
    markdown_parser().parse(body)
    return {"s": time.perf_counter() - start, "rss_mb": _peak_rss_mb()}


def case_read_plain(path: str) -> dict[str, Any]:
    """`wellread read --plain`: load, parse, render to plain text."""
    import argparse
    import io

    from tui.cli import Context, cmd_read

    start = time.perf_counter()
    args = argparse.Namespace(library=Path(path).parent, slug=Path(path).stem, plain=True)
    cmd_read(Context(args, io.StringIO(), io.StringIO()))
    return {"s": time.perf_counter() - start, "rss_mb": _peak_rss_mb()}


def case_first_screen(path: str) -> dict[str, Any]:
    """The app, headless: from asking for the article to the first frame with its text."""
    from open_large import Probe

    probe = Probe()
    probe.install()
    from tui.app import WellreadApp
    from tui.content import load_library
    from tui.widgets.article_view import ArticleView

    result: dict[str, Any] = {}

    async def run() -> None:
        app = WellreadApp(load_library(Path(path).parent))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            start = time.perf_counter()
            app.open_article(Path(path).stem)
            _, painted = await probe.first_paint_after(start, body=True, timeout=600)
            result["s"] = painted - start
            view = app.screen.query_one(ArticleView)
            while not view.ready:
                await asyncio.sleep(0.05)
            result["laid_out_s"] = time.perf_counter() - start

    asyncio.run(run())
    result["rss_mb"] = _peak_rss_mb()
    return result


CASES = {
    "markdown-it": case_markdown_it,
    "read-plain": case_read_plain,
    "first-screen": case_first_screen,
}


def run_case(name: str, path: Path, timeout: float) -> dict[str, Any]:
    try:
        done = subprocess.run(
            [sys.executable, __file__, "--case", name, str(path)],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return {"error": f"over {timeout:.0f} s"}
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1][:60] if done.stderr else "failed"}
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--case", nargs=2, metavar=("NAME", "PATH"))
    parser.add_argument("--sizes", nargs="+", type=float, default=[1, 8, 31])
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args()
    if args.case:
        print(json.dumps(CASES[args.case[0]](args.case[1])))
        return
    print(f"{'size':>6} {'case':<13} {'time':>9} {'peak':>9} {'goal peak':>10}  note")
    with tempfile.TemporaryDirectory() as folder:
        for megabytes in args.sizes:
            library = Path(folder) / f"lib{megabytes:g}"
            library.mkdir()
            path = library / f"list-{megabytes:g}mb.md"
            make_list_article(path, megabytes)
            actual = path.stat().st_size / 1_000_000
            goal = 100 + 25 * actual
            for name in CASES:
                result = run_case(name, path, args.timeout)
                if "error" in result:
                    error = result["error"]
                    print(f"{actual:5.1f}M {name:<13} {'-':>9} {'-':>9} {goal:8.0f}MB  {error}")
                    continue
                note = ""
                if name != "markdown-it":
                    note = "peak ok" if result["rss_mb"] <= goal else "PEAK OVER GOAL"
                if name == "first-screen":
                    note += f"; laid out in {result['laid_out_s']:.1f} s"
                    if megabytes == 8:
                        note += "; first screen " + ("ok" if result["s"] <= 1 else "OVER 1 s")
                print(
                    f"{actual:5.1f}M {name:<13} {result['s']:8.2f}s {result['rss_mb']:7.0f}MB "
                    f"{goal:8.0f}MB  {note}",
                    flush=True,
                )
            path.unlink()


if __name__ == "__main__":
    main()
