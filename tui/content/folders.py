"""Which folders a library is read from: the bundled one or the one named, and the
reader's own beside it. Apart from tui.content.library so that a command that only
needs the folders (a second `wellread search`, which looks at their files' sizes and
times) starts without importing the library's model.
"""

from __future__ import annotations

import os
from pathlib import Path

LIBRARY_ENV = "WELLREAD_LIBRARY"


def bundled_library() -> Path:
    """The library that ships with wellread: inside the wheel, or beside the source tree."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "_library"
    if installed.is_dir():
        return installed
    return package.parent / "articles"


def default_library() -> Path:
    configured = os.environ.get(LIBRARY_ENV, "").strip()
    return Path(configured).expanduser() if configured else bundled_library()


def own_folder(root: Path, own: Path | None) -> Path | None:
    """The reader's own folder as it is read beside *root* (resolved), or None when
    there is none to read."""
    if own is None or not own.is_dir() or own.resolve() == root:
        return None
    return own.resolve()


def library_folders(root: Path | None, own: Path | None = None) -> list[Path]:
    """Every folder load_library lists for these arguments, in the order it lists them."""
    root = (root or default_library()).resolve()
    mine = own_folder(root, own)
    tops = [root] if mine is None else [root, mine]
    return [folder for top in tops for folder in (top, top / "exercises")]
