"""What keeping the share read costs per move in a very long article.

    python benchmarks/reading_progress.py

Every move marks the lines on screen and asks for the percentage. The figure is
printed beside a baseline from the same run: counting every line again at each move.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.render.blocks import RenderedDocument, TextBlock
from tui.render.layout import Layout
from tui.render.progress import SeenText

PARAGRAPHS = 5000
PAGE = 30
MOVES = 600


def main() -> None:
    document = RenderedDocument(
        [TextBlock("word " * 60, blank_before=1) for _ in range(PARAGRAPHS)], []
    )
    layout = Layout(document, 60)
    layout.extend()
    seen = SeenText()
    start = time.perf_counter()
    for top in range(MOVES):
        seen.mark(layout, top, PAGE)
        seen.percent(layout)
    kept = (time.perf_counter() - start) / MOVES
    # Baseline: the same moves further on, each counting every line of the article.
    start = time.perf_counter()
    for top in range(2 * MOVES, 2 * MOVES + 20):
        seen.mark(layout, top, PAGE)
        seen.clear_counts()
        seen.percent(layout)
    recount = (time.perf_counter() - start) / 20
    print(f"{len(layout.lines)} lines, a page of {PAGE}")
    print(f"  per move, counts kept up: {kept * 1e3:8.3f} ms")
    print(f"  per move, all recounted:  {recount * 1e3:8.3f} ms (baseline)")


if __name__ == "__main__":
    main()
