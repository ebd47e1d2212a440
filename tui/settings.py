"""The reader's settings: a small TOML file in the user config directory.

A reader who chose numbered citations or a high-contrast theme gets them back next
time. Each value is checked for its type and range: one that does not fit is named
in a message and the default used, the rest still apply. The file is written
atomically with tomli-w; one that cannot be read as TOML is reported and set aside,
and wellread starts with the defaults. A folder where the file should be is reported
and left alone.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

import platformdirs
import tomli_w

from tui.content.clean import clean, clean_line

CONFIG_ENV = "WELLREAD_CONFIG"
CITATION_STYLES = ("author-year", "numeric")
# The article view's own limits for the reading width (widgets/article_view.py).
READING_WIDTH_RANGE = (40, 120)


@dataclass
class Settings:
    citation_style: str = "author-year"  # or "numeric"
    theme: str = ""  # empty: wellread's default theme
    reading_width: int = 72
    animations: bool = True
    # Show the terminal's own cursor where the focus is (some screen readers need it).
    show_cursor: bool = False
    # "single": one pane at full width at any window size (screen readers, braille).
    layout: str = "auto"


LAYOUTS = ("auto", "single")


def config_path() -> Path:
    configured = os.environ.get(CONFIG_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    return platformdirs.user_config_path("wellread") / "config.toml"


def _check(key: str, value: Any) -> tuple[Any, str | None]:
    """(the value to use, or None for the default; what is wrong with it)."""
    default = getattr(Settings(), key)
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value, None
        return None, f"{key} must be true or false"
    if isinstance(default, int):
        low, high = READING_WIDTH_RANGE
        if not isinstance(value, int) or isinstance(value, bool):
            return None, f"{key} must be a whole number from {low} to {high}"
        if not low <= value <= high:
            return None, f"{key} = {value} is out of range ({low} to {high})"
        return value, None
    if not isinstance(value, str):
        return None, f"{key} must be text in quotes"
    # Cleaned, but a newline is kept: what was saved comes back as it was.
    text = clean(value)
    if key == "citation_style" and text not in CITATION_STYLES:
        return None, f"{key} must be one of: {', '.join(CITATION_STYLES)}"
    if key == "layout" and text not in LAYOUTS:
        return None, f"{key} must be one of: {', '.join(LAYOUTS)}"
    return text, None


def _show(path: Path) -> str:
    return clean_line(str(path))


def load_settings(path: Path | None = None) -> tuple[Settings, str | None]:
    """The saved settings, and a message when something in them could not be used."""
    path = path or config_path()
    settings = Settings()
    if path.is_dir():
        return settings, f"Settings are not saved: {_show(path)} is a folder, not a file."
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return settings, None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        reason = clean_line(str(error))
        if isinstance(error, OSError) and not isinstance(error, UnicodeDecodeError):
            return settings, f"Could not read settings from {_show(path)} ({reason}); defaults."
        aside = path.with_name(path.name + ".broken")
        try:
            os.replace(path, aside)
        except OSError:
            return settings, f"Could not read settings from {_show(path)} ({reason}); defaults."
        return (
            settings,
            f"Settings file {_show(path)} could not be read ({reason}); "
            f"it was moved to {_show(aside)}.",
        )
    problems: list[str] = []
    for field in fields(Settings):
        if field.name not in data:
            continue
        value, problem = _check(field.name, data[field.name])
        if problem is not None:
            problems.append(problem)
        if value is not None:
            setattr(settings, field.name, value)
    if problems:
        return settings, (
            f"In {_show(path)}: " + "; ".join(problems) + ". The default is used for each."
        )
    return settings, None


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write *settings* atomically. Raises OSError when the place cannot be written
    (a folder where the file should be among them)."""
    path = path or config_path()
    if path.is_dir():
        raise IsADirectoryError(f"{_show(path)} is a folder, not a file")
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "# wellread settings\n" + tomli_w.dumps(asdict(settings))
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
