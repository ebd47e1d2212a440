"""What a screen's threads hand back to it stays with that screen: it does not bubble
up to the app, which has no handler for it, at one dispatch a message."""

from __future__ import annotations

import pytest
from textual.message import Message

from tui.screens.library import LibraryScreen
from tui.screens.reader_text import ReaderText
from tui.screens.search import SearchScreen


@pytest.mark.parametrize(
    "message",
    [
        ReaderText.Loaded,
        ReaderText.Restyled,
        SearchScreen.Progress,
        SearchScreen.Ready,
        LibraryScreen.Counted,
    ],
)
def test_a_threads_result_for_its_screen_does_not_bubble(message: type[Message]) -> None:
    # What Textual's dispatch reads to pass a message on to the parent (the app).
    assert message.bubble is False
