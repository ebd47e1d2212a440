"""Opening a long article reads its file once: the preview and the whole parse share it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.content import documents, load_library
from tui.content.preview import PREVIEW_CHARS
from tui.content.source import SourceText, read_source


def _long_article(folder: Path) -> None:
    paragraph = "Walking and lifting load the bones in different ways. " * 12
    sections = "".join(f"## Part {n}\n\n{paragraph}\n\n" for n in range(200))
    assert len(sections) > 2 * PREVIEW_CHARS  # long enough to be previewed
    (folder / "long.md").write_text(
        f"---\ntitle: A long page\nsummary: Many parts.\n---\n{sections}", encoding="utf-8"
    )


def test_preview_then_whole_reads_the_file_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _long_article(tmp_path)
    library = load_library(tmp_path)
    reads: list[Path] = []

    def counted(path: Path, root: Path | None = None) -> SourceText:
        reads.append(path)
        return read_source(path, root)

    monkeypatch.setattr(documents, "read_source", counted)
    preview = library.article_preview("long")
    assert preview is not None and 0 < preview[1] < 1
    whole = library.article("long")
    assert [section.title for section in whole.sections][-1] == "Part 199"
    assert reads == [tmp_path / "long.md"]
