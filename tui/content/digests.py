"""Hashes from CPython's own modules, not hashlib's OpenSSL.

Importing hashlib loads OpenSSL (4-6 ms), paid by every command that names a file by a
digest (the list cache, the search index, the look at every file) before it does
anything else. BLAKE2b and SHA-1 are built into CPython as _blake2 and _sha1, which load
in a fraction of a millisecond; another Python gets the same functions from hashlib.
"""

from __future__ import annotations

# Imported before the look at the library is forked (tui.look_ahead): nothing here may
# import pathlib or typing at run time (15 ms before the fork). The type checker reads
# the names below as typing.TYPE_CHECKING.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from hashlib import _Hash, blake2b


def new_blake2b(data: bytes = b"", *, digest_size: int = 64) -> blake2b:
    try:
        from _blake2 import blake2b as made
    except ImportError:  # pragma: no cover  (another Python)
        from hashlib import blake2b as made
    return made(data, digest_size=digest_size)


def new_sha1(data: bytes = b"") -> _Hash:
    try:  # typeshed has no stubs for _sha1: its sha1 is hashlib's, as made below
        from _sha1 import sha1  # type: ignore[import-not-found,unused-ignore]
    except ImportError:  # pragma: no cover  (another Python)
        from hashlib import sha1
    hashed: _Hash = sha1(data)
    return hashed
