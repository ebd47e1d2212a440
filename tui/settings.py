"""The reader's settings: a small TOML file in the user config directory.

A reader who chose numbered citations or a high-contrast theme gets them back next
time. The file is written atomically; one that cannot be read is reported and set
aside, and wellread starts with the defaults.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import platformdirs

CONFIG_ENV = "WELLREAD_CONFIG"


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


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'


def load_settings(path: Path | None = None) -> tuple[Settings, str | None]:
    """The saved settings, and a message when the file had to be set aside."""
    path = path or config_path()
    settings = Settings()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return settings, None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        aside = path.with_name(path.name + ".broken")
        try:
            os.replace(path, aside)
        except OSError:
            return settings, f"Could not read settings from {path} ({error}); using defaults."
        return (
            settings,
            f"Settings file {path} could not be read ({error}); it was moved to {aside}.",
        )
    for field in fields(Settings):
        value = data.get(field.name)
        if value is not None and isinstance(value, type(getattr(settings, field.name))):
            setattr(settings, field.name, value)
    if settings.layout not in LAYOUTS:
        settings.layout = "auto"
    return settings, None


def save_settings(settings: Settings, path: Path | None = None) -> None:
    path = path or config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "# wellread settings\n" + "".join(
        f"{key} = {_toml_value(value)}\n" for key, value in asdict(settings).items()
    )
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
