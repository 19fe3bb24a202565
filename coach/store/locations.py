"""Where Calf Coach keeps its files on disk, and whether a folder is safe to keep them in."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Mapping
from pathlib import Path

ENV_VAR = "CALF_COACH_HOME"
APP_NAME = "calf-coach"
PRIVATE = 0o700
"""Folders the app makes: history and settings say when the person had cramps."""


def data_dir(cli_value: str | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """Pick the data directory without creating it.

    An explicit ``--data-dir`` wins so tests and portable installs can point anywhere; the
    environment variable comes next for people who set it once in their shell profile; the
    platform default is the fallback. Nothing is created here: opening the store decides
    whether the directory can be made, and reports it if not.
    """
    env = os.environ if environ is None else environ
    chosen = cli_value or env.get(ENV_VAR)
    if chosen:
        return Path(chosen).expanduser()
    import platformdirs  # third-party; when the data folder is first asked for

    return Path(platformdirs.user_data_dir(APP_NAME)).expanduser()


def make_private_dir(path: Path) -> None:
    """Create `path` and any missing parents, each 0700 whatever the umask.

    `Path.mkdir(parents=True, mode=...)` gives the parents it makes the umask's mode
    (usually 0755); every folder made here is the app's own, so each is private.
    Raises OSError when it cannot.
    """
    missing: list[Path] = []
    for folder in (path, *path.parents):
        if os.path.lexists(folder):
            break
        missing.append(folder)
    for folder in reversed(missing):
        try:
            os.mkdir(folder, PRIVATE)
        except FileExistsError:  # made meanwhile by a second instance: checked below
            continue
        os.chmod(folder, PRIVATE)


def folder_problem(
    path: Path, *, create: bool, tighten: bool | Callable[[Path], bool] = False
) -> str | None:
    """None if `path` is a folder this user owns and no one else can write to; else why not.

    Another user's folder (or a symlink to one) could be read by them, or have files swapped
    under us; a folder others can write to, likewise. Neither is used. `create` makes a
    missing folder (0700); `tighten` makes a folder the app made itself in an older version,
    with a wider mode, private again (a function is asked only when the mode is wide): a
    folder the person chose keeps the mode they gave it. Reads nothing inside the folder.
    """
    try:
        if create and not os.path.lexists(path):
            make_private_dir(path)
        info = os.stat(path)  # a symlink to a folder of one's own is fine: its target counts
    except FileNotFoundError:
        return None if not create else f"{path} could not be created"
    except OSError as error:
        return f"{path} cannot be used ({error.strerror or error})"
    if not stat.S_ISDIR(info.st_mode):
        return f"{path} is not a folder"
    if info.st_uid != os.getuid():
        return f"{path} belongs to another user (uid {info.st_uid})"
    wide = stat.S_IMODE(info.st_mode) & 0o077
    if wide and (tighten is True or (callable(tighten) and tighten(path))):
        try:
            os.chmod(path, PRIVATE)
            return None
        except OSError as error:
            return f"{path} could not be made private ({error.strerror or error})"
    if info.st_mode & 0o022:
        return f"{path} can be changed by other users (mode {stat.S_IMODE(info.st_mode):o})"
    return None


def is_default_data_dir(path: Path) -> bool:
    """True for the platform's folder, which only the app makes (so it may tighten it)."""
    import platformdirs  # third-party; when the data folder is first asked for

    try:
        return os.path.samefile(path, platformdirs.user_data_dir(APP_NAME))
    except OSError:
        return False
