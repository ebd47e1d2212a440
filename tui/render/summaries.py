"""Short descriptions for lists: an exercise card in a few lines, a library entry."""

from __future__ import annotations

from tui.content.model import Entry, ExerciseFacts
from tui.content.vocab import IMPACTS, KINDS, caution_label


def exercise_lines(exercise: ExerciseFacts) -> list[str]:
    """Title, then kind and impact, equipment, and cautions, one fact per line."""
    kind = KINDS.get(exercise.kind, exercise.kind)
    impact = IMPACTS.get(exercise.impact, exercise.impact)
    lines = [
        exercise.title,
        f"{kind} · {impact}",
        "Equipment: " + (", ".join(exercise.equipment) or "none"),
    ]
    if exercise.cautions:
        lines.append("Take care: " + ", ".join(caution_label(code) for code in exercise.cautions))
    return lines


def entry_facts(entry: Entry) -> str:
    parts = [f"{entry.reading_minutes} min read"]
    if entry.tags:
        parts.append(", ".join(entry.tags))
    return " · ".join(parts)
