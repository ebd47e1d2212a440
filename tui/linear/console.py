"""Lines out, answers in: the only place the linear mode touches its streams.

Every question is printed, then "> " on a line of its own, so a screen reader
says the question before the caret. The choices of a menu are said in full the
first time it is shown and again on `h`; after that its prompt is one short line.
"""

from __future__ import annotations

from typing import TextIO

from tui.content.clean import clean as clean_text

HELP_ANSWERS = ("h", "help", "?")


class EndOfInput(Exception):
    """Ctrl+D, or the end of piped input: the session ends quietly."""


class Console:
    def __init__(self, stdin: TextIO, stdout: TextIO) -> None:
        self.stdin = stdin
        self.stdout = stdout
        self._told: set[str] = set()

    def say(self, *lines: str) -> None:
        for line in lines:
            print(line, file=self.stdout)
        self.stdout.flush()

    def ask(self, prompt: str) -> str:
        """One answer, stripped of spaces and control characters."""
        self.say(prompt)
        print("> ", end="", file=self.stdout)
        self.stdout.flush()
        line = self.stdin.readline()
        if not line:
            self.say("")  # end the "> " line, so what follows starts clean
            raise EndOfInput
        return clean_text(line.strip())

    def choose(self, menu: str, short: str, choices: str) -> str:
        """An answer to a menu; `h` says its choices again and asks once more."""
        if menu not in self._told:
            self._told.add(menu)
            self.say(choices)
        while True:
            answer = self.ask(short)
            if answer.lower() not in HELP_ANSWERS:
                return answer
            self.say(choices)

    def yes_no(self, question: str) -> bool:
        while True:
            answer = self.ask(f"{question} Type y or n.").lower()
            if answer in ("y", "yes"):
                return True
            if answer in ("n", "no", ""):
                return False
            self.say("Please type y for yes or n for no.")

    def pick(self, answer: str, count: int) -> int | None:
        """The 0-based item an answer names in a list of *count*, or None (said why)."""
        if answer.isdigit() and 1 <= int(answer) <= count:
            return int(answer) - 1
        if count:
            self.say(f"There is no {answer!r} here. Type a number from 1 to {count}.")
        return None
