"""Figure 4: does the countdown show the right second at the right time?

Someone holding a stretch trusts the number. We read the screen for a whole hold
and compare every change of the shown second with when it was due, once on a
quiet machine and once with the other core kept busy by a spinning process.
See README.md for how the deadline is estimated and how far off it can be.
"""

from __future__ import annotations

import math
import re
import shutil
import statistics
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path

from common import (
    APP,
    HOLD_READY,
    PYTHON,
    SAFETY_READY,
    SKIP_SETTINGS,
    Policy,
    Row,
    child_env,
    data_dir,
    first_frame,
    past_safety,
)
from ptyscreen import PtyScreen, ScreenTimeout

HOLD = 15
SHOWN = re.compile(r"HOLD the stretch: (\d+):(\d\d) left")
TIMES_UP = "TIME'S UP"


def shown_seconds(text: str) -> int | None:
    """The second the hold screen shows; 0 once it says time is up; None elsewhere."""
    if TIMES_UP in text:
        return 0
    match = SHOWN.search(text)
    return int(match[1]) * 60 + int(match[2]) if match else None


LOCKER = """
import sqlite3, sys
from pathlib import Path
from coach.store.history import DB_NAME, History
opened = History.open(Path(sys.argv[1]))
opened.store.close()
conn = sqlite3.connect(Path(sys.argv[1]) / DB_NAME, isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.read()
"""
"""Another program that made the history (through the app's own store) and then holds
an exclusive lock on it until its stdin closes: nothing can read or write it."""


@contextmanager
def history_locked(home: Path) -> Iterator[None]:
    locker = subprocess.Popen(
        [PYTHON, "-c", LOCKER, str(home)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=child_env(home),
    )
    try:
        assert locker.stdout is not None
        if locker.stdout.readline().strip() != "locked":
            raise RuntimeError("could not lock the history database")
        yield
    finally:
        locker.kill()
        locker.wait()


def trace_hold(
    seconds: int = HOLD, locked: bool = False, voice: bool = False
) -> list[tuple[float, int]]:
    """(read time, shown second) for every change of the shown second, up to time's up.

    The loop blocks in select() and checks the screen after every read: the screen
    can only change when bytes arrive, so this sees each change as soon as it lands.
    """
    argv = [*APP, "back", "--hold", str(seconds), "--voice" if voice else "--no-voice"]
    changes: list[tuple[float, int]] = []
    with (
        data_dir(SKIP_SETTINGS) as home,
        history_locked(home) if locked else nullcontext(),
        PtyScreen(argv, env=child_env(home)) as term,
    ):
        past_safety(term)
        give_up = time.monotonic() + seconds + 10
        while not changes or changes[-1][1] != 0:
            if time.monotonic() > give_up or term.eof:
                raise ScreenTimeout(f"no {TIMES_UP!r} after {seconds} s:\n{term.text()}")
            stamp = term.pump(0.5)
            shown = shown_seconds(term.text()) if stamp is not None else None
            if shown is not None and (not changes or changes[-1][1] != shown):
                changes.append((stamp, shown))
        term.finish()
    return changes


@dataclass
class Accuracy:
    worst_lag: float
    """Latest any second changed after it was due (s)."""
    end_lag: float
    """When time's up showed, after the deadline (s)."""
    first_paint: float
    """How much later the first full-time frame was than the estimated start (s)."""
    sequence_ok: bool
    """Every second from the full time down to time's up shown exactly once, in order."""


def analyse(changes: list[tuple[float, int]], seconds: int = HOLD) -> Accuracy:
    """Compare each change with when it was due.

    Start estimate: the first frame showing the full time (t_0), pulled earlier to
    `t_i - i` whenever change i arrives sooner than that would allow, because no second
    can truly change before it is due. Lags are then measured from that start.
    """
    start = min(stamp - (seconds - shown) for stamp, shown in changes)
    lags = {shown: stamp - (start + seconds - shown) for stamp, shown in changes}
    sequence_ok = [shown for _, shown in changes] == list(range(seconds, -1, -1))
    ticks = [lag for shown, lag in lags.items() if 0 < shown < seconds]
    return Accuracy(
        worst_lag=max(ticks, default=math.inf),
        end_lag=lags.get(0, math.inf),
        first_paint=lags[changes[0][1]],
        sequence_ok=sequence_ok,
    )


def measure(runs: int, busy: bool, locked: bool = False, voice: bool = False) -> list[Accuracy]:
    spinner = subprocess.Popen([PYTHON, "-c", "while True: pass"]) if busy else None
    try:
        return [analyse(trace_hold(locked=locked, voice=voice)) for _ in range(runs)]
    finally:
        if spinner is not None:
            spinner.kill()
            spinner.wait()


def key_to_repaint(presses: int = 10) -> list[float]:
    """Seconds from a key press (space: pause/resume) until the hold screen shows it.

    The app's best-case redraw time through the pty, which bounds the error of the
    deadline estimate (see README.md). Measured in its own hold, as pausing would spoil
    the accuracy runs.
    """
    argv = [*APP, "back", "--hold", "120"]
    delays = []
    with data_dir(SKIP_SETTINGS) as home, PtyScreen(argv, env=child_env(home)) as term:
        past_safety(term)
        term.wait_for(HOLD_READY)
        term.idle(1.0)
        for n in range(presses):
            sent = time.monotonic()
            term.press("space")
            shown = term.wait_for("PAUSED" if n % 2 == 0 else HOLD_READY, timeout=5)
            delays.append(term.started + shown - sent)
            term.idle(0.3)
        term.finish()
    return delays


def rows(policy: Policy) -> list[Row]:
    first_frame([*APP, "back"], SAFETY_READY)  # warm-up
    table = []
    conditions = [("idle", False, False, False), ("busy core", True, False, False)]
    conditions.append(("history locked", False, True, False))
    # With an engine the app would use on PATH, figure 4 also runs with the voice on
    # (every cue a child process, while the countdown runs).
    from coach.system.speech import ENGINES  # here: the runner imports coach late (run.py)

    engine = next((name for name in ENGINES if shutil.which(name)), None)
    if engine is not None:
        conditions.append((f"voice on: {engine}", False, False, True))
    else:
        table.append(Row("  context: voice on", 0, None, "runs", None, "no speech engine on PATH"))
    for load, busy, locked, voice in conditions:
        results = measure(policy.long_runs, busy, locked, voice)
        lags = [r.worst_lag * 1e3 for r in results]
        ends = [r.end_lag * 1e3 for r in results]
        paint = statistics.median(r.first_paint * 1e3 for r in results)
        bad = sum(not r.sequence_ok for r in results)
        table += [
            Row(
                f"4 worst second-change lag ({load})",
                statistics.median(lags),
                None,
                "ms",
                100,
                f"max {max(lags):.0f} ms; 1st frame {paint:.0f} ms after est. start",
            ),
            Row(
                f"4 TIME'S UP after deadline ({load})",
                statistics.median(ends),
                None,
                "ms",
                150,
                f"max {max(ends):.0f} ms",
            ),
            Row(
                f"4 runs skipping/repeating a second ({load})",
                bad,
                None,
                "runs",
                0,
                f"of {len(results)}",
            ),
        ]
    delays = [d * 1e3 for d in key_to_repaint()]
    table.append(
        Row(
            "  context: key to repaint on the hold screen",
            min(delays),
            None,
            "ms",
            None,
            f"fastest of {len(delays)}; median {statistics.median(delays):.0f} ms",
        )
    )
    return table
