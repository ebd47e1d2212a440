"""The `wellread` command's entry point: the look at the library begun before the rest.

`wellread list` and a second `wellread search` answer from what they kept as long as no
file of the library changed, and finding that out (every file listed and looked at) is
the longest part of their work at 50,000 articles. So this module, light to import,
starts that look in a forked process first (tui.look_ahead), and only then imports the
command line and everything a command needs: the two overlap on two cores.
"""

from __future__ import annotations

import sys

# The exit status of a program stopped by Ctrl+C (128 + SIGINT), as shells report it.
INTERRUPTED = 130
STOPPED = "wellread: stopped."


def main() -> int:
    try:
        from tui import look_ahead

        look_ahead.begin(sys.argv[1:])
        from tui.cli import main as run_command
    except KeyboardInterrupt:
        # Ctrl+C while wellread is still starting: the same one line as later on.
        print("\n" + STOPPED, file=sys.stderr, flush=True)
        return INTERRUPTED
    return run_command()
