"""Speaking cues through the system's own speech engine, without ever waiting for it.

Each utterance is a child process (stdin/stdout/stderr to /dev/null, its own session
so a Ctrl+C in the terminal does not reach it). Starting one cuts the one before (a
stale "step 2" must not talk over "time's up"), except getting help, which nothing
but a stop cuts; nothing here waits for a child to finish speaking: finished children
are collected with a non-blocking poll() at the next utterance, and `close()` (on
leave and quit) ends every utterance's process group and reaps them all.
pyttsx3 hangs on Linux after its first utterance, which is why there is none.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Mapping
from typing import Literal, NamedTuple

from coach.core.i18n import t
from coach.core.speaking import (
    ESPEAK,
    ESPEAK_CMN,
    ESPEAK_MANDARIN,
    RELAXED,
    RELAXED_MANDARIN,
    SILENT,
    Pace,
    seconds_to_say,
)

EngineName = Literal["say", "spd-say", "espeak-ng", "espeak"]
ENGINES: tuple[EngineName, ...] = ("say", "spd-say", "espeak-ng", "espeak")
"""Looked for in this order on PATH when the voice is first turned on."""
GRACE_SECONDS = 0.5
"""How long a stopped utterance's process group gets to end before it is killed."""


class Engine(NamedTuple):
    name: EngineName
    path: str
    mandarin: str = "cmn"
    """espeak's Mandarin voice: "cmn-latn-pinyin" where it is installed. espeak-ng 1.51's
    "cmn" reads the tone numbers of its own pinyin as English digits ("jian one")."""

    @property
    def speaks_mandarin_well(self) -> bool:
        return self.name == "say" or self.mandarin == PINYIN_VOICE


PINYIN_VOICE = "cmn-latn-pinyin"
ESPEAK_DATA = (
    "{prefix}/lib/*/espeak-ng-data",
    "{prefix}/lib/espeak-ng-data",
    "{prefix}/share/espeak-ng-data",
)
"""Where espeak-ng keeps its voices, under the folder above its program's `bin`."""


def mandarin_voice(path: str, environ: Mapping[str, str] | None = None) -> str:
    """The best Mandarin voice of the espeak-ng at `path`: its pinyin voice, if installed
    (a file look-up, no process started), else plain "cmn"."""
    env = os.environ if environ is None else environ
    prefix = os.path.dirname(os.path.dirname(os.path.realpath(path)))
    folders = [env["ESPEAK_DATA_PATH"] + "/espeak-ng-data"] if env.get("ESPEAK_DATA_PATH") else []
    for pattern in folders + [p.format(prefix=glob.escape(prefix)) for p in ESPEAK_DATA]:
        for folder in glob.glob(pattern):
            if os.path.exists(os.path.join(folder, "lang", "sit", "cmn-Latn-pinyin")):
                return PINYIN_VOICE
    return "cmn"


def find_engine(
    which: Callable[[str], str | None] = shutil.which, lang: str = "en"
) -> Engine | None:
    """The first engine on PATH in `ENGINES` order; for Chinese, one that speaks Mandarin
    well comes first when there is one (say, or espeak-ng with its pinyin voice)."""
    found = []
    for name in ENGINES:
        path = which(name)
        if path:
            engine = Engine(name, path)
            if name == "espeak-ng" and lang == "zh":
                engine = engine._replace(mandarin=mandarin_voice(path))
            found.append(engine)
    if lang == "zh":
        found.sort(key=lambda engine: not engine.speaks_mandarin_well)  # stable
    return found[0] if found else None


def command(engine: Engine, text: str, lang: str) -> list[str]:
    """The command that says `text` at a quiet-night volume, in `lang` (en or zh)."""
    zh = lang == "zh"
    if engine.name == "say":  # no volume flag: an embedded command sets it
        return [engine.path, *(["-v", "Ting-Ting"] if zh else []), "[[volm 0.6]] " + text]
    if engine.name == "spd-say":
        return [engine.path, "-w", "-i", "-40", "-l", "zh" if zh else "en", "--", text]
    return [engine.path, "-a", "60", "-v", engine.mandarin if zh else "en", "--", text]


def pace_for(engine: Engine | None, lang: str) -> Pace:
    """How fast `engine` speaks `lang`, for planning the hold's speech (coach/core/cues.py):
    espeak's rate is known; the others are timed slower, so that nothing is cut."""
    if engine is None:
        return SILENT
    if lang == "zh":
        if engine.name in ("espeak-ng", "espeak"):
            return ESPEAK_MANDARIN if engine.mandarin == PINYIN_VOICE else ESPEAK_CMN
        return RELAXED_MANDARIN
    return ESPEAK if engine.name in ("espeak-ng", "espeak") else RELAXED


HELP_SECONDS = 60.0
"""The longest plain mode waits, before it exits, for help to be said to its end."""

POOR_MANDARIN_NOTE = (
    "The Chinese voice of {engine} may be hard to understand (it can read tone numbers "
    "as English digits); the screen says the same. A better one: espeak-ng 1.51 or "
    "later with its cmn-latn-pinyin voice."
)

NO_ENGINE_NOTE = (
    "No speech engine found (say, spd-say, espeak-ng or espeak); the bells and text "
    "carry on. On Debian or Ubuntu: sudo apt install espeak-ng"
)


class Speaker:
    """Says one thing at a time; a newer cue cuts the older one, except that what is said
    first (getting help: `urgent`) is cut by nothing but `stop(everything=True)` (the
    voice turned off) and close() (quitting).

    Each utterance runs in its own process group (its own session), and ending it ends
    the group: an engine that is a wrapper script leaves no child behind. The group is
    sent SIGTERM, then SIGKILL after `GRACE_SECONDS` (a timer thread: the caller never
    waits), for an engine that ignores SIGTERM. A small watchdog process (`WATCHDOG`)
    holds the list of groups and kills them when the coach ends in any way, `kill -9`
    included: nothing of ours outlives the app.
    """

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
        self._urgent: subprocess.Popen | None = None
        self._groups: set[int] = set()
        """Process groups started and not yet known to be empty."""
        self._lock = threading.Lock()
        self._watchdog: subprocess.Popen | None = None

    def say(self, text: str, urgent: bool = False) -> bool:
        """Start saying `text`; False if there is no engine, it would not start, or help
        is being said and this is not help."""
        if not urgent and self._helping():
            return False  # getting help is said to its end
        self.stop(everything=True)
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
        self._urgent = child if urgent else None
        pid = getattr(child, "pid", None)
        if isinstance(pid, int):  # its own session: the group's id is its pid
            with self._lock:
                self._groups.add(pid)
            self._tell_watchdog(pid)
        return True

    def _helping(self) -> bool:
        return self._urgent is not None and self._urgent.poll() is None

    def stop(self, everything: bool = False) -> None:
        """Cut what is being said (each utterance's whole process group, killed if it is
        still there after a grace), and collect children that have finished. Getting
        help goes on unless `everything` (a screen closing does not cut it)."""
        keep = None if everything else self._urgent
        self._urgent = keep
        ending = []
        for child in self._children:
            if child is not keep and child.poll() is None:
                pid = getattr(child, "pid", None)
                if isinstance(pid, int):
                    ending.append(pid)
                else:
                    with contextlib.suppress(OSError):
                        child.terminate()
        with self._lock:
            for group in ending:
                _signal_group(group, signal.SIGTERM)
            finished = [g for g in self._groups if g not in ending and not _group_exists(g)]
            self._groups.difference_update(finished)
        if ending:
            timer = threading.Timer(GRACE_SECONDS, self._kill_groups, (ending,))
            timer.daemon = True
            timer.start()
        self.reap()

    def _kill_groups(self, groups: list[int]) -> None:
        """After the grace: SIGKILL whatever of these groups is left (SIGTERM ignored)."""
        with self._lock:
            for group in groups:
                if group in self._groups:
                    _signal_group(group, signal.SIGKILL)

    def reap(self) -> int:
        """Collect children that have ended (poll: never blocks); how many still run."""
        self._children = [child for child in self._children if child.poll() is None]
        return len(self._children)

    def finish_urgent(self, longest: float) -> None:
        """Let help being said end, waiting at most `longest` seconds (plain mode, before
        it exits: getting help is the last thing it says). Ctrl+C cuts the wait."""
        child = self._urgent
        if child is None or longest <= 0 or child.poll() is not None:
            return
        with contextlib.suppress(subprocess.TimeoutExpired, KeyboardInterrupt):
            child.wait(longest)

    def close(self) -> None:
        """Stop and reap every child and end every group (on leave and quit): none is
        left behind. Waits at most about `GRACE_SECONDS`."""
        self.stop(everything=True)
        for child in self._children:
            try:
                child.wait(GRACE_SECONDS)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
        self._children = []
        with self._lock:
            groups, self._groups = list(self._groups), set()
        for group in groups:
            _signal_group(group, signal.SIGKILL)
        self._end_watchdog()

    @property
    def speaking(self) -> bool:
        return any(child.poll() is None for child in self._children)

    def _tell_watchdog(self, group: int) -> None:
        """Start the watchdog at the first utterance, and give it each new group."""
        with contextlib.suppress(OSError, ValueError):
            if self._watchdog is None or self._watchdog.poll() is not None:
                self._watchdog = subprocess.Popen(
                    [sys.executable, "-S", "-c", WATCHDOG],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    start_new_session=True,  # Ctrl+C in the terminal does not end it first
                    close_fds=True,
                )
            stdin = self._watchdog.stdin
            assert stdin is not None
            stdin.write(f"{group}\n".encode())
            stdin.flush()

    def _end_watchdog(self) -> None:
        watchdog, self._watchdog = self._watchdog, None
        if watchdog is None:
            return
        with contextlib.suppress(OSError, ValueError):
            if watchdog.stdin is not None:
                watchdog.stdin.close()  # end of its input: it ends the groups and exits
        try:
            watchdog.wait(GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            watchdog.kill()
            watchdog.wait()


WATCHDOG = """
import os, signal, sys
groups = set()
for line in sys.stdin:
    if line.strip().isdigit():
        groups.add(int(line))
for group in groups:
    try:
        os.killpg(group, signal.SIGKILL)
    except OSError:
        pass
"""
"""Reads the process groups of utterances, one a line, until its input ends (the coach
closed it, or ended in any way, kill -9 included), then kills every one."""


def _signal_group(group: int, sig: int) -> None:
    with contextlib.suppress(OSError):
        os.killpg(group, sig)


def _group_exists(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


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
        self._help_takes = 0.0
        self.note: str | None = None
        """Set when an engine was wanted and none found, for the caller to show once."""
        if on:
            self.set(True)

    def set(self, on: bool) -> None:
        self.on = on
        if on and self._speaker is None:
            # looked up now (tests replace find_engine)
            engine = self._find() if self._find else find_engine(shutil.which, self.lang)
            self._speaker = Speaker(self.lang, engine, self._popen)
            if engine is None:
                self.note = t(NO_ENGINE_NOTE)
            elif self.lang == "zh" and not engine.speaks_mandarin_well:
                self.note = t(POOR_MANDARIN_NOTE, engine=engine.name)
        if not on and self._speaker is not None:
            self._speaker.stop(everything=True)  # `v`: silence, getting help too

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

    def say_first(self, text: str) -> None:
        """Getting help (the escalation, the clot advice, the safety net): said before
        anything else, and no cue cuts it (only stop, the voice off, or quitting)."""
        if self.on and self._speaker is not None and self._speaker.say(text, urgent=True):
            self._help_takes = seconds_to_say(text, self.pace) + 2.0

    def finish_first(self) -> None:
        """Before plain mode exits: let help being said end, waiting no longer than it
        takes to say (and never more than `HELP_SECONDS`)."""
        if self._speaker is not None and self.on:
            self._speaker.finish_urgent(min(self._help_takes, HELP_SECONDS))

    def stop(self) -> None:
        if self._speaker is not None:
            self._speaker.stop()

    def close(self) -> None:
        if self._speaker is not None:
            self._speaker.close()

    def take_note(self) -> str | None:
        note, self.note = self.note, None
        return note
