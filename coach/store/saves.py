"""Writing what the flow says to keep: the one place both faces turn a `ToSave` into
writes, so the full-screen app and plain mode keep exactly the same things.

`coach.core.flow` decides what must be kept and returns it from every call (`Advance`,
`Left`); a face passes it here at once (the app: once a countdown is drawn) and shows
the warnings this returns. The episode and the routine go to the history through the
Recorder, which snapshots them now and writes on its own thread; the position and the
disclaimer go to the settings file.
"""

from __future__ import annotations

from coach.core.flow import ToSave
from coach.store.recorder import Recorder
from coach.store.settings import SettingsFile


def apply_saves(saves: ToSave, recorder: Recorder, prefs: SettingsFile) -> list[str]:
    """Write `saves`; the warnings to show the person, in order (none: all is well)."""
    warnings = []
    if saves.episode is not None:
        warnings.append(recorder.save(saves.episode))
    changes: dict[str, object] = {}
    if saves.position:
        changes["position"] = saves.position
    if saves.disclaimer_seen and not prefs.settings.disclaimer_seen:
        changes["disclaimer_seen"] = True
    warnings.append(prefs.remember(changes))
    if saves.routine is not None:
        started, result = saves.routine
        warnings.append(recorder.routine_done(started, result.seconds, result.version))
    return [warning for warning in warnings if warning]
