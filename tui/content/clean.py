"""The one text cleaner: every string from a file, a file name, the state database or
the settings passes through here before any other layer sees it.

Two kinds of character are taken out, for different reasons:
- controls (C0 but tab and newline, DEL, C1) can drive the terminal (ESC starts an
  escape sequence, U+009B is a one-byte CSI); they become U+FFFD, so the reader sees
  that something was there;
- bidi overrides and isolates and zero-width characters reorder or hide text without
  showing themselves (a reference can be made to read as another); they are removed.
Lone surrogates (a file name that is not UTF-8) become U+FFFD, so the text can always
be printed and stored.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"

_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
# LRE..RLO, LRI..PDI, LRM/RLM, ALM; ZWSP, ZWNJ, ZWJ, WORD JOINER, BOM/ZWNBSP.
_INVISIBLE = "\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b-\u200d\u2060\ufeff"
_SURROGATES = "\ud800-\udfff"

_CONTROL = re.compile(f"[{_CONTROLS}{_SURROGATES}]")
_HIDDEN = re.compile(f"[{_INVISIBLE}]")
_ANY = re.compile(f"[{_CONTROLS}{_SURROGATES}{_INVISIBLE}]")
# In a one-line string, tab and newline are whitespace like any other.
_LINE_ANY = re.compile(f"[\t\n{_CONTROLS}{_SURROGATES}{_INVISIBLE}]")


def needs_cleaning(text: str, *, one_line: bool = False) -> bool:
    return (_LINE_ANY if one_line else _ANY).search(text) is not None


def clean(text: str) -> str:
    """*text* with controls replaced and invisible characters removed; tab and
    newline kept (they mean something in a body)."""
    if _ANY.search(text) is None:
        return text  # the common case, one scan in C
    return _CONTROL.sub(REPLACEMENT, _HIDDEN.sub("", text))


def clean_line(value: object) -> str:
    """A one-line string (a title, a name, a field): cleaned, runs of whitespace as one
    space, no space at either end. None is the empty string."""
    if value is None:
        return ""
    return " ".join(clean(str(value)).split())


def clean_name(name: str) -> str:
    """A file name or path for display: cleaned, whitespace kept as it is."""
    return clean(name).replace("\t", " ").replace("\n", " ")
