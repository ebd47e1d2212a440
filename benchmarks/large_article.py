"""Deterministic long articles in the bundled format, for benchmarks and stress tests.

The same size always gives the same text: unique headings, citations (single and
multiple), footnotes, lists, tables and long paragraphs, like a long review.
"""

from __future__ import annotations

import random
from pathlib import Path

WORDS = (
    "bone load impact muscle strength balance spine hip walk step stair posture density "
    "mineral fracture risk fall training resistance exercise week month study trial group "
    "women men older adults evidence review guideline dose repetition set rest progress "
    "safe gentle brisk steady slow quick daily habit clinician therapist doctor advice "
    "calcium vitamin protein sleep pain joint knee ankle wrist shoulder back core leg arm"
).split()

REFERENCE_COUNT = 60


def _sentence(rng: random.Random, cite: bool, references: int = REFERENCE_COUNT) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 22))]
    text = " ".join(words).capitalize()
    if cite:
        ids = sorted({f"ref{rng.randrange(references)}" for _ in range(rng.randint(1, 3))})
        text += " [" + "; ".join(f"@{ref_id}" for ref_id in ids) + "]"
    return text + "."


def _paragraph(rng: random.Random, sentences: int, references: int = REFERENCE_COUNT) -> str:
    return " ".join(_sentence(rng, rng.random() < 0.3, references) for _ in range(sentences))


def _front_matter(title: str, references: int = REFERENCE_COUNT) -> str:
    lines = [
        "---",
        f"title: {title}",
        "summary: A long generated review used to measure how fast wellread opens text.",
        "tags: [benchmark]",
        "key_points:",
        "  - Generated text for measuring speed [@ref0].",
        "references:",
    ]
    for index in range(references):
        lines += [
            f"  - id: ref{index}",
            "    type: article-journal",
            f"    author: [{{family: Author{index}, given: A}}, {{family: Second, given: B}}]",
            f"    issued: {{date-parts: [[{1990 + index % 35}]]}}",
            f"    title: Generated reference number {index}",
            "    container-title: Journal of Benchmarks",
            f'    volume: "{index % 40 + 1}"',
            f"    page: {index * 10 + 1}-{index * 10 + 9}",
            f"    DOI: 10.5555/bench.{index}",
        ]
    lines.append("---")
    return "\n".join(lines) + "\n"


def make_article(
    size_bytes: int,
    seed: int = 7,
    title: str = "Generated long review",
    references: int = REFERENCE_COUNT,
    extra_words: tuple[str, ...] = (),
) -> str:
    """An article of about *size_bytes* bytes (UTF-8), the same for the same arguments.

    *extra_words* are sprinkled through the text, so searches have something rare to find.
    """
    rng = random.Random(seed)
    parts = [_front_matter(title, references), _paragraph(rng, 6, references) + "\n"]
    if extra_words:
        parts.append(" ".join(extra_words).capitalize() + " appear here.\n")
    length = sum(len(part) for part in parts)
    section = 0
    notes = 0
    while length < size_bytes:
        section += 1
        chunk = [f"\n## Section {section}: {rng.choice(WORDS)} and {rng.choice(WORDS)}\n"]
        for sub in range(1, rng.randint(2, 4)):
            chunk.append(f"\n### {section}.{sub} About {rng.choice(WORDS)} {section}-{sub}\n")
            for _ in range(rng.randint(2, 4)):
                chunk.append("\n" + _paragraph(rng, rng.randint(4, 12), references) + "\n")
            kind = rng.random()
            if kind < 0.3:
                bullets = (f"- {_sentence(rng, True, references)}" for _ in range(4))
                chunk.append("\n" + "\n".join(bullets) + "\n")
            elif kind < 0.45:
                chunk.append(
                    "\n" + "\n".join(f"{n}. {_sentence(rng, False)}" for n in range(1, 5)) + "\n"
                )
            elif kind < 0.55:
                rows = "\n".join(
                    f"| {rng.choice(WORDS)} | {rng.randint(1, 99)} | {_sentence(rng, False)} |"
                    for _ in range(4)
                )
                chunk.append(f"\n| Item | Number | Note |\n|---|---|---|\n{rows}\n")
            elif kind < 0.6:
                notes += 1
                note = _sentence(rng, True, references)
                chunk.append(f"\nA point with a note[^n{notes}].\n\n[^n{notes}]: {note}\n")
        text = "".join(chunk)
        parts.append(text)
        length += len(text)
    return "".join(parts)


def write_library(folder: Path, sizes: dict[str, int]) -> Path:
    """A library folder holding one generated article per slug."""
    folder.mkdir(parents=True, exist_ok=True)
    for slug, size in sizes.items():
        (folder / f"{slug}.md").write_text(make_article(size, title=slug), encoding="utf-8")
    return folder
