"""Run benchmarks on this tree and on an earlier commit, and print their figures side by side.

    python benchmarks/compare.py                      # HEAD~1, open_large --quick, 3 rounds
    python benchmarks/compare.py --base 55f425e --rounds 5
    python benchmarks/compare.py --bench "search.py --count 500" --bench "open_large.py --quick"

The earlier commit is checked out in a temporary git worktree; each benchmark runs
from its own tree with this Python, so it measures that tree's `tui` package. Runs
alternate base, head, base, head... so that a busy machine slows both alike. Every
benchmark prints tables; lines are matched between the two trees by their words (the
numbers taken out), and each number is the median of its rounds. The ratio is head
over base: for times and memory, above 1.10 means more than 10% worse.
"""

from __future__ import annotations

import argparse
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
STATUS = re.compile(r"^\s*\[[A-Za-z ]+\]")
DEFAULT_BENCHES = ["open_large.py --quick"]

Figures = dict[str, list[float]]


def worktree(base: str, where: Path) -> Path:
    tree = where / "base"
    subprocess.run(
        ["git", "-C", str(HERE.parent), "worktree", "add", "--detach", str(tree), base],
        check=True,
        capture_output=True,
    )
    return tree


def drop_worktree(tree: Path) -> None:
    subprocess.run(
        ["git", "-C", str(HERE.parent), "worktree", "remove", "--force", str(tree)],
        check=False,
        capture_output=True,
    )


def figures(output: str) -> Figures:
    """Each line's words (numbers blanked) mapped to the numbers on it."""
    found: Figures = {}
    for line in output.splitlines():
        numbers = [float(n) for n in NUMBER.findall(line)]
        if not numbers:
            continue
        # "[met]" and "[MISSED]" say how a figure stands, not which figure it is.
        label = " ".join(STATUS.sub("", NUMBER.sub("#", line)).split())
        # A label seen twice (the same table for two sizes) keeps both, in order.
        key = label
        count = 2
        while key in found:
            key = f"{label} ({count})"
            count += 1
        found[key] = numbers
    return found


def run(tree: Path, bench: str) -> str:
    script, *args = shlex.split(bench)
    path = tree / "benchmarks" / script
    if not path.exists():
        return ""
    done = subprocess.run(
        [sys.executable, str(path), *args],
        cwd=tree,
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout


def medians(rounds: list[Figures]) -> Figures:
    merged: dict[str, list[list[float]]] = {}
    for one in rounds:
        for label, numbers in one.items():
            merged.setdefault(label, []).append(numbers)
    result: Figures = {}
    for label, runs in merged.items():
        width = min(len(numbers) for numbers in runs)
        result[label] = [statistics.median(numbers[i] for numbers in runs) for i in range(width)]
    return result


def show(bench: str, base: Figures, head: Figures) -> list[float]:
    print(f"\n== {bench}")
    print(f"{'line (# = a figure)':58} {'base':>10} {'head':>10} {'head/base':>9}")
    ratios: list[float] = []
    for label, head_numbers in head.items():
        base_numbers = base.get(label)
        if base_numbers is None:
            print(f"{label[:58]:58} {'(new)':>10}")
            continue
        pairs = list(zip(base_numbers, head_numbers, strict=False))
        for column, (b, h) in enumerate(pairs, start=1):
            if b == h:
                continue  # sizes, counts and other fixed figures
            ratio = h / b if b else float("inf")
            ratios.append(ratio)
            name = label[:58] if len(pairs) == 1 else f"{label[:52]} [{column}]"
            print(f"{name:58} {b:10.3f} {h:10.3f} {ratio:8.2f}x")
    return ratios


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="HEAD~1", help="the earlier commit (default HEAD~1)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--bench", action="append", help="a script in benchmarks/ and its flags")
    options = parser.parse_args()
    benches = options.bench or DEFAULT_BENCHES
    head_tree = HERE.parent
    with tempfile.TemporaryDirectory(prefix="wellread-compare-") as where:
        base_tree = worktree(options.base, Path(where))
        try:
            for bench in benches:
                base_rounds: list[Figures] = []
                head_rounds: list[Figures] = []
                for number in range(options.rounds):
                    print(f"{bench}: round {number + 1} of {options.rounds}", file=sys.stderr)
                    base_rounds.append(figures(run(base_tree, bench)))
                    head_rounds.append(figures(run(head_tree, bench)))
                show(bench, medians(base_rounds), medians(head_rounds))
        finally:
            drop_worktree(base_tree)
    print(
        "\nLines are matched by their words; a ratio compares the same figure in both trees "
        "(medians of the rounds). Targets and baselines printed by a benchmark appear too: "
        "a baseline's ratio shows how much the machine itself moved between runs."
    )


if __name__ == "__main__":
    main()
