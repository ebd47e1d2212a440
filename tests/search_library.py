"""A small library written for the search tests: an article on walking, one on
fractures, and a card whose "Easier" section says "walk" often in few words (the kind
of short section that plain bm25 ranks above everything else)."""

from __future__ import annotations

from pathlib import Path

WALKING = """\
---
title: Walking for stronger legs
summary: How a daily walk fits into a week of activity for your bones.
tags: [walking]
references:
  - id: doe2021
    type: article-journal
    author: [{family: Doe, given: Jan}]
    issued: {date-parts: [[2021]]}
    title: Daily steps and hip strength in older adults
    container-title: Journal of Made-up Results
---
A walk each day is a habit many people keep for years. It asks little equipment.

## Why it helps
Regular walking loads the hips and legs a little [@doe2021]. It also helps the heart.
Longer walks at a steady pace count for more than a short stroll.

## Getting started
Before you set out, check these points:

- keep your spine tall and your chin level.
- you can carry a light bag on both shoulders.
- wear shoes with a firm heel.

| Pace | Feels like |
|---|---|
| Easy | You can sing |
| Brisk | You can talk in short sentences |
"""

FRACTURES = """\
---
title: Living after a fracture
summary: What changes after a broken bone, and how to keep moving safely.
tags: [fracture]
references: []
---
Many people with osteoporosis first learn of it after a fracture.

## Healing
A fractured wrist usually heals in about six weeks. Two fractures in a year are a
reason to ask for a bone density scan.

## Moving again
Running is not for everyone after a break. Some people return to it; one runs
twice a week now. Others prefer to run only on soft paths, or not at all.

## A note on words
The word "osteoporosis" means porous bone. Bones can be strong again.
"""

CARD = """\
---
title: Marching on the spot
summary: Lift each knee in turn while standing, holding a chair back.
kind: balance
impact: low
equipment: [a sturdy chair]
dose: 1 minute, twice a day
cautions: [fall_risk]
references: []
---
## How to do it
1. Stand behind a chair and hold its back.
2. Lift one knee, then the other.

## Dose
One minute, twice a day.

## Easier
Walk. Walk slowly, walk in place.

## Harder
Let go of the chair for a few steps.

## Cautions
Keep the chair within reach.

## Who should skip it
Anyone told to avoid standing exercise.
"""


def write_search_library(folder: Path) -> Path:
    """The library, written into *folder* (made if needed)."""
    (folder / "exercises").mkdir(parents=True, exist_ok=True)
    (folder / "walking-for-stronger-legs.md").write_text(WALKING, encoding="utf-8")
    (folder / "living-after-a-fracture.md").write_text(FRACTURES, encoding="utf-8")
    (folder / "exercises" / "marching-on-the-spot.md").write_text(CARD, encoding="utf-8")
    return folder
