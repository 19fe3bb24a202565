"""Speaking cues through the system's own speech engine, without ever waiting for it.

Each utterance is a child process (stdin/stdout/stderr to /dev/null, its own session
so a Ctrl+C in the terminal does not reach it). Starting one cuts the one before (a
stale "step 2" must not talk over "time's up"); nothing here waits for a child to
finish speaking: finished children are collected with a non-blocking poll() at the
next utterance, and `close()` (on leave, pause and quit) ends and reaps them all.
pyttsx3 hangs on Linux after its first utterance, which is why there is none.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
from collections.abc import Callable
from typing import Literal, NamedTuple

from coach.core.i18n import t
from coach.core.speaking import (
    ESPEAK,
    ESPEAK_MANDARIN,
    RELAXED,
    RELAXED_MANDARIN,
    SILENT,
    Pace,
)

EngineName = Literal["say", "spd-say", "espeak-ng", "espeak"]
ENGINES: tuple[EngineName, ...] = ("say", "spd-say", "espeak-ng", "espeak")
"""Looked for in this order on PATH when the voice is first turned on."""
REAP_SECONDS = 0.5
"""On close, how long a terminated child gets to go before it is killed."""


class Engine(NamedTuple):
    name: EngineName
    path: str


def find_engine(which: Callable[[str], str | None] = shutil.which) -> Engine | None:
    for name in ENGINES:
        path = which(name)
        if path:
            return Engine(name, path)
    return None


def command(engine: Engine, text: str, lang: str) -> list[str]:
    """The command that says `text` at a quiet-night volume, in `lang` (en or zh)."""
    zh = lang == "zh"
    if engine.name == "say":  # no volume flag: an embedded command sets it
        return [engine.path, *(["-v", "Ting-Ting"] if zh else []), "[[volm 0.6]] " + text]
    if engine.name == "spd-say":
        return [engine.path, "-w", "-i", "-40", "-l", "zh" if zh else "en", "--", text]
    return [engine.path, "-a", "60", "-v", "cmn" if zh else "en", "--", text]


def pace_for(engine: Engine | None, lang: str) -> Pace:
    """How fast `engine` speaks `lang`, for planning the hold's speech (coach/core/cues.py):
    espeak's rate is known; the others are timed slower, so that nothing is cut."""
    if engine is None:
        return SILENT
    zh = lang == "zh"
    if engine.name in ("espeak-ng", "espeak"):
        return ESPEAK_MANDARIN if zh else ESPEAK
    return RELAXED_MANDARIN if zh else RELAXED


NO_ENGINE_NOTE = (
    "No speech engine found (say, spd-say, espeak-ng or espeak); the bells and text "
    "carry on. On Debian or Ubuntu: sudo apt install espeak-ng"
)


class Speaker:
    """Says one thing at a time; a newer cue cuts the older one."""

    def __init__(
        self,
        lang: str = "en",
        engine: Engine | None = None,
        popen: Callable[..., subprocess.Popen] = subprocess.Popen,
    ) -> None:
        self.lang = lang
        self.engine = engine
        self._popen = popen
        self._children: list[subprocess.Popen] = []

    def say(self, text: str) -> bool:
        """Start saying `text`; False if there is no engine or it would not start."""
        self.stop()
        if self.engine is None or not text:
            return False
        try:
            child = self._popen(
                command(self.engine, text, self.lang),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
                close_fds=True,
            )
        except OSError:
            return False
        self._children.append(child)
        return True

    def stop(self) -> None:
        """Cut whatever is being said, and collect children that have finished."""
        for child in self._children:
            if child.poll() is None:
                with contextlib.suppress(OSError):
                    child.terminate()
        self.reap()

    def reap(self) -> int:
        """Collect children that have ended (poll: never blocks); how many still run."""
        self._children = [child for child in self._children if child.poll() is None]
        return len(self._children)

    def close(self) -> None:
        """Stop and reap every child (on leave and quit): none is left behind."""
        self.stop()
        for child in self._children:
            try:
                child.wait(REAP_SECONDS)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
        self._children = []

    @property
    def speaking(self) -> bool:
        return any(child.poll() is None for child in self._children)


class Voice:
    """The voice setting and its speaker: the engine is looked for when the voice is
    first turned on, and a missing engine is said once (bells and text stay)."""

    def __init__(
        self,
        on: bool,
        lang: str = "en",
        find: Callable[[], Engine | None] | None = None,
        popen: Callable[..., subprocess.Popen] = subprocess.Popen,
    ) -> None:
        self.on = False
        self.lang = lang
        self._find = find
        self._popen = popen
        self._speaker: Speaker | None = None
        self.note: str | None = None
        """Set when an engine was wanted and none found, for the caller to show once."""
        if on:
            self.set(True)

    def set(self, on: bool) -> None:
        self.on = on
        if on and self._speaker is None:
            engine = (self._find or find_engine)()  # looked up now: tests replace it
            self._speaker = Speaker(self.lang, engine, self._popen)
            if engine is None:
                self.note = t(NO_ENGINE_NOTE)
        if not on:
            self.stop()

    def toggle(self) -> bool:
        self.set(not self.on)
        return self.on

    @property
    def pace(self) -> Pace:
        """How fast what is said is heard: silent while the voice is off or has no engine."""
        if not self.on or self._speaker is None:
            return SILENT
        return pace_for(self._speaker.engine, self.lang)

    def say(self, text: str) -> None:
        if self.on and self._speaker is not None:
            self._speaker.say(text)

    def stop(self) -> None:
        if self._speaker is not None:
            self._speaker.stop()

    def close(self) -> None:
        if self._speaker is not None:
            self._speaker.close()

    def take_note(self) -> str | None:
        note, self.note = self.note, None
        return note
