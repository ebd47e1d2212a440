"""`wellread import`: pages into articles of the reader's own library, with a report."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from tui.content.problems import Problem

# `wellread --help` builds this command's options: the importer loads only when it runs.
if TYPE_CHECKING:
    from tui.content.library import Library
    from tui.importer import ImportResult
    from tui.importer.related import CardWords

LIBRARY_ENV = "WELLREAD_LIBRARY"

INSTALL_HINT = "pip install 'wellread[import]'"


def own_library(chosen: Path | None) -> Path:
    """Where imports go: the library named by --library or WELLREAD_LIBRARY, else the
    reader's own folder beside the reading state."""
    if chosen is not None:
        return chosen
    configured = os.environ.get(LIBRARY_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    from tui.state import data_dir

    return data_dir() / "library"


def arguments(cmd: argparse.ArgumentParser) -> None:
    cmd.description = (
        "Import saved pages (HTML, plain text or Markdown; '-' reads standard input) "
        "into your own library. wellread never fetches a page: save it first, or "
        "pipe it in (curl URL | wellread import -)."
    )
    cmd.add_argument("sources", nargs="+", metavar="SOURCE", help="a file, or - for stdin")
    cmd.add_argument("--slug", help="the new article's slug (default: from its title)")
    cmd.add_argument("--title", help="the article's title (default: the page's)")
    cmd.add_argument(
        "--dry-run", action="store_true", help="print the article and the report; write nothing"
    )
    cmd.add_argument("--into", type=Path, metavar="DIR", help="the library folder to write into")
    cmd.add_argument("--force", action="store_true", help="replace an article of the same slug")


def _cards(library: Library) -> list[CardWords]:
    from tui.importer.related import CardWords

    cards = []
    for slug in library.exercises:
        facts = library.exercise_facts(slug)
        tags = tuple(str(t) for t in library.exercises[slug].front.data.get("tags") or ())
        cards.append(CardWords(slug, facts.title, facts.kind, tags))
    return cards


def _check(result: ImportResult, library: Library) -> list[Problem]:
    """`check` on the new file, beside the cards it names, before anything is written."""
    from tui.content import check_library, load_library

    with tempfile.TemporaryDirectory(prefix="wellread-import-") as folder:
        root = Path(folder)
        (root / "exercises").mkdir()
        for slug in result.suggested:
            entry = library.exercises.get(slug)
            if entry is not None:
                shutil.copyfile(entry.path, root / "exercises" / f"{slug}.md")
        path = root / f"{result.slug}.md"
        path.write_text(result.text, encoding="utf-8")
        problems = check_library(load_library(root))
        return [
            Problem(Path(f"{result.slug}.md"), p.line, p.message, p.severity)
            for p in problems
            if p.path == path
        ]


def _quote(text: str, width: int = 70) -> str:
    return f'"{text}"' if len(text) <= width else f'"{text[: width - 3]}..."'


def write_report(result: ImportResult, problems: list[Problem], out: TextIO) -> None:
    draft = result.draft
    how = {
        "text": "a plain-text page",
        "markdown": "Markdown",
        "trafilatura": "HTML (main text by trafilatura)",
        "readability": "HTML (main text by readability)",
        "html": "HTML",
    }
    print(f"Read as {how.get(draft.extractor, draft.extractor)}: {draft.title}", file=out)
    sections = [b.text.replace("\\", "") for b in draft.blocks if b.kind == "heading"]
    print(f"Sections ({len(sections)}):", file=out)
    for number, heading in enumerate(sections, start=1):
        print(f"  {number}. {heading}", file=out)
    print(f"Dropped as page furniture ({len(draft.dropped)}):", file=out)
    for line in draft.dropped:
        print(f"  {_quote(line)}", file=out)
    with_doi = [str(r["id"]) for r in result.references if "DOI" in r]
    without = [str(r["id"]) for r in result.references if "DOI" not in r]
    print(
        f"References ({len(result.references)}): {len(with_doi)} with a DOI, "
        f"{len(without)} without" + (f" ({', '.join(without)})" if without else ""),
        file=out,
    )
    for ref_id, note in result.reference_notes:
        print(f"  {ref_id}: {note}", file=out)
    report = result.citations
    linked = report.linked + report.given_name + report.year_only
    print(f"Citations linked ({len(linked)}):", file=out)
    for written, ref_id in report.linked:
        print(f"  {written} -> {ref_id}", file=out)
    for written, ref_id in report.given_name:
        print(
            f"  {written} -> {ref_id} (matched on the first author's given name: check)", file=out
        )
    for written, ref_id in report.year_only:
        print(f"  {written} -> {ref_id} (matched on the year alone: check)", file=out)
    print(f"Citations left as written ({len(report.unlinked)}):", file=out)
    for written, why in report.unlinked:
        print(f"  {written}: {why}", file=out)
    if result.suggested:
        print(
            "Suggested exercises (edit related_exercises in the file): "
            + ", ".join(result.suggested),
            file=out,
        )
    if problems:
        print(f"Check: {len(problems)} problem(s)", file=out)
        for problem in problems:
            print(f"  {problem}", file=out)
    else:
        print("Check: no problems", file=out)


def _read(source: str) -> bytes:
    from tui.importer import ImportError_

    if source == "-":
        return sys.stdin.buffer.read()
    path = Path(source)
    if not path.is_file():
        raise ImportError_(f"{source}: not a file")
    return path.read_bytes()


def run(
    args: argparse.Namespace,
    library: Library,
    own: Path,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    from tui.importer import ImportError_, import_source

    out = out or sys.stdout
    err = err or sys.stderr
    into: Path = args.into or own
    cards = _cards(library)
    status = 0
    for source in args.sources:
        name = "standard input" if source == "-" else source
        try:
            result = import_source(
                _read(source),
                source_name="" if source == "-" else source,
                slug=args.slug,
                title=args.title,
                cards=cards,
            )
        except ModuleNotFoundError as missing:
            print(
                f"wellread import: reading HTML needs the import extra ({missing.name} is "
                f"missing): {INSTALL_HINT}",
                file=err,
            )
            return 2
        except (ImportError_, OSError) as error:
            print(f"wellread import: {name}: {error}", file=err)
            status = 1
            continue
        problems = _check(result, library)
        if args.dry_run:
            out.write(result.text)
            write_report(result, problems, err)
            continue
        target = into / f"{result.slug}.md"
        if target.exists() and not args.force:
            print(f"wellread import: {target} exists; use --slug or --force", file=err)
            status = 1
            continue
        into.mkdir(parents=True, exist_ok=True)
        temporary = target.with_suffix(".md.tmp")
        temporary.write_text(result.text, encoding="utf-8")
        temporary.replace(target)
        write_report(result, problems, out)
        print(f"Wrote {target}", file=out)
        if any(p.is_error for p in problems):
            status = 1
    return status
