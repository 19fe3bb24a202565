"""A fake speech engine for tests: CI has none, and a real one would talk.

`fake_engine(tmp_path, monkeypatch)` puts a script named espeak-ng first (and alone) on
PATH. Each run appends one line to a log, `<pid> <time> <argv...>`, then sleeps as a
long utterance would, so cutting it (terminate) and reaping it can be checked.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from coach.system import speech

FIND_ENGINE = speech.find_engine
"""The real lookup (conftest.py replaces it with one that finds nothing)."""

SCRIPT = """#!/bin/sh
printf '%s %s %s\\n' "$$" "$(/bin/date +%s.%N)" "$*" >> "{log}"
exec /bin/sleep 30
"""


def fake_engine(tmp_path: Path, monkeypatch, name: str = "espeak-ng") -> Path:
    folder = tmp_path / "fake-bin"
    folder.mkdir(exist_ok=True)
    log = tmp_path / "spoken.log"
    log.touch()
    script = folder / name
    script.write_text(SCRIPT.format(log=log))
    script.chmod(0o755)
    monkeypatch.setenv("PATH", str(folder))
    monkeypatch.setattr(speech, "find_engine", FIND_ENGINE)
    return log


def no_engine(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "empty-bin"
    folder.mkdir(exist_ok=True)
    monkeypatch.setenv("PATH", str(folder))
    monkeypatch.setattr(speech, "find_engine", FIND_ENGINE)


class Said:
    """One line of the log."""

    def __init__(self, line: str) -> None:
        pid, stamp, rest = line.split(" ", 2)
        self.pid, self.stamp, self.args = int(pid), float(stamp), rest

    @property
    def text(self) -> str:
        return self.args.split(" -- ", 1)[1]


def spoken(log: Path) -> list[Said]:
    return [Said(line) for line in log.read_text().splitlines() if line]


def wait_until(check, timeout: float = 10.0) -> None:
    """Poll (not a fixed sleep) until `check()` is true; the engine is a real process."""
    end = time.monotonic() + timeout
    while not check():
        if time.monotonic() > end:
            raise AssertionError("timed out waiting")
        time.sleep(0.01)


def gone(pid: int) -> bool:
    """True once the process is reaped (not even a zombie is left)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


WRAPPER = """#!/bin/sh
trap '' TERM
/bin/sleep 30 &
printf '%s %s %s\\n' "$!" "$(/bin/date +%s.%N)" "child of $$" >> "{log}"
printf '%s %s %s\\n' "$$" "$(/bin/date +%s.%N)" "$*" >> "{log}"
wait
"""
"""An engine that is a wrapper script ignoring SIGTERM, whose own child (a sleep, which
inherits the ignored SIGTERM) would outlive a terminate of the script alone."""


def wrapper_engine(tmp_path: Path, monkeypatch) -> Path:
    log = fake_engine(tmp_path, monkeypatch)
    script = tmp_path / "fake-bin" / "espeak-ng"
    script.write_text(WRAPPER.format(log=log))
    return log


def alive(pid: int) -> bool:
    """Running (not a zombie: an orphan's zombie stays where nothing reaps it)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def all_pids(log: Path) -> list[int]:
    return [int(line.split(" ", 1)[0]) for line in log.read_text().splitlines() if line]
