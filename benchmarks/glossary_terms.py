"""Finding the first use of every glossary term in a text, beside a plain word scan.

    python benchmarks/glossary_terms.py

The baseline is one pass of a word regex over the same text (the least any word-bounded
scan must do). Each text is made here: ordinary words with a few terms, and a hostile
text in which every word begins a term's name and almost completes it. Doubling the
text should about double both figures: the scan is linear.
"""

from __future__ import annotations

import random
import re
import statistics
import sys
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.content.glossary import Term, TermIndex

WORDS = "bone load walk step hip spine muscle strength balance fall older adult trial".split()
NAMES = [
    ("bone mineral density", "BMD", "bone density"),
    ("DXA", "DXA scan", "bone density scan"),
    ("T-score", "T score"),
    ("vertebral fracture", "spine fracture"),
    ("repetition maximum", "RM"),
]
TERMS = [Term(n[0], n[1:], "A meaning.", (), 1) for n in NAMES] + [
    Term(f"made up term {i}", (f"invented word {i}",), "A meaning.", (), 1) for i in range(60)
]


def ordinary(words: int) -> str:
    rng = random.Random(3)
    pool = [*WORDS, "BMD", "T-score", "spine fracture"]
    return " ".join(rng.choice(pool) for _ in range(words))


def hostile(words: int) -> str:
    return "bone mineral " * (words // 2) + "density"


def median(action: object, runs: int = 5) -> float:
    assert callable(action)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def count_words(word: re.Pattern[str], text: str) -> int:
    return sum(1 for _ in word.finditer(text))


def main() -> None:
    index = TermIndex(TERMS)
    word = re.compile(r"[^\W_]+")
    print(f"{'text':<10}{'words':>9}{'baseline ms':>14}{'terms ms':>11}{'ratio':>8}")
    for make in (ordinary, hostile):
        for words in (50_000, 100_000, 200_000):
            text = make(words)
            base = median(partial(count_words, word, text))
            terms = median(partial(index.first_uses, text))
            print(
                f"{make.__name__:<10}{words:>9}{base * 1000:>14.1f}{terms * 1000:>11.1f}"
                f"{terms / base:>8.1f}"
            )


if __name__ == "__main__":
    main()
