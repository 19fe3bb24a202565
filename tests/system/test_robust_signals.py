"""Issue 6: killed, hung up on, interrupted or quit mid-hold, the app leaves the terminal as
it found it and keeps the episode.

Each case runs `python -m coach back` in a real 80x24 pseudo-terminal (stdin, stdout and
stderr all on it: Textual draws on stderr) with the safety check skipped, waits until the
hold is on screen, then ends it one way.
"""

from __future__ import annotations

import signal
import sys
import termios
import time

import pytest

from coach.store.history import History
from tests.conftest import ROOT
from tests.support.robust_support import PtyRun, start_hold

pytestmark = pytest.mark.slow

CTRL_Q = b"\x11"
EXIT_WITHIN = 2.0
# DEC private modes Textual turns on: alternate screen, mouse reporting (click, any motion,
# SGR coordinates) and bracketed paste. Each must be switched off after it was last on.
MODES = {
    "alternate screen": b"1049",
    "mouse clicks": b"1000",
    "mouse motion": b"1003",
    "SGR mouse": b"1006",
    "bracketed paste": b"2004",
}


def end_it(run: PtyRun, how: str) -> None:
    if how == "ctrl+q":
        run.send(CTRL_Q)
    else:
        run.signal(getattr(signal, how))


def cramps(tmp_path) -> list:
    result = History.open(tmp_path / "data")
    assert result.store is not None, result.warning
    try:
        return [r for r in result.store.list() if r.kind == "cramp"]
    finally:
        result.store.close()


def mode_left_on(raw: bytes, number: bytes) -> bool:
    on, off = raw.rfind(b"\x1b[?" + number + b"h"), raw.rfind(b"\x1b[?" + number + b"l")
    return on > off


@pytest.fixture
def hold_run(tmp_path):
    run = start_hold(tmp_path)
    yield run
    run.close()


@pytest.mark.skipif(sys.platform != "linux", reason="reads the pty's termios from the slave end")
@pytest.mark.parametrize("how", ["SIGTERM", "SIGHUP", "SIGINT", "ctrl+q"])
def test_ending_a_hold_restores_the_terminal_and_saves_the_episode(hold_run, tmp_path, how):
    end_it(hold_run, how)
    code = hold_run.wait_exit(EXIT_WITHIN)
    assert code is not None, f"still running {EXIT_WITHIN} s after {how}"
    raw = bytes(hold_run.raw)
    assert code >= 0, f"killed by signal {-code}: the app did not handle {how}"
    assert b"Traceback" not in raw, raw[-2000:]

    # The terminal: back on the main screen, cursor shown, no mouse or paste reporting.
    assert b"\x1b[?1049l" in raw, "never left the alternate screen"
    left_on = [name for name, number in MODES.items() if mode_left_on(raw, number)]
    assert not left_on, f"left on after {how}: {left_on}"
    assert raw.rfind(b"\x1b[?25h") > raw.rfind(b"\x1b[?25l"), "cursor left hidden"
    after = hold_run.attrs_now()
    assert after[3] & termios.ECHO, "echo left off"
    assert after[3] & termios.ICANON, "line editing (canonical mode) left off"
    assert after == hold_run.attrs_before, "termios not as the app found it"

    # The episode: saved, and marked as left early (or not yet answered).
    episodes = cramps(tmp_path)
    assert len(episodes) == 1, episodes
    assert episodes[0].outcome == "left", episodes[0]
    assert episodes[0].side == "back" and episodes[0].holds == 1
    assert episodes[0].actual_seconds >= 2, "the seconds held before leaving were lost"

    # Left before it eased: the safety net, printed once the terminal is back.
    after_app = raw[raw.rfind(b"\x1b[?1049l") :]
    assert b"Before you go: when to get help" in after_app


@pytest.mark.parametrize("how", ["SIGTERM", "SIGHUP", "SIGINT"])
def test_a_signal_ends_with_the_conventional_exit_code(hold_run, how):
    """128 + the signal's number, as a shell reports a process a signal ended (it was 0
    until 479b696: shut_down passed the code as App.exit's result)."""
    end_it(hold_run, how)
    code = hold_run.wait_exit(EXIT_WITHIN)
    assert code == 128 + getattr(signal, how)


def test_ctrl_q_exits_zero(hold_run):
    end_it(hold_run, "ctrl+q")
    assert hold_run.wait_exit(EXIT_WITHIN) == 0


def test_closing_the_terminal_keeps_the_episode(hold_run, tmp_path):
    """The window is closed: the kernel hangs up the terminal (SIGHUP, then every read and
    write fails). Nothing can be restored, but the app must stop and keep the episode.
    Today it exits 120: Python cannot flush its streams to the dead terminal at exit."""
    hold_run.hang_up()
    deadline = time.monotonic() + EXIT_WITHIN
    while hold_run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert hold_run.status is not None, f"still running {EXIT_WITHIN} s after the hang-up"
    assert hold_run.status >= 0, f"killed by signal {-hold_run.status}"
    assert [e.outcome for e in cramps(tmp_path)] == ["left"]


@pytest.mark.parametrize("how", ["SIGTERM", "SIGHUP"])
def test_a_signal_in_plain_mode_keeps_the_episode_and_prints_the_safety_net(tmp_path, how):
    """A closed terminal or `kill` in the middle of a plain hold: recorded as left, the
    safety net printed, exit 128 + the signal's number."""
    import os
    import select
    import subprocess

    data = tmp_path / "data"
    argv = [sys.executable, "-m", "coach", "--plain", "back", "--hold", "60", "--region", "uk"]
    env = {**os.environ, "CALF_COACH_HOME": str(data), "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [*argv, "--data-dir", str(data)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=ROOT,
    )
    seen = b""
    try:
        proc.stdin.write(b"n\n")
        proc.stdin.flush()
        deadline = time.monotonic() + 30
        while b"Step 1 of" not in seen and time.monotonic() < deadline:
            ready, _, _ = select.select([proc.stdout], [], [], 0.5)
            if ready:
                seen += os.read(proc.stdout.fileno(), 4096)
        assert b"Step 1 of" in seen, seen
        proc.send_signal(getattr(signal, how))
        rest, err = proc.communicate(timeout=EXIT_WITHIN)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 128 + getattr(signal, how), err
    assert b"Traceback" not in err
    assert b"Before you go: when to get help" in rest
    assert [e.outcome for e in cramps(tmp_path)] == ["left"]
