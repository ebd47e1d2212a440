from __future__ import annotations

import contextlib
import importlib
import os
import shutil
from pathlib import Path

import pytest
import textual.constants

# urllib3 (under the importer's trafilatura) checks for IPv6 as it is first imported,
# by binding a socket to the loopback address: imported here, before any test runs with
# sockets blocked, that check is made then and is not taken for a test using a socket
# (a pytest-socket warning in every run). Nothing leaves the machine either way.
with contextlib.suppress(ImportError):
    import urllib3  # noqa: F401

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent

# Every variable wellread, Textual or Rich reads that could change what a test sees or
# where it writes. Names ending in "_" are prefixes.
ISOLATED = (
    "WELLREAD_",  # WELLREAD_DATA, WELLREAD_CONFIG, WELLREAD_LIBRARY
    "ACCESSIBLE",
    "NO_COLOR",
    "FORCE_COLOR",
    "COLORTERM",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "COLUMNS",
    "LINES",
    "ESCDELAY",
    "TEXTUAL",  # Textual's feature flags
    "TEXTUAL_",
    "XDG_",
)


# pytest-textual-snapshot's own bookkeeping, which Textual never reads.
KEPT = ("TEXTUAL_SNAPSHOT_",)


def _isolated(name: str) -> bool:
    if name.startswith(KEPT):
        return False
    return any(
        name.startswith(prefix) if prefix.endswith("_") else name == prefix for prefix in ISOLATED
    )


# Textual reads its TEXTUAL_* variables once, when it is imported, and pytest plugins
# import it before this file runs: take them out of the process and read them again.
for _name in [name for name in os.environ if _isolated(name)]:
    del os.environ[_name]
importlib.reload(textual.constants)


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """No test reads or writes the real user's config, data or library settings."""
    home = tmp_path_factory.mktemp("home")
    for name in [name for name in os.environ if _isolated(name)]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    return home


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    """A private copy of the test library, safe to break."""
    target = tmp_path / "library"
    shutil.copytree(FIXTURES / "library", target)
    return target


@pytest.fixture
def bundled_dir() -> Path:
    """The bundled library: only for tests of its content (test_bundled_library.py)."""
    return REPO / "articles"
