"""The linear reader: numbered menus on standard input, plain text out.

For screen readers and braille displays that cannot follow a full-screen program
(`wellread --plain`, or `ACCESSIBLE=1`): every line printed is words, every choice
is a number or a letter followed by Enter, and nothing is redrawn. It reaches what
the full-screen app does: articles, exercise cards, search, bookmarks, reading
paths, references, notes, and the saved place in every article.
"""

from __future__ import annotations

import os

from tui.linear.console import EndOfInput
from tui.linear.home import LinearReader

ACCESSIBLE_ENV = "ACCESSIBLE"


def accessible_requested() -> bool:
    """ACCESSIBLE set to anything but empty, 0 or false (the convention of huh and gh)."""
    value = os.environ.get(ACCESSIBLE_ENV, "").strip().lower()
    return value not in ("", "0", "false", "no", "off")


__all__ = ["ACCESSIBLE_ENV", "EndOfInput", "LinearReader", "accessible_requested"]
