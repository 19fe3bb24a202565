"""The app's voice and desktop notices: a mixin of CalfCoach, apart so app.py stays short.

Screens call `app.voice.say()`, `app.remember_voice()` and `app.notice_if_away()`;
what is said when is decided in coach/core/cues.py, how it is spoken in coach/system/speech.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coach.store.settings import SettingsFile
    from coach.system.speech import Voice


class VoiceAndNotices:
    prefs: SettingsFile
    voice: Voice
    app_focus: bool

    def set_up_voice(self, wanted: bool | None, lang: str) -> list[str | None]:
        """The voice as --voice/--no-voice says, else as remembered; the notes to show."""
        from coach.system.speech import Voice

        saved = self.prefs.settings
        self.voice = Voice(saved.voice if wanted is None else wanted, lang)
        notes = [self.voice.take_note()]
        if wanted is not None and wanted != saved.voice:
            saved.voice = wanted
            notes.append(self.prefs.save())
        return notes

    def remember_voice(self, on: bool) -> None:
        """After `v`: say once if there is no engine, and keep the choice."""
        self._warn(self.voice.take_note())  # type: ignore[attr-defined]
        if on != self.prefs.settings.voice:
            self.prefs.settings.voice = on
            self._warn(self.prefs.save())  # type: ignore[attr-defined]

    def notice_if_away(self, title: str, body: str) -> bool:
        """A desktop notice through the terminal when it is not in front (Textual's
        AppBlur/AppFocus set `app_focus`); True if one was written."""
        if self.app_focus:
            return False
        import os

        from coach.system.notice import notice
        from screens.app.textual_private import write_to_terminal

        return write_to_terminal(self, notice(title, body, os.environ))  # type: ignore[arg-type]
