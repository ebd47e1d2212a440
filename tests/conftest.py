from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test reads or writes the real user's config, data or library settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.delenv("WELLREAD_LIBRARY", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("ACCESSIBLE", raising=False)


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    """A private copy of the test library, safe to break."""
    target = tmp_path / "library"
    shutil.copytree(FIXTURES / "library", target)
    return target


@pytest.fixture
def bundled_dir() -> Path:
    return REPO / "articles"
