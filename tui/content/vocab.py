"""The fixed vocabularies of exercise cards, with the words a reader sees."""

from __future__ import annotations

KINDS: dict[str, str] = {
    "impact": "Impact",
    "resistance": "Strength (resistance)",
    "balance": "Balance",
    "posture": "Posture",
    "mobility": "Mobility",
    "aerobic": "Aerobic",
}

IMPACTS: dict[str, str] = {
    "none": "No impact",
    "low": "Low impact",
    "moderate": "Moderate impact",
    "high": "High impact",
}

# Short labels for lists, and a plain sentence for the card itself.
CAUTIONS: dict[str, tuple[str, str]] = {
    "high_impact": ("high impact", "Involves jumping, landing or running forces."),
    "spinal_flexion": ("bends the spine", "Bends the spine forward (rounds the back)."),
    "spinal_twist": ("twists the spine", "Twists the spine."),
    "fall_risk": ("challenges balance", "Challenges your balance; have support within reach."),
    "heavy_load": ("heavy load", "Lifts or pushes a heavy load."),
    "floor_work": ("floor work", "Needs you to get down to the floor and up again."),
    "wrist_load": ("weight on wrists", "Puts weight through your hands and wrists."),
}


def caution_label(code: str) -> str:
    return CAUTIONS.get(code, (code.replace("_", " "), ""))[0]


def caution_sentence(code: str) -> str:
    label, sentence = CAUTIONS.get(code, (code.replace("_", " "), ""))
    return sentence or label


# Shown above every article and card. Written for a reader deciding what to do alone.
DISCLAIMER = (
    "This is general information, not medical advice, and it cannot tell you what is "
    "safe for you. Before you start, change or stop any exercise, talk with your "
    "doctor or physical therapist, especially after a fracture or a fall."
)

# The line that stays on screen while reading, and its shortest form for small windows.
DISCLAIMER_SHORT = "General information, not medical advice: ask your clinician."
DISCLAIMER_TINY = "Not medical advice."
