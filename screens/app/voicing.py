"""The app's voice and desktop notices, one object the app holds (`app.voicing`).

Whether the voice starts on is decided with the run's other choices
(coach.core.choices); what is said when in coach/core/cues.py; how it is spoken in
coach/system/speech.py. Screens reach this through the app: `app.voice.say()`,
`app.remember_voice()` and `app.notice_if_away()`.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from textual.app import App

from coach.store.settings import SettingsFile
from coach.system.notice import notice
from coach.system.speech import Voice
from screens.app import textual_private


class Voicing:
    def __init__(
        self,
        app: App,
        voice: Voice,
        prefs: SettingsFile,
        warn: Callable[[str | None], None],
    ) -> None:
        self.app = app
        self.voice = voice
        self.prefs = prefs
        self.warn = warn
        """Shows a note to the person (a missing speech engine, settings not saved)."""

    def remember(self, on: bool) -> None:
        """After `v`: say once if there is no engine, and keep the choice."""
        self.warn(self.voice.take_note())
        if on != self.prefs.settings.voice:
            self.warn(self.prefs.remember({"voice": on}))

    def notice_if_away(self, title: str, body: str) -> bool:
        """A desktop notice through the terminal when it is not in front (Textual's
        AppBlur/AppFocus set `app_focus`); True if one was written."""
        if self.app.app_focus:
            return False
        return textual_private.write_to_terminal(self.app, notice(title, body, os.environ))
