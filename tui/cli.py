"""The `wellread` command: the app, and text commands that work in any shell.

Subcommands are rows of `COMMANDS`: a name, a line of help, its arguments and the
function that runs it. A new one is a `Command` passed to `register`. Text commands
(`list`, `check`, `search`, `refs`) always print text, whatever ACCESSIBLE or
`--plain` say; only the app itself (`wellread`, `open`, `read`) turns linear.
"""

from __future__ import annotations

import sys

from tui.launch import INTERRUPTED, STOPPED

# Ctrl+C while wellread is still starting (a third of a second of imports): the
# same one line as later on, never a traceback.
try:
    import argparse
    import importlib
    import os
    from collections.abc import Callable, Sequence
    from functools import cached_property
    from pathlib import Path
    from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

    from tui import __version__
    from tui.document_commands import cmd_check as cmd_check
    from tui.document_commands import cmd_open as cmd_open
    from tui.document_commands import cmd_read as cmd_read
    from tui.document_commands import cmd_refs as cmd_refs

    # Each command imports what it uses when it runs: `--help` and `list` never load
    # the Markdown parser, YAML or the app (see `python -X importtime -m tui list`).
    if TYPE_CHECKING:
        from collections.abc import Mapping

        from tui.content import Library
        from tui.content.library_signature import FolderLook, LookInChild
except KeyboardInterrupt:
    print("\n" + STOPPED, file=sys.stderr, flush=True)
    raise SystemExit(INTERRUPTED) from None


# Plain classes, not dataclasses: importing dataclasses (inspect, ast) costs more than
# a whole second `wellread search` waits for before it starts looking at the library.
class Context:
    """What a command runs with: its arguments, its streams, and the library (loaded once)."""

    def __init__(self, args: argparse.Namespace, out: TextIO, err: TextIO) -> None:
        self.args = args
        self.out = out
        self.err = err

    @property
    def plain(self) -> bool:
        from tui.linear import accessible_requested

        return bool(getattr(self.args, "plain", False)) or accessible_requested()

    @cached_property
    def library(self) -> Library:
        return open_library(getattr(self.args, "library", None))

    def library_after(self, look: LookInChild) -> Library:
        """The library, listed with what *look* (ended) saw of its folders rather than
        looking at every file again."""
        if "library" not in self.__dict__:
            chosen = getattr(self.args, "library", None)
            self.__dict__["library"] = open_library(chosen, looked=look.scans())
        return self.library


# As in tui.content (a test checks they agree), without importing it for `--help`.
LIBRARY_ENV = "WELLREAD_LIBRARY"
EXPORT_FORMATS = ("bibtex", "csl-json", "ris")


def open_library(
    chosen: Path | None,
    trust: bool = False,
    looked: Mapping[Path, FolderLook] | None = None,
) -> Library:
    """The library `library_places` names, its list data cached in the data folder
    (*trust*, *looked*: see load_library)."""
    from tui.content.library import load_library
    from tui.content.listing import CACHE_NAME
    from tui.data_folder import data_dir
    from tui.library_places import library_places

    root, own = library_places(chosen)
    cache = data_dir() / CACHE_NAME
    return load_library(root, own=own, cache=cache, trust=trust, looked=looked)


class Command(NamedTuple):
    name: str
    help: str
    arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[Context], int]


COMMANDS: dict[str, Command] = {}


def register(command: Command) -> Command:
    COMMANDS[command.name] = command
    return command


# ---------------------------------------------------------------- options


def _library_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--library",
        metavar="DIR",
        type=Path,
        default=argparse.SUPPRESS,
        help=f"read articles from DIR instead of the bundled library (or set {LIBRARY_ENV})",
    )


def _plain_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--plain",
        action="store_true",
        default=argparse.SUPPRESS,
        help="plain text and numbered menus instead of the full-screen app (or set ACCESSIBLE=1)",
    )


def _layout_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--layout",
        choices=("auto", "single"),
        default=argparse.SUPPRESS,
        help="'single': one pane at full width, for screen readers and braille displays",
    )


def _slug_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("slug", help="an article's or exercise card's slug ('wellread list')")


class HelpFormatter(argparse.HelpFormatter):
    """argparse's, given the terminal's width as shutil.get_terminal_size finds it, but
    without importing shutil (and the compression modules it imports): argparse makes a
    formatter for every argument added, so every command paid 4 ms for a width only
    --help uses."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        if width is None:
            width = _terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)


def _terminal_columns() -> int:
    """COLUMNS if set, else the width of the terminal on standard output, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser; given *argv*, only the commands it names get their arguments (a
    command's module is imported for them: `--help` and `list` import none)."""
    named = None if argv is None else set(argv)
    parser = argparse.ArgumentParser(
        formatter_class=HelpFormatter,
        prog="wellread",
        description="Read evidence-based articles on exercise and bone health, offline.",
    )
    parser.add_argument("--version", action="version", version=f"wellread {__version__}")
    _library_option(parser)
    _plain_option(parser)
    _layout_option(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS.values():
        sub = commands.add_parser(command.name, help=command.help, formatter_class=HelpFormatter)
        if named is None or command.name in named:
            command.arguments(sub)
        _library_option(sub)
        # Accepted everywhere; they change only what opens the app (text stays text).
        _plain_option(sub)
        _layout_option(sub)
    return parser


# ---------------------------------------------------------------- the commands


def cmd_list(context: Context) -> int:
    from tui import list_command

    return list_command.cmd_list(context)


def cmd_search(context: Context) -> int:
    from tui import search_command

    return search_command.cmd_search(context)


def _query_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="+", help='words to find; "quote" a phrase')


def _refs_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("slug", help="the article's or exercise card's slug")
    parser.add_argument(
        "--format",
        choices=EXPORT_FORMATS,
        default="bibtex",
        help="bibtex (default), csl-json or ris",
    )


def _no_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def _later(module: str, name: str) -> Callable[..., Any]:
    """A command's function from *module*, imported only when the command runs."""

    def call(*args: Any) -> Any:
        return getattr(importlib.import_module(module), name)(*args)

    return call


_exercises_arguments = _later("tui.exercise_commands", "exercises_arguments")
_handout_arguments = _later("tui.exercise_commands", "handout_arguments")
cmd_exercises = _later("tui.exercise_commands", "cmd_exercises")
cmd_handout = _later("tui.exercise_commands", "cmd_handout")
_import_arguments = _later("tui.import_command", "arguments")


def cmd_import(context: Context) -> int:
    from tui import import_command

    own = import_command.own_library(getattr(context.args, "library", None))
    return import_command.run(context.args, context.library, own, context.out, context.err)


for _command in (
    Command("open", "open an article or exercise card in the reader", _slug_argument, cmd_open),
    Command(
        "read",
        "print an article or exercise card as plain linear text (with --plain, or when piped)",
        _slug_argument,
        cmd_read,
    ),
    Command("list", "print each article's slug and title", _no_arguments, cmd_list),
    Command("check", "check every file in the library", _no_arguments, cmd_check),
    Command(
        "search", "find where the library speaks of a word or phrase", _query_argument, cmd_search
    ),
    Command(
        "refs",
        "print an article's references for Zotero and other reference managers",
        _refs_arguments,
        cmd_refs,
    ),
    Command(
        "exercises",
        "list the exercise cards, by kind, impact or equipment",
        _exercises_arguments,
        cmd_exercises,
    ),
    Command(
        "handout",
        "write chosen exercise cards as one page to print (html, md or txt)",
        _handout_arguments,
        cmd_handout,
    ),
    Command(
        "import",
        "turn a saved web page, a text dump or a Markdown file into an article of your own",
        _import_arguments,
        cmd_import,
    ),
):
    register(_command)


def run_app(library: Library, slug: str | None, layout: str | None = None) -> int:
    # Imported here so the text commands start fast and never need a terminal.
    from tui.app import WellreadApp
    from tui.settings import load_settings

    settings, message = load_settings()
    if layout is not None:
        settings.layout = layout
    WellreadApp(library, open_slug=slug, settings=settings, settings_message=message).run()
    return 0


# ---------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except KeyboardInterrupt:
        # Ctrl+C: one plain line (a screen reader reads a traceback aloud in full).
        print("\n" + STOPPED, file=sys.stderr, flush=True)
        return INTERRUPTED
    except BrokenPipeError:
        # The reader of our output went away (`| head`): stop quietly, as cat does.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _main(argv: Sequence[str] | None) -> int:
    # NO_COLOR counts only when it is not empty (no-color.org); Textual reads it later.
    if os.environ.get("NO_COLOR") == "":
        del os.environ["NO_COLOR"]
    given = sys.argv[1:] if argv is None else argv
    args = build_parser(given).parse_args(given)
    library_dir: Path | None = getattr(args, "library", None)
    named_by = "--library"
    if library_dir is None and os.environ.get(LIBRARY_ENV, "").strip() and args.command != "import":
        library_dir = Path(os.environ[LIBRARY_ENV].strip()).expanduser()
        named_by = LIBRARY_ENV
    if library_dir is not None and not library_dir.is_dir():
        print(
            f"wellread: library folder not found: {library_dir} (named by {named_by})",
            file=sys.stderr,
        )
        return 2
    context = Context(args, sys.stdout, sys.stderr)
    if args.command is not None:
        return COMMANDS[args.command].run(context)
    if context.plain or not sys.stdout.isatty():
        from tui.linear import LinearReader

        return LinearReader(context.library, sys.stdin, sys.stdout).run()
    # The library screen's first frame from the cache; each file looked at once drawn.
    library = open_library(getattr(args, "library", None), trust=True)
    return run_app(library, None, getattr(args, "layout", None))
