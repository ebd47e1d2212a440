"""Where wellread keeps what it writes: the reader's data folder.

A module of its own, light to import: the second `wellread search` needs the folder
before it starts its look at the library, and that look waits for nothing else.
"""

from __future__ import annotations

import os
from pathlib import Path

DATA_ENV = "WELLREAD_DATA"


def data_dir() -> Path:
    """WELLREAD_DATA if set (not empty), else the platform's user data folder."""
    configured = os.environ.get(DATA_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    import platformdirs  # only when the platform's folder is asked for

    return platformdirs.user_data_path("wellread")
