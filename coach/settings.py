"""Small remembered choices (position, safety-check skip, disclaimer seen, ...).

A JSON file beside the history. Losing it only costs a default, but a file we
cannot read is never deleted: it is moved aside and the user is told.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from pathlib import Path

FILE = "settings.json"


@dataclass
class Settings:
    position: str | None = None
    """Last position used in a hold; the next hold starts there."""
    skip_safety_check: bool = False
    """The person asked not to be asked about a swollen leg before each episode."""
    disclaimer_seen: bool = False
    theme: str | None = None


@dataclass
class SettingsFile:
    path: Path
    settings: Settings
    warning: str | None = None

    def save(self) -> str | None:
        """Write atomically; return a warning instead of raising if we cannot."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".settings-")
            with os.fdopen(fd, "w", encoding="utf-8") as fp:
                json.dump(asdict(self.settings), fp, indent=2)
            os.replace(tmp, self.path)
        except OSError as exc:
            return f"Settings not saved ({exc.strerror or exc})."
        return None


def load_settings(directory: Path) -> SettingsFile:
    path = directory / FILE
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return SettingsFile(path, Settings())
    except OSError as exc:
        return SettingsFile(path, Settings(), f"Settings not read ({exc.strerror}).")
    try:
        data = json.loads(raw)
        if not isinstance(data, dict):
            raise ValueError("not an object")
        known = {f.name: f for f in fields(Settings)}
        values = {k: v for k, v in data.items() if k in known}
        return SettingsFile(path, Settings(**values))
    except (ValueError, TypeError):
        aside = path.with_name(f"{FILE}.unreadable-{datetime.now():%Y%m%d-%H%M%S}")
        try:
            path.rename(aside)
            note = f"Settings file was unreadable; moved it to {aside} and started fresh."
        except OSError:
            note = f"Settings file {path} is unreadable; using defaults."
        return SettingsFile(path, Settings(), note)


NIGHT_HOURS = (21, 7)
"""Between these local hours the dim night theme is the default."""


def theme_for(hour: int, remembered: str | None, available: set[str] | frozenset[str]) -> str:
    """The person's own choice if still available, else night or day by the clock."""
    if remembered in available:
        return remembered
    start, end = NIGHT_HOURS
    return "night" if hour >= start or hour < end else "textual-dark"
