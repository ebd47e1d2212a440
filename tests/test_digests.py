"""The hashes wellread takes from CPython's own modules are hashlib's: the names of the
files it keeps (list cache, search index) do not change with where a hash comes from."""

from __future__ import annotations

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from tui.content.digests import new_blake2b, new_sha1


@given(st.binary(max_size=200), st.integers(min_value=1, max_value=64))
def test_the_hashes_are_hashlibs(data: bytes, size: int) -> None:
    assert new_sha1(data).hexdigest() == hashlib.sha1(data).hexdigest()
    assert (
        new_blake2b(data, digest_size=size).hexdigest()
        == hashlib.blake2b(data, digest_size=size).hexdigest()
    )
    grown = new_blake2b(digest_size=size)
    grown.update(data)
    assert grown.digest() == hashlib.blake2b(data, digest_size=size).digest()
