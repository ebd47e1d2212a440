"""Write the seed page's fingerprint: for each sentence, the short hashes of its words.

    python benchmarks/seed_fingerprint.py SEED_PAGE [OUT]

The content test (tests/test_bundled_library.py) compares every sentence of the bundled
library with these, so the repository never holds the seed page's text. OUT defaults to
tests/fixtures/seed_fingerprint.json.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
from helpers import HASH_CHARS, hashed_sentences  # noqa: E402

DEFAULT_OUT = REPO / "tests" / "fixtures" / "seed_fingerprint.json"


def main(argv: list[str]) -> int:
    if not 1 <= len(argv) <= 2:
        print(__doc__, file=sys.stderr)
        return 2
    seed = Path(argv[0])
    out = Path(argv[1]) if len(argv) == 2 else DEFAULT_OUT
    sentences = hashed_sentences(seed.read_text(encoding="utf-8"))
    head = {
        "seed": seed.name,
        "method": f"sha256 of each lowercased word, first {HASH_CHARS} hex digits",
    }
    # One sentence a line, so a change of seed shows as a readable diff.
    lines = ",\n".join(json.dumps(sentence) for sentence in sentences)
    text = json.dumps(head, indent=1)[:-2] + ',\n "sentences": [\n' + lines + "\n ]\n}\n"
    json.loads(text)  # what the test will read
    out.write_text(text, encoding="utf-8")
    print(f"{len(sentences)} sentences of {seed} written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
