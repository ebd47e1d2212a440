"""The order of titles a reader looks for them in: case and accents set aside, so
"Élan" sits with the Es and "ångström" with the As, not after "Zebra" (code points
put every accented letter after z). Titles equal but for accents keep a fixed order:
the plain one first, then by their letters.
"""

from __future__ import annotations

import unicodedata


def title_key(title: str) -> str:
    """What titles sort by: the title in lower case without accents, then (only when it
    had any) a NUL and the title in lower case, so that ties are broken by the accents."""
    folded = title.casefold()
    if folded.isascii():  # nearly every title: nothing to take off
        return folded
    bare = "".join(
        char for char in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(char)
    )
    # NUL sorts before every letter: "elan" (from "Elan") < "elan\0élan" < "elana".
    return f"{bare}\0{folded}"
