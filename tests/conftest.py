"""Shared fixtures: a fake clock and the shipped content, loaded once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from coach.content.load import Content, load
from coach.core import i18n

ROOT = Path(__file__).resolve().parent.parent


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """Two workers per CPU for `-n auto`: a Pilot test spends most of its time asleep.

    Each key press waits for the app to go idle (Textual's `wait_for_idle` sleeps in
    20 ms steps), so one worker per CPU leaves the CPUs idle half the time.
    `PYTEST_XDIST_AUTO_NUM_WORKERS` still wins, as in xdist.
    """
    if chosen := os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return int(chosen)
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return 2 * (cpus or 1)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(scope="session")
def content() -> Content:
    return load(ROOT / "content")


@pytest.fixture(autouse=True)
def _private_home(tmp_path, monkeypatch):
    """Keep the machine's own data and settings out of every test."""
    monkeypatch.setenv("CALF_COACH_HOME", str(tmp_path / "calf-home"))
    monkeypatch.setenv("CALF_COACH_CACHE", str(tmp_path / "calf-cache"))
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    # The same locale on every machine: a UTF-8 one that names no country (as in CI
    # containers), so the emergency numbers are the general ones unless a test says.
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    # The app draws as in a true-colour terminal whatever runs the tests (TERM=xterm
    # alone is 16 colours, where the app takes bold off dark text: screens/app/themes.py
    # BoldIsBright); the snapshots are true colour. A test of 16 colours says so.
    monkeypatch.setenv("COLORTERM", "truecolor")
    monkeypatch.delenv("COLUMNS", raising=False)  # plain mode breaks Chinese lines at it
    os.environ.pop("TEXTUAL_THEME", None)
    # No test speaks through this machine's own engine (a walk pressing v would talk):
    # tests/speech_support.py puts a fake engine on PATH and looks engines up again.
    from coach.system import speech

    monkeypatch.setattr(speech, "find_engine", lambda *args: None)
    yield
    i18n.use({})  # a Chinese test must not leave the next test in Chinese
