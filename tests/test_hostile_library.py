"""A library of hostile files, built here, through every command and the app.

Each bad file must become a problem naming it; the good articles must still list;
no command may raise, hang or let an escape sequence, a C1 control or Textual markup
reach the output.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import FIXTURES

from tui.app import WellreadApp
from tui.cli import Context, cmd_read, cmd_refs, main
from tui.content import Library, Problem, check_library, load_library
from tui.content.clean import clean_name
from tui.content.source import MAX_FILE_BYTES
from tui.screens.library import ArticleList, LibraryScreen

# ESC, BEL, C1, and the bidi/zero-width characters the cleaner removes.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b-\u200d]")
GOOD = {"alpha": "Alpha article", "beta": "Beta article"}


def _front(fields: str, body: str = "## Section\n\nText.\n") -> str:
    return f"---\n{fields}\n---\n{body}"


def _ref(extra: str = "") -> str:
    return (
        "references:\n  - id: r1\n    title: A study\n    author: [{family: Lee}]\n"
        "    issued: {date-parts: [[2020]]}\n" + extra
    )


TEXT_FILES: dict[str, str] = {
    "bad-reviewed": _front("title: Bad reviewed\nreviewed: 2026-13-45"),
    "bad-issued": _front(
        "title: Bad issued\n" + _ref("    x: 1\n  - id: r2\n    issued: 2017-02-30")
    ),
    "int-abc": _front("title: Int\ncount: !!int abc"),
    "timestamp-xyz": _front("title: Stamp\nwhen: !!timestamp xyz"),
    "deep-title": _front("title: " + "[" * 995 + "]" * 995),
    "alias-bomb": _front(
        "title: Bomb\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
        "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]"
    ),
    "self-alias": _front("title: Self\nloop: &l [*l]"),
    "binary-tag": _front("title: Bin\nblob: !!binary aGVsbG8="),
    "set-tag": _front("title: Set\nitems: !!set {a, b}"),
    "python-tag": _front("title: Py\nrun: !!python/object/apply:os.system [echo hi]"),
    "duplicate-keys": _front("title: One\ntitle: Two\nsummary: S\n" + _ref()),
    "merge-key": _front("title: Merge\n<<: {a: 1}"),
    "title-list": _front("title: [a, b]\nsummary: S\n" + _ref()),
    "title-number": _front("title: 2024\nsummary: S\n" + _ref()),
    "title-bool": _front("title: yes\nsummary: S\n" + _ref()),
    "javascript-url": _front("title: JS\nsummary: S\n" + _ref("    URL: javascript:alert(1)")),
    "file-url": _front("title: File\nsummary: S\n" + _ref("    URL: file:///etc/passwd")),
    "nan-values": _front("title: Nan\nsummary: S\n" + _ref("    volume: .nan\n    page: .inf")),
    "c1-title": _front('title: "Before\\x9b2Jafter"\nsummary: "\\e]0;X\\a"'),
    "bidi-title": _front("title: Safe \u202eevil\u202c text\nsummary: zero\u200bwidth"),
    "raw-ansi-body": _front("title: Ansi", "## A\n\nText \x1b[2J\x1b]0;X\x07 red \x9b31m.\n"),
    "entity-escapes": _front("title: Entities", "## A\n\n&#27;[2J &#x9b; &#x202e;x\n"),
    "markup-heading": _front(
        "title: Markup\nsummary: S\n" + _ref(),
        "## [@click=app.quit]Q[/]\n\nText [@r1].\n\n## [/bold] and [bold magenta]X[/]\n\nMore.\n",
    ),
    "no-front-matter": "## Just a body\n\nText.\n",
    "unclosed-front-matter": "---\ntitle: Open\nsummary: never closed\n",
    "list-front-matter": "---\n- a\n- b\n---\nBody\n",
    "yaml-syntax": _front("title: [unclosed\nsummary: x"),
    "empty-file": "",
    "long-citation": _front("title: Spaces", "A [@beck2017" + " " * 60_000 + "x] b.\n"),
    "many-brackets": _front("title: Brackets", "[" * 20_000 + "\n"),
    "many-note-marks": _front("title: Notes", "[^" * 10_000 + "\n"),
    "deep-list": _front("title: Deep list", "".join("  " * i + "- x\n" for i in range(300))),
    "deep-quote": _front("title: Deep quote", ">" * 3000 + " x\n"),
    "unknown-citation": _front("title: Unknown\nsummary: S\n" + _ref(), "Text [@nobody].\n"),
    "long-yaml-line": _front("title: " + "x" * 200_000),
}
# Files that are fine to load (with warnings at most): they must be listed.
LISTED = {"crlf", "bidi-title", "c1-title", "raw-ansi-body", "entity-escapes", "markup-heading"}
# Of those, the ones with nothing to report: text that only looks odd.
NOT_FLAGGED = {"crlf", "markup-heading"}


def _write_bytes(data: bytes) -> Callable[[Path], object]:
    return lambda path: path.write_bytes(data)


def _huge(path: Path) -> None:
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()


SPECIAL: dict[str, Callable[[Path], object]] = {
    "binary": _write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))),
    "nul-bytes": _write_bytes(b"---\ntitle: Nul\n---\nText\x00more\n"),
    "latin1": _write_bytes("---\ntitle: Caf\u00e9\n---\nna\u00efve\n".encode("latin-1")),
    "crlf": _write_bytes(b"---\r\ntitle: Crlf\r\nsummary: S\r\n---\r\n## A\r\n\r\nText.\r\n"),
    "invalid-utf8": _write_bytes(b"---\ntitle: T\n---\n\xff\xfe\xfd\n"),
    "huge": _huge,
    "fifo": _fifo,
    "socket": _socket,
    "symlink-loop": lambda path: path.symlink_to(path.name),
    "link-dev-zero": lambda path: path.symlink_to("/dev/zero"),
    "link-outside": lambda path: path.symlink_to(path.parent.parent / "outside.md"),
    "folder": lambda path: path.mkdir(),
}
NAMES: dict[str, bytes] = {
    "esc-title-name": b"\x1b]0;X\x07.md",
    "esc-clear-name": b"\x1b[2J.md",
    "not-utf8-name": b"caf\xe9.md",
    "bidi-name": "a\u202eb.md".encode(),
}


def build_hostile_library(root: Path) -> dict[str, Path]:
    """The good test library plus every bad file; returns each bad file's path by kind."""
    shutil.copytree(FIXTURES / "library", root)
    (root.parent / "outside.md").write_text(_front("title: Outside"), encoding="utf-8")
    made: dict[str, Path] = {}
    for kind, text in TEXT_FILES.items():
        made[kind] = root / f"{kind}.md"
        made[kind].write_text(text, encoding="utf-8")
    for kind, create in SPECIAL.items():
        made[kind] = root / f"{kind}.md"
        create(made[kind])
    for kind, name in NAMES.items():
        path = Path(os.fsdecode(os.path.join(os.fsencode(root), name)))
        path.write_text(_front("title: Named\nsummary: S\n" + _ref()), encoding="utf-8")
        made[kind] = path
    # An exercise card with an article's slug.
    made["same-slug-card"] = root / "exercises" / "alpha.md"
    shutil.copy(root / "exercises" / "wall-sit.md", made["same-slug-card"])
    return made


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Path]]:
    root = tmp_path_factory.mktemp("hostile") / "library"
    return root, build_hostile_library(root)


@pytest.fixture(scope="module")
def hostile_problems(hostile: tuple[Path, dict[str, Path]]) -> list[Problem]:
    return check_library(load_library(hostile[0]))


def test_the_library_holds_at_least_forty_kinds_of_bad_file(
    hostile: tuple[Path, dict[str, Path]],
) -> None:
    _, made = hostile
    assert len(made) - len(NOT_FLAGGED) >= 40


def _no_constant(name: str) -> None:
    raise AssertionError(f"{name} is not JSON")


def _run(root: Path, data: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "WELLREAD_DATA": str(data), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "tui", *args, "--library", str(root)],
        capture_output=True,
        env=env,
        timeout=60,  # a hang is a failure, not a stuck suite
        check=False,
    )


def _clean_output(data: bytes) -> str:
    text = data.decode("utf-8")
    assert not FORBIDDEN.search(text), repr(FORBIDDEN.search(text))
    assert "Traceback" not in text
    return text


def test_list_lists_the_good_articles_and_prints_no_control_byte(
    hostile: tuple[Path, dict[str, Path]], tmp_path: Path
) -> None:
    root, _ = hostile
    done = _run(root, tmp_path, "list")
    assert done.returncode == 0
    out = _clean_output(done.stdout)
    _clean_output(done.stderr)
    listed = dict(line.split("\t", 1) for line in out.splitlines())
    for slug, title in GOOD.items():
        assert listed[slug] == title
    for kind in LISTED:
        assert kind in listed
    assert "2024" in listed.values()  # a numeric title is still shown, as text


def test_check_names_every_bad_file_and_fails(
    hostile: tuple[Path, dict[str, Path]], tmp_path: Path
) -> None:
    root, made = hostile
    done = _run(root, tmp_path, "check")
    assert done.returncode == 1
    out = _clean_output(done.stdout)
    _clean_output(done.stderr)
    named = {line.split(":", 1)[0] for line in out.splitlines() if ": " in line}
    for kind, path in made.items():
        if kind in NOT_FLAGGED:
            continue
        assert clean_name(str(path)) in named, kind


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        ("bad-reviewed", "'2026-13-45' is not a valid date"),
        ("bad-issued", "'2017-02-30' is not a valid date"),
        ("int-abc", "'abc' is not a whole number"),
        ("alias-bomb", "may not use YAML aliases"),
        ("self-alias", "may not use YAML aliases"),
        ("binary-tag", "tag '!!binary'"),
        ("set-tag", "tag '!!set'"),
        ("deep-title", "nested more than"),
        ("duplicate-keys", "duplicate key 'title'"),
        ("title-list", "'title' must be text, but it is a list"),
        ("title-number", "'title' must be text, but it is a number"),
        ("title-bool", "'title' must be text, but it is yes/no"),
        ("javascript-url", "not a web address ('javascript:')"),
        ("file-url", "not a web address ('file:')"),
        ("fifo", "named pipe"),
        ("socket", "a socket"),
        ("link-dev-zero", "outside the library folder"),
        ("link-outside", "outside the library folder"),
        ("huge", "too large"),
        ("bidi-title", "invisible characters"),
        ("c1-title", "holds control or invisible characters (YAML escapes"),
        ("esc-title-name", "characters that cannot be shown"),
        ("not-utf8-name", "not UTF-8"),
        ("latin1", "invalid UTF-8"),
        ("symlink-loop", "cannot read the file"),
        ("nul-bytes", "binary file"),
        ("same-slug-card", "same slug 'alpha'"),
    ],
)
def test_check_gives_the_reason(
    hostile: tuple[Path, dict[str, Path]], hostile_problems: list[Problem], kind: str, reason: str
) -> None:
    _, made = hostile
    problems = [p for p in hostile_problems if p.path == made[kind]]
    assert any(reason in p.message for p in problems), [p.message for p in problems]


def test_search_finishes_and_prints_no_control_byte(
    hostile: tuple[Path, dict[str, Path]], tmp_path: Path
) -> None:
    root, _ = hostile
    done = _run(root, tmp_path, "search", "text")
    assert done.returncode == 0
    out = _clean_output(done.stdout)
    _clean_output(done.stderr)
    assert "Alpha article" in out or "Beta article" in out


def _context(library: Library, out: io.StringIO, **args: object) -> Context:
    """A command's context with the library already loaded (loading it is not under test)."""
    context = Context(argparse.Namespace(library=library.root, **args), out, out)
    context.__dict__["library"] = library  # the cached_property, filled in
    return context


def test_read_and_refs_for_every_listed_article(
    hostile: tuple[Path, dict[str, Path]], capsys: pytest.CaptureFixture[str]
) -> None:
    root, _ = hostile
    library = load_library(root)
    # The whole command once, then each article through the same command functions.
    assert main(["refs", "nan-values", "--format", "csl-json", "--library", str(root)]) == 0
    items = json.loads(capsys.readouterr().out, parse_constant=_no_constant)
    assert items[0]["volume"] is None and items[0]["page"] is None
    assert main(["read", "raw-ansi-body", "--plain", "--library", str(root)]) == 0
    for slug in library.articles:
        out = io.StringIO()
        assert cmd_read(_context(library, out, slug=slug, plain=True)) == 0
        for fmt in ("bibtex", "csl-json", "ris"):
            assert cmd_refs(_context(library, out, slug=slug, format=fmt)) == 0
        assert not FORBIDDEN.search(out.getvalue()), (slug, FORBIDDEN.search(out.getvalue()))
    captured = capsys.readouterr()
    # The escape shown as a mark, not obeyed (plain text may set a bracket apart).
    assert re.search("Text \ufffd ?\\[2J", captured.out)
    assert not FORBIDDEN.search(captured.out + captured.err)
    markup = load_library(root).article("markup-heading")
    assert markup.sections[0].title == "[@click=app.quit]Q[/]"


async def test_the_app_lists_good_articles_and_problems(
    hostile: tuple[Path, dict[str, Path]],
) -> None:
    root, _ = hostile
    app = WellreadApp(load_library(root))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        screen_text = html.unescape(app.export_screenshot()).replace("\xa0", " ")
        # Every good article is in the list (not all fit on one screen beside the problems).
        listed = {entry.id for entry in app.screen.query_one(ArticleList).entries}
        for slug in GOOD:
            assert f"article:{slug}" in listed
        assert "problems in the library" in screen_text
        assert not FORBIDDEN.search(screen_text)
