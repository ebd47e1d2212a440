"""Which library a command reads: the folder named, or the bundled one with the
reader's own beside it. Light to import: the look at the library (tui.look_ahead) is
begun from it before the command line is parsed.
"""

from __future__ import annotations

import os
from pathlib import Path

from tui.content.folders import LIBRARY_ENV
from tui.data_folder import data_dir


def library_places(chosen: Path | None) -> tuple[Path | None, Path | None]:
    """(library folder, the reader's own folder) for --library DIR (or WELLREAD_LIBRARY)
    alone, or by default the bundled library (None) with the reader's own beside it."""
    configured = os.environ.get(LIBRARY_ENV, "").strip()
    if chosen is None and configured:
        chosen = Path(configured).expanduser()
    if chosen is not None:
        return chosen, None
    return None, data_dir() / "library"
