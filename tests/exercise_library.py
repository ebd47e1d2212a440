"""A small library of exercise cards written by the tests that use it."""

from __future__ import annotations

from pathlib import Path

_CARD = """---
title: {title}
summary: {summary}
kind: {kind}
impact: {impact}
equipment: {equipment}
dose: {dose}
cautions: {cautions}
references:
  - id: doe2021
    type: article-journal
    author: [{{family: Doe, given: Jane}}]
    issued: {{date-parts: [[2021]]}}
    title: A trial of practice
    container-title: Journal of Practice
    DOI: 10.5555/jp.2021.1
---
## How to do it
1. {step}
2. Rest between goes [@doe2021].

## Dose
{dose}.

## Easier
Hold on with both hands.

## Harder
Hold on with one finger.

## Cautions
- {caution_text}

## Who should skip it
- Anyone told by their clinician to rest.

## Stop and get help if
- Sudden severe back pain.
"""

CARDS = {
    "toe-stand": dict(
        title="Toe stand",
        summary="Rise onto your toes at a counter.",
        kind="balance",
        impact="none",
        equipment="[a kitchen counter]",
        dose="10 rises",
        cautions="[fall_risk]",
        step="Stand at the counter and rise.",
        caution_text="Keep a hand on the counter.",
    ),
    "stamp-walk": dict(
        title="Stamp walk",
        summary="March and stamp on the spot.",
        kind="impact",
        impact="moderate",
        equipment="[]",
        dose="50 stamps",
        cautions="[high_impact, fall_risk]",
        step="March, landing firmly.",
        caution_text="Stop if your knees hurt.",
    ),
    "sit-back": dict(
        title="Sit back <b>&amp; rise</b>",
        summary="Sit down & stand up again.",
        kind="resistance",
        impact="none",
        equipment="[a sturdy chair]",
        dose="8 stands",
        cautions="[]",
        step="Sit back onto the chair <script>x</script>.",
        caution_text="Use a chair that cannot slide.",
    ),
}


def write_cards(root: Path) -> Path:
    (root / "exercises").mkdir(parents=True, exist_ok=True)
    for slug, fields in CARDS.items():
        (root / "exercises" / f"{slug}.md").write_text(_CARD.format(**fields), encoding="utf-8")
    return root
