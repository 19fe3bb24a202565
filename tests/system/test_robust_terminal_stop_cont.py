"""Issue 29 item 8: stopped and continued (`kill -STOP`, `kill -CONT`), the app still
quits at once and leaves the terminal as it found it.

Textual 8.2.8's LinuxDriver answers every SIGCONT by starting application mode again,
a second stdin thread beside the first, which was never stopped: at quit one of the two
blocked in read() for ever and the process never ended, at times on the alternate screen.
"""

from __future__ import annotations

import os
import signal
import time

import pytest

from tests.support.robust_support import PtyRun, start_hold

pytestmark = pytest.mark.slow

CTRL_Q = b"\x11"
FOCUS_IN = b"\x1b[I"
SYNC_QUERY = b"\x1b[?2026$p"


def stopped(pid: int) -> bool:
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().rsplit(")", 1)[1].split()[0] == "T"


def wait_for_restart(run: PtyRun, before: int) -> None:
    """Until the app has set the terminal up again: its last write then is the query
    whether the terminal draws frames whole (a person sees the screen back)."""
    deadline = time.monotonic() + 10
    while bytes(run.raw).count(SYNC_QUERY) <= before:
        assert time.monotonic() < deadline, "the terminal was not set up again"
        run.wait_exit(0.05)


def threads(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/task"))


@pytest.mark.parametrize(
    "stop, times",
    [(signal.SIGSTOP, 1), (signal.SIGSTOP, 4), (signal.SIGTSTP, 1)],
    ids=["kill-stop", "kill-stop-4-times", "kill-tstp"],
)
def test_stopped_and_continued_the_app_still_quits_and_restores_the_terminal(tmp_path, stop, times):
    run = start_hold(tmp_path)
    try:
        threads_before = threads(run.pid)
        for _ in range(times):
            run.signal(stop)
            while not stopped(run.pid):
                run.wait_exit(0.01)
            restarts = bytes(run.raw).count(SYNC_QUERY)
            run.signal(signal.SIGCONT)
            wait_for_restart(run, restarts)
        assert threads(run.pid) <= threads_before, "a second stdin reader was started"
        for _ in range(10):  # input after the restart: focus reports, as a terminal sends
            run.send(FOCUS_IN)
            run.wait_for_text("left", timeout=1)
        run.send(CTRL_Q)
        code = run.wait_exit(5)
        raw = bytes(run.raw)
    finally:
        run.close()
    assert code == 0, f"still running 5 s after Ctrl+Q (exit {code})"
    assert raw.rfind(b"\x1b[?1049l") > raw.rfind(b"\x1b[?1049h"), "left on the alternate screen"
    assert b"Traceback" not in raw
