"""The content layer never imports the UI: it must work in scripts, checks and --plain."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CONTENT = Path(__file__).parent.parent / "tui" / "content"


def test_no_module_in_content_imports_textual() -> None:
    offenders = []
    for path in CONTENT.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{path.name}: {n}" for n in names if n.split(".")[0] in ("textual", "rich")
            ]
    assert offenders == []


def test_importing_content_loads_no_textual() -> None:
    code = (
        "import sys, tui.content; "
        "tui.content.load_library(); "
        "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
