"""A small library written by the linear-mode tests, and a way to run wellread on it.

Two articles on a reading path, and an exercise card with every section a card can
have, "Stop and get help if" among them. All of it is written here for the tests.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

# Box drawing and block elements: what a braille display would spell out as noise.
BOX = re.compile("[\u2500-\u259f]")

STAIRS = """\
---
title: Stairs as exercise
summary: Using the stairs at home to load the hips and legs.
tags: [stairs]
related_exercises: [step-taps]
references:
  - id: park2021
    type: article-journal
    author: [{family: Park, given: Sun}]
    issued: {date-parts: [[2021]]}
    title: Stair climbing and hip loading in older women
    container-title: Journal of Made-up Tests
  - id: ode2019
    type: article-journal
    author: [{family: Ode, given: Lin}]
    issued: {date-parts: [[2019]]}
    title: A second invented study
    container-title: Another Test Journal
---
Stairs are everywhere, which makes them easy to use.

## Why stairs help
Each step up lifts your whole weight [@park2021]. Keep going to your own maximum[^m].

## Going down with care
Coming down asks more of your balance than going up [@ode2019; @park2021].

## A plan for the week
Climb a flight of stairs twice a day, and add one more when it feels easy.

[^m]: Your maximum is what you can do without pain or breathlessness.
"""

POSTURE = """\
---
title: Standing tall
summary: Posture habits for a strong back.
tags: [posture]
---
## Shoulders back
Draw your shoulders gently back while you stand at the sink.
"""

CARD = """\
---
title: Step taps
summary: Tap one foot onto the bottom stair, then the other.
kind: balance
impact: low
equipment: [the bottom stair, a handrail]
dose: 2 sets of 10 taps a side
cautions: [fall_risk]
references:
  - id: park2021
    type: article-journal
    author: [{family: Park, given: Sun}]
    issued: {date-parts: [[2021]]}
    title: Stair climbing and hip loading in older women
    container-title: Journal of Made-up Tests
---
## How to do it
Hold the handrail and tap your right toes on the bottom stair [@park2021].

## Dose
Ten taps a side, twice.

## Easier
Tap more slowly.

## Harder
Let go of the rail only if your balance is good.

## Cautions
Keep the stairs clear of shoes and bags.

## Who should skip it
Anyone whose balance is poor without support.

## Stop and get help if
You feel faint or dizzy, or you fall.
"""

PATHS = """\
paths:
  - id: home-start
    title: Exercise at home
    summary: Two short reads.
    articles: [stairs, posture]
"""


def write_library(root: Path) -> Path:
    (root / "exercises").mkdir(parents=True)
    (root / "stairs.md").write_text(STAIRS, encoding="utf-8")
    (root / "posture.md").write_text(POSTURE, encoding="utf-8")
    (root / "exercises" / "step-taps.md").write_text(CARD, encoding="utf-8")
    (root / "paths.yaml").write_text(PATHS, encoding="utf-8")
    return root


def environment(data: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("ACCESSIBLE", "WELLREAD_LIBRARY")}
    env.update(WELLREAD_DATA=str(data), PYTHONUNBUFFERED="1", **extra)
    return env


def wellread(
    *args: str, data: Path, stdin: str = "", **env: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=environment(data, **env),
        check=False,
        timeout=120,
    )


def assert_plain(text: str) -> None:
    assert "\x1b" not in text
    assert not BOX.search(text), BOX.search(text)
