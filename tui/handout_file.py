"""Writing a handout from the app: a new file, never one that is already there."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from tui.render.handout import HandoutCard, handout_html


def free_name(folder: Path, today: dt.date) -> Path:
    """wellread-handout-DATE.html, or -2, -3 ... when that name is taken."""
    base = f"wellread-handout-{today.isoformat()}"
    candidate = folder / f"{base}.html"
    number = 2
    while candidate.exists():
        candidate = folder / f"{base}-{number}.html"
        number += 1
    return candidate


def write_handout(cards: list[HandoutCard], folder: Path, today: dt.date) -> str:
    """Write the handout as HTML; the sentence to show says where, or why not."""
    text = handout_html(cards, today)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = free_name(folder, today)
        # O_EXCL: if another program took the name a moment ago, fail rather than replace.
        descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as error:
        return f"Could not write the handout in {folder}: {error.strerror}."
    count = len(cards)
    return f"Wrote a handout of {count} card{'s' if count != 1 else ''} to {target}."
