"""Small remembered choices (position, theme, country, voice, disclaimer seen).

A JSON file beside the history. Losing it only costs a default, so nothing in it may
stop the coach from starting: every field is checked by type and range, and a field
that fails falls back to its default (one note says which). A file that cannot be
read or parsed is never deleted or written over: it is moved aside and the person is
told; if it cannot even be moved, choices are kept for this session only.

The safety question (is one leg swollen?) is asked before every stretch. There is no
setting to skip it: a `skip_safety_check` key left by an older version is ignored.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
from collections.abc import Callable, Mapping
from contextlib import suppress
from pathlib import Path
from typing import NamedTuple

from coach.store.locations import folder_problem, is_default_data_dir

FILE = "settings.json"
MAX_BYTES = 64 * 1024
"""A few hundred bytes is normal; anything past this is not our file."""
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
"""Position ids and theme names: short and plain, so nothing odd reaches the screen."""


class Settings(NamedTuple):
    """The remembered choices; `SettingsFile.remember` replaces them and saves."""

    position: str | None = None
    """Last position used in a hold; the next hold starts there."""
    disclaimer_seen: bool = False
    theme: str | None = None
    region: str | None = None
    """The country (region id) the person chose, for the emergency numbers."""
    voice: bool = False
    """Steps spoken aloud (`v` on the hold, --voice); off unless asked for."""


def _optional_name(value: object) -> bool:
    return value is None or (isinstance(value, str) and _NAME.fullmatch(value) is not None)


VALID: dict[str, Callable[[object], bool]] = {
    "position": _optional_name,
    "disclaimer_seen": lambda value: isinstance(value, bool),  # "false" is not False
    "theme": _optional_name,
    "region": _optional_name,
    "voice": lambda value: isinstance(value, bool),
}
"""One check per field of Settings (a test keeps the two in step)."""


class Unreadable(Exception):
    """The settings file is there but is not a small JSON object we can use."""


class SettingsFile:
    """The settings, where they live, and what to tell the person about them."""

    def __init__(
        self, path: Path, settings: Settings, warning: str | None = None, keep_off: bool = False
    ) -> None:
        self.path = path
        self.settings = settings
        self.warning = warning
        self.keep_off = keep_off
        """A file we could not read is still at `path` (or its folder is not ours): never
        save."""

    def remember(self, changes: Mapping[str, object]) -> str | None:
        """Keep these choices (by field name: `{"region": "uk"}`) and save them; the
        warning if they cannot be saved. Nothing to change: nothing written."""
        if not changes:
            return None
        self.settings = self.settings._replace(**changes)
        return self.save()

    def save(self) -> str | None:
        """Write atomically; return a warning instead of raising if we cannot."""
        if self.keep_off:
            return None  # the note given at load time already said choices are not kept
        folder = self.path.parent
        problem = folder_problem(folder, create=True, tighten=is_default_data_dir)
        if problem:
            return f"Settings not saved: {problem}."
        data = json.dumps(self.settings._asdict(), indent=2).encode()
        temp: str | None = None
        try:
            with suppress(FileNotFoundError):
                if not stat.S_ISREG(os.lstat(self.path).st_mode):
                    return f"Settings not saved: {self.path} is not a regular file."
            import tempfile  # the store seam: atomic writes only; off the first frame

            fd, temp = tempfile.mkstemp(dir=folder, prefix=".settings-", suffix=".tmp")
            with os.fdopen(fd, "wb") as fp:
                fp.write(data)
                fp.flush()
                os.fsync(fp.fileno())
            os.replace(temp, self.path)
            temp = None
        except OSError as exc:
            return f"Settings not saved ({exc.strerror or exc})."
        finally:
            if temp is not None:
                with suppress(OSError):
                    os.unlink(temp)
        return None


def load_settings(directory: Path) -> SettingsFile:
    """Never raises, never blocks on a FIFO or device, never reads more than MAX_BYTES."""
    path = Path(directory) / FILE
    problem = folder_problem(path.parent, create=False, tighten=is_default_data_dir)
    if problem:
        # save() checks the folder again, and says so each time it will not write there.
        return SettingsFile(path, Settings(), f"Settings not read: {problem}.")
    try:
        raw = _read(path)
    except FileNotFoundError:
        return SettingsFile(path, Settings())
    except (OSError, Unreadable) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return _set_aside(path, why)
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):  # bad UTF-8 or JSON; nesting too deep to parse
        return _set_aside(path, "not valid JSON")
    if not isinstance(data, dict):
        return _set_aside(path, "not a JSON object")
    values = {}
    bad = []
    for name, valid in VALID.items():
        if name in data:
            if valid(data[name]):
                values[name] = data[name]
            else:
                bad.append(name)
    note = None
    if bad:
        note = f"Settings: ignored a bad value for {', '.join(bad)}; using the default."
    return SettingsFile(path, Settings(**values), note)


def _read(path: Path) -> bytes:
    """The bytes of a regular file at `path` (not a link to one), at most MAX_BYTES."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise Unreadable("a symbolic link") from None
        if exc.errno == errno.ENOTDIR:
            raise FileNotFoundError(exc.errno, exc.strerror) from None
        raise
    with os.fdopen(fd, "rb") as fp:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable("not a regular file")
        data = fp.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise Unreadable(f"larger than {MAX_BYTES // 1024} KiB")
    return data


def _set_aside(path: Path, why: str) -> SettingsFile:
    """Keep what is at `path` under a new name; if it cannot be moved, never save over it."""
    from datetime import datetime  # only here: a start with a good file needs none

    stamp = f"{datetime.now():%Y%m%d-%H%M%S}"
    for n in range(1, 100):
        aside = path.with_name(f"{FILE}.unreadable-{stamp}" + (f"-{n}" if n > 1 else ""))
        if os.path.lexists(aside):
            continue
        try:
            os.rename(path, aside)  # renames a link, FIFO or device itself; opens nothing
        except OSError:
            break
        note = f"Settings file was unreadable ({why}); moved it to {aside} and started fresh."
        return SettingsFile(path, Settings(), note)
    note = (
        f"Settings file {path} is unreadable ({why}) and could not be moved aside; "
        "using defaults and not saving over it."
    )
    return SettingsFile(path, Settings(), note, keep_off=True)
