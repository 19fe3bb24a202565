"""What the coach keeps on disk: the SQLite history and check-ins, their migrations
and writer thread, the settings file, the data folder and the checked-content cache.

The store's API by name (`from coach.store import History, load_settings`). Each name
loads its module when first asked for (a module `__getattr__`, PEP 562): the settings
and the data folder are read by commands that never open the history, and importing
this package must not import SQLite. No face (screens, plain mode) is imported from
here.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coach.store.checkins import CheckinStore
    from coach.store.content_cache import load as load_content
    from coach.store.history import History, HistoryError
    from coach.store.locations import data_dir
    from coach.store.recorder import Recorder
    from coach.store.records import BadRow, EpisodeRecord
    from coach.store.settings import Settings, SettingsFile, load_settings

_WHERE = {
    "BadRow": ("records", "BadRow"),
    "CheckinStore": ("checkins", "CheckinStore"),
    "EpisodeRecord": ("records", "EpisodeRecord"),
    "History": ("history", "History"),
    "HistoryError": ("history", "HistoryError"),
    "Recorder": ("recorder", "Recorder"),
    "Settings": ("settings", "Settings"),
    "SettingsFile": ("settings", "SettingsFile"),
    "data_dir": ("locations", "data_dir"),
    "load_content": ("content_cache", "load"),
    "load_settings": ("settings", "load_settings"),
}
"""Each name of the API: the module of this package that defines it, and its name there."""

__all__ = [
    "BadRow",
    "CheckinStore",
    "EpisodeRecord",
    "History",
    "HistoryError",
    "Recorder",
    "Settings",
    "SettingsFile",
    "data_dir",
    "load_content",
    "load_settings",
]


def __getattr__(name: str) -> object:
    try:
        module, attribute = _WHERE[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(import_module(f"{__name__}.{module}"), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
