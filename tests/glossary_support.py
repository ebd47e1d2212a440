"""A small library written by the tests: two articles, cards of every shape, a glossary."""

from __future__ import annotations

from pathlib import Path

REFERENCE = """\
  - id: {ref_id}
    type: article-journal
    author: [{{family: Rowe, given: Dana}}]
    issued: {{date-parts: [[2021]]}}
    title: A made-up trial of {ref_id}
    container-title: Journal of Tests
"""

CARD_BODY = """\
## How to do it
1. {how}

## Dose
Ten slow repeats [@rowe2021].

## Easier
{easier}

## Harder
Do a few more.

## Cautions
Stop if it hurts [@rowe2021].

## Who should skip it
Anyone told to avoid kneeling, or jumping, by their doctor.

## Stop and get help if
- Sudden, severe back pain.
"""


def card(
    *,
    title: str = "Chair rise",
    impact: str = "none",
    cautions: str = "[]",
    how: str = "Stand up from a firm chair.",
    easier: str = "Use your hands on the armrests.",
    body: str | None = None,
) -> str:
    front = (
        f"---\ntitle: {title}\nsummary: A test card.\nkind: resistance\nimpact: {impact}\n"
        f"cautions: {cautions}\nreferences:\n{REFERENCE.format(ref_id='rowe2021')}---\n"
    )
    return front + (body if body is not None else CARD_BODY.format(how=how, easier=easier))


def article(title: str, related: str) -> str:
    return (
        f"---\ntitle: {title}\nsummary: A test article.\nrelated_exercises: {related}\n"
        f"references:\n{REFERENCE.format(ref_id='rowe2021')}---\n"
        "## What it is\nBone density is measured with a DXA scan [@rowe2021].\n"
    )


GLOSSARY = """\
terms:
  - term: bone mineral density
    aliases: [BMD, bone density]
    definition: "How much mineral your bones hold."
    references: [rowe2021]
  - term: DXA
    aliases: [DXA scan, bone density scan]
    definition: "A low-dose X-ray scan of bone."
    references: []
  - term: T-score
    aliases: [T score]
    definition: "Your bone density against a young adult's."
    references: []
references:
""" + REFERENCE.format(ref_id="rowe2021")


def write_library(root: Path, cards: dict[str, str] | None = None) -> Path:
    """Every card is linked from the one article unless *cards* adds others."""
    cards = cards or {"chair-rise": card()}
    (root / "exercises").mkdir(parents=True)
    for slug, text in cards.items():
        (root / "exercises" / f"{slug}.md").write_text(text, encoding="utf-8")
    (root / "bones.md").write_text(article("Bones", "[" + ", ".join(cards) + "]"), encoding="utf-8")
    (root / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    return root
