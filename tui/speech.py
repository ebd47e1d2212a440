"""Reading a section aloud, where the machine has a speech synthesiser.

Opt-in: nothing speaks unless the reader asks, and any key stops it. wellread uses
espeak-ng or Speech Dispatcher's spd-say if either is installed; it installs nothing.
"""

from __future__ import annotations

import shutil
import subprocess
from typing import Protocol

INSTALL_HINT = (
    "To hear sections read aloud, install espeak-ng or speech-dispatcher "
    "(for example: sudo apt install espeak-ng)."
)
# A little slower than the synthesisers' defaults: easier to follow for many readers.
WORDS_PER_MINUTE = 150


class Speaker(Protocol):
    @property
    def available(self) -> bool: ...

    @property
    def speaking(self) -> bool: ...

    def failure(self) -> str | None:
        """Why the last speech could not be heard, once it has ended; else None."""
        ...

    def speak(self, text: str) -> None: ...

    def stop(self) -> None: ...


class CommandSpeaker:
    """Speaks through espeak-ng (text on its standard input) or spd-say."""

    def __init__(self) -> None:
        self.espeak = shutil.which("espeak-ng")
        self.spd_say = shutil.which("spd-say")
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def available(self) -> bool:
        return bool(self.espeak or self.spd_say)

    @property
    def speaking(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def failure(self) -> str | None:
        process = self._process
        if process is None or process.poll() is None or process.stderr is None:
            return None
        errors = process.stderr.read().decode("utf-8", "replace")
        # espeak-ng exits with 0 even when it found no sound device: read what it said.
        if "ALSA" in errors or "cannot find card" in errors:
            return "no sound device was found"
        lines = [line for line in errors.splitlines() if line.strip()]
        if process.returncode or lines:
            return lines[-1] if lines else f"the synthesiser stopped (code {process.returncode})"
        return None

    def speak(self, text: str) -> None:
        self.stop()
        if self.espeak:
            self._process = subprocess.Popen(
                [self.espeak, "-s", str(WORDS_PER_MINUTE), "--stdin"],
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            assert self._process.stdin is not None
            try:
                self._process.stdin.write(text.encode("utf-8"))
                self._process.stdin.close()
            except BrokenPipeError:
                self._process = None
        elif self.spd_say:
            rate = str(WORDS_PER_MINUTE - 175)  # spd-say's rate is relative, -100 to 100
            self._process = subprocess.Popen(
                [self.spd_say, "--wait", "--rate", rate, text],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            if self.spd_say and not self.espeak:
                subprocess.run(
                    [self.spd_say, "--cancel"],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    check=False,
                )
        self._process = None
