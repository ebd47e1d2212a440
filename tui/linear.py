"""The linear reader: numbered menus on standard input, plain text out.

For screen readers and braille displays that cannot follow a full-screen program
(`wellread --plain`, or `ACCESSIBLE=1`): every line printed is words, every choice
is a number or a letter followed by Enter, and nothing is redrawn.
"""

from __future__ import annotations

import os
from typing import TextIO

from tui.content import Library
from tui.content.vocab import DISCLAIMER_SHORT
from tui.render.plain import PlainSection, article_parts

ACCESSIBLE_ENV = "ACCESSIBLE"


def accessible_requested() -> bool:
    """ACCESSIBLE set to anything but empty, 0 or false (the convention of huh and gh)."""
    value = os.environ.get(ACCESSIBLE_ENV, "").strip().lower()
    return value not in ("", "0", "false", "no", "off")


class LinearReader:
    def __init__(self, library: Library, stdin: TextIO, stdout: TextIO) -> None:
        self.library = library
        self.stdin = stdin
        self.stdout = stdout

    def say(self, *lines: str) -> None:
        for line in lines:
            print(line, file=self.stdout)
        self.stdout.flush()

    def ask(self, prompt: str) -> str | None:
        """One answer, or None at the end of input."""
        self.say(prompt)
        print("> ", end="", file=self.stdout)
        self.stdout.flush()
        line = self.stdin.readline()
        if not line:
            self.say("")
            return None
        return line.strip()

    # ------------------------------------------------------------ the library

    def run(self) -> int:
        self.say("wellread: evidence-based articles on exercise and bone health.", DISCLAIMER_SHORT)
        entries = self.library.article_entries()
        if not entries:
            self.say(f"There are no articles in {self.library.root}.")
            return 1
        while True:
            self.say("", "Articles:")
            for number, entry in enumerate(entries, start=1):
                self.say(f"{number}. {entry.title} ({entry.reading_minutes} min read)")
            answer = self.ask("Type an article's number and press Enter, or q to quit.")
            if answer is None or answer.lower() in ("q", "quit", "exit"):
                self.say("Goodbye.")
                return 0
            if answer.isdigit() and 1 <= int(answer) <= len(entries):
                if not self.read_article(entries[int(answer) - 1].slug):
                    return 0
            else:
                self.say(f"There is no article {answer!r}. Type a number from 1 to {len(entries)}.")

    # ------------------------------------------------------------ one article

    def read_article(self, slug: str) -> bool:
        """Read one article; False when input ended."""
        article = self.library.article(slug)
        facts = [
            self.library.exercise_facts(s)
            for s in article.related_exercises
            if s in self.library.exercises
        ]
        titles = {s: e.title for s, e in self.library.articles.items()}
        sections, references, exercises = article_parts(article, facts, titles)
        numbers = [_part_number(section, index) for index, section in enumerate(sections)]
        self.say("", article.title, self._contents(sections, numbers))
        following = 0
        while True:
            answer = self.ask(
                "Enter: read the next part. A part's number: go to it. "
                "l: list the parts. r: references. e: related exercises. q: back to the articles."
            )
            if answer is None:
                return False
            command = answer.lower()
            if command in ("q", "quit", "back"):
                return True
            if command == "":
                if following >= len(sections):
                    self.say("That was the last part. Type a part's number, r, e or q.")
                    continue
                self.read_part(sections[following])
                following += 1
            elif command == "l":
                self.say(self._contents(sections, numbers))
            elif command == "r":
                self.say("", f"References ({len(references)}):", *references)
            elif command == "e":
                self.say(
                    "", f"Related exercises ({len(exercises)}):", *(exercises or ["None listed."])
                )
            elif command in numbers:
                index = numbers.index(command)
                self.read_part(sections[index])
                following = index + 1
            else:
                self.say(f"There is no part {answer!r}. Type l to list the parts.")

    def read_part(self, section: PlainSection) -> None:
        self.say("", section.heading, "")
        self.say(*section.lines)
        self.say("", f"End of {section.heading}.")

    @staticmethod
    def _contents(sections: list[PlainSection], numbers: list[str]) -> str:
        lines = [f"It has {len(sections)} parts:"]
        lines += [
            f"{number}: {section.title}" for number, section in zip(numbers, sections, strict=True)
        ]
        return "\n".join(lines)


def _part_number(section: PlainSection, index: int) -> str:
    """What the reader types for a part: its section number, 0 for the overview."""
    if section.number:
        return section.number
    if index == 0:
        return "0"
    return section.title.split()[0].lower()  # "notes", "related"
