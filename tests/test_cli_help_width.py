"""wellread's help is laid out to the terminal's width as argparse's own formatter lays
it out, without the command line importing shutil to find that width."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

import pytest

from tui.cli import HelpFormatter, build_parser


@pytest.mark.parametrize("columns", ["40", "80", "132", "", "0", "wide"])
def test_help_is_laid_out_as_argparses_own(columns: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    for argv in ([], ["search"], ["refs"]):
        ours = build_parser(argv)
        theirs = build_parser(argv)
        theirs.formatter_class = argparse.HelpFormatter
        chosen = [action for action in ours._actions if action.dest == "command"]
        assert chosen, "the subcommands are there"
        assert ours.format_help() == theirs.format_help()
        for name in argv:
            sub = chosen[0].choices[name]  # type: ignore[index]
            assert sub.formatter_class is HelpFormatter
            ours_text = sub.format_help()
            sub.formatter_class = argparse.HelpFormatter
            assert sub.format_help() == ours_text


def test_a_command_line_is_read_without_importing_shutil() -> None:
    code = (
        "import sys\nfrom tui.cli import build_parser\n"
        "build_parser(['search', 'bone']).parse_args(['search', 'bone'])\n"
        "print('shutil' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=os.environ
    )
    assert done.stdout.strip() == "False"
