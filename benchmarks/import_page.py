"""Import a large saved web page, beside trafilatura's own extraction of the same page.

    python benchmarks/import_page.py            # a 1 MB page
    python benchmarks/import_page.py --mb 4     # a 4 MB page

The page is generated here: sections of made-up text with author-year and numbered
citations, a reference list of 200 items, and the furniture real pages carry. Each
figure is the median of several runs in this process, each run on the same bytes.
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.importer import import_source

WORDS = (
    "bone load walk step hip spine muscle strength balance fall older adult trial week "
    "month gain loss density training impact jump lift carry stand sit rise heel toe"
).split()
TARGET_SECONDS = 2.0


SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "sa", "to", "vi")


def name(n: int) -> str:
    return "".join(SYLLABLES[(n >> (3 * i)) % 8] for i in range(3)).capitalize()


def make_page(size: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    refs = [
        f'<li id="ref-{n}">{name(n)} AB, Second CD. A study of loading number {n}. '
        f"J Bone Tests. {2000 + n % 25};{n}(2):{n}-{n + 9}. doi:10.5555/bench.{n}</li>"
        for n in range(1, 201)
    ]
    parts = [
        "<!DOCTYPE html><html><head><title>A long page | Bench</title></head><body>",
        '<nav><a href="/">Home</a><a href="/join">join us</a></nav><main><article>',
        "<h1>A long page</h1>",
    ]
    length = sum(map(len, parts))
    section = 0
    while length < size:
        section += 1
        block = [f"<h2>Section {section}</h2>"]
        for _ in range(6):
            words = " ".join(rng.choice(WORDS) for _ in range(60))
            n = rng.randint(1, 200)
            block.append(f'<p>{words} <a href="#ref-{n}">{n}</a> ({name(n)}, {2000 + n % 25}).</p>')
        block.append(
            "<ul>" + "".join(f"<li>{rng.choice(WORDS)} item</li>" for _ in range(5)) + "</ul>"
        )
        text = "".join(block)
        parts.append(text)
        length += len(text)
    parts.append("</article></main><section><h2>References</h2><ol>")
    parts.extend(refs)
    parts.append('</ol></section><div class="w-form-fail">Oops! Something went wrong.</div>')
    parts.append("</body></html>")
    return "".join(parts)


def median_seconds(run: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    page = make_page(int(args.mb * 1024 * 1024))
    data = page.encode()

    import trafilatura

    trafilatura.extract(page)  # first call loads its models and caches; not timed
    floor = median_seconds(
        lambda: trafilatura.extract(
            page,
            output_format="markdown",
            include_formatting=True,
            include_tables=True,
            favor_recall=True,
        ),
        args.repeat,
    )
    whole = median_seconds(lambda: import_source(data, source_name="page.html"), args.repeat)
    result = import_source(data, source_name="page.html")
    linked = len(result.citations.linked)
    print(f"Machine: {platform.machine()}, CPython {platform.python_version()}")
    print(
        f"page: {len(data) / 1e6:.2f} MB, {len(result.references)} references, "
        f"{linked} citations linked, {len(result.citations.unlinked)} unlinked"
    )
    print(f"trafilatura extract alone (baseline): {floor:.3f} s")
    print(f"wellread import, whole:               {whole:.3f} s ({whole / floor:.2f}x)")
    verdict = "met" if whole < TARGET_SECONDS else "NOT met"
    print(f"[{verdict}] import under {TARGET_SECONDS:.0f} s: {whole:.3f} s")


if __name__ == "__main__":
    main()
