"""#27 items 1-2, #29 item 5, in a real pseudo-terminal: whichever way the app is left
after an unfinished episode, that episode's last advice is on the normal screen once the
alternate screen has closed, once.

Each case runs `python -m coach back --region uk` in an 80x24 pty (tests/support/
robust_support.py PtyRun) and reads what the terminal shows after the app's last
"leave the alternate screen" (ESC [ ? 1049 l).
"""

from __future__ import annotations

import json
import signal
import time

import pytest

from tests.conftest import ROOT
from tests.support.robust_support import PtyRun

pytestmark = pytest.mark.slow

CTRL_C = b"\x03"
CLOT = b"Do not stretch or rub that leg. Get help today: call NHS 111."
NET = b"Before you go: when to get help"
EXIT_WITHIN = 5.0


def start(tmp_path, *args: str) -> PtyRun:
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    (data / "settings.json").write_text(json.dumps({"disclaimer_seen": True}))
    env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(ROOT),
        "HOME": str(tmp_path),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
    }
    run = PtyRun(["back", "--data-dir", str(data), "--region", "uk", *args], env, cwd=tmp_path)
    run.wait_for_text("Before you stretch", timeout=30)
    return run


def answer_swollen(run: PtyRun) -> None:
    """Yes at the "do not stretch" gate, then 1, the swollen leg: the clot's help."""
    run.send(b"y")
    run.wait_for_text("Which one?", timeout=10)
    run.send(b"1")


def after_the_app(run: PtyRun) -> bytes:
    """What the terminal shows once the app has left the alternate screen."""
    raw = bytes(run.raw)
    assert b"Traceback" not in raw, raw[-3000:]
    assert b"\x1b[?1049l" in raw, "never left the alternate screen"
    return raw[raw.rfind(b"\x1b[?1049l") :]


@pytest.fixture
def runs():
    started: list[PtyRun] = []
    yield started
    for run in started:
        run.close()


def test_ctrl_c_after_yes_prints_the_clot_advice_with_its_number(tmp_path, runs):
    run = start(tmp_path)
    runs.append(run)
    answer_swollen(run)
    run.wait_for_text("Do not stretch", timeout=10)
    run.send(CTRL_C)
    assert run.wait_exit(EXIT_WITHIN) == 0
    printed = after_the_app(run)
    assert printed.count(CLOT) == 1 and b"call 999 now" in printed


def test_q_mashed_mid_hold_leaves_the_net_printed(tmp_path, runs):
    """Five q's a little apart, as a person mashes: the first leaves the hold. Before,
    the second closed the net and the third quit from the first screen, printing
    nothing. Now the net takes no key in its first second; whatever then ends the app
    (Escape and q here, or the q's themselves on a slow machine), the net is printed once."""
    run = start(tmp_path, "--hold", "60")
    runs.append(run)
    run.send(b"n")
    run.wait_for_text("0:59 left", timeout=10)
    for _ in range(5):
        run.send(b"q")
        deadline = time.monotonic() + 0.15
        while time.monotonic() < deadline and run.poll() is None:
            run._read(0.02)
    if run.poll() is None:
        run.wait_for_text("Before you go", timeout=10)
        # Escape until the net closes (ignored in its first second), then q on the first
        # screen; an Escape that lands there quits as well.
        deadline = time.monotonic() + 10
        while "Where is the cramp?" not in run.text() and run.poll() is None:
            assert time.monotonic() < deadline, run.text()
            run.send(b"\x1b")
            until = time.monotonic() + 0.25
            while time.monotonic() < until and run.poll() is None:
                run._read(0.02)
        if run.poll() is None:
            run.send(b"q")
    assert run.wait_exit(EXIT_WITHIN) == 0
    assert after_the_app(run).count(NET) == 1


@pytest.mark.parametrize("delay_ms", [0.0, 0.3, 0.6, 1.0, 1.5, 2.0, 3.0, 5.0])
def test_a_signal_just_after_yes_prints_the_clot_advice(tmp_path, runs, delay_ms):
    """#29 item 5: SIGTERM within milliseconds of "yes" ended in a traceback (the get-help
    screen queried a child not mounted yet) and printed no advice. At each delay, the
    app ends with 143 and prints the clot advice (or the net, if "y" was not read yet)."""
    run = start(tmp_path)
    runs.append(run)
    answer_swollen(run)
    if delay_ms:
        time.sleep(delay_ms / 1000)
    run.signal(signal.SIGTERM)
    assert run.wait_exit(EXIT_WITHIN) == 128 + signal.SIGTERM
    printed = after_the_app(run)
    assert printed.count(CLOT) + printed.count(NET) == 1, printed
