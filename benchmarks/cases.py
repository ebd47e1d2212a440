"""Each benchmark case in its own subprocess, so it starts cold and its peak memory is its own."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any


def run_case(script: str, args: tuple[str, ...], timeout: float) -> dict[str, Any]:
    """Run `python SCRIPT --case ARGS...` and return the JSON on its last output line."""
    completed = subprocess.run(
        [sys.executable, script, "--case", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"case {args} failed:\n{completed.stderr[-3000:]}")
    return dict(json.loads(completed.stdout.strip().splitlines()[-1]))
