"""Figures 3 and 5: what a hold costs the machine, in CPU and in memory.

A hold is mostly waiting: the app need only redraw once per shown second. So over
a hold it should burn no more CPU than termdown, a plain curses countdown, and hold
little more memory than a bare Textual app left open for as long. One run of the
app gives both figures: CPU is read at the end of the window, peak RSS at exit.
"""

from __future__ import annotations

import statistics
import time

from common import (
    APP,
    BARE,
    BARE_READY,
    SAFETY_READY,
    SKIP_SETTINGS,
    TERMDOWN,
    TERMDOWN_30,
    Policy,
    Row,
    child_env,
    data_dir,
    first_frame,
    past_safety,
)
from ptyscreen import PtyScreen, ScreenTimeout

HOLD = 30
"""Seconds of hold, as in `termdown 30`."""
WINDOW = HOLD + 1
"""CPU is read this many seconds after fork: the whole hold plus start-up."""
STARTED = 5
"""CPU is also read this many seconds after fork, when both programs have long
finished starting: the rest of the window is what a running countdown costs."""
FOLLOW_UP = r"Has the cramp eased\?"


def _cpu_at(term: PtyScreen, seconds: float) -> float:
    """CPU seconds of the child from fork until `seconds` after fork."""
    term.idle(seconds - (time.monotonic() - term.started))
    term.reap(block=term.eof)  # termdown exits by itself when its count ends
    return term.cpu_seconds()


def app_hold() -> tuple[float, float, float, float]:
    """CPU over the window, peak RSS (MiB) up to the follow-up question, seconds lasted,
    and CPU from STARTED to the end of the window."""
    argv = [*APP, "back", "--hold", str(HOLD)]
    with data_dir(SKIP_SETTINGS) as home, PtyScreen(argv, env=child_env(home)) as term:
        past_safety(term)
        started = _cpu_at(term, STARTED)
        cpu = _cpu_at(term, WINDOW)
        if "TIME'S UP" not in term.text():
            raise ScreenTimeout(f"hold did not end in {WINDOW} s:\n{term.text()}")
        lasted = term.wait_for(FOLLOW_UP, timeout=10)
        usage = term.finish()
    return cpu, usage.ru_maxrss / 1024, lasted, cpu - started


def termdown_cpu() -> tuple[float, float]:
    """CPU over the window, and from STARTED to the end of the window."""
    with data_dir() as home, PtyScreen([*TERMDOWN, str(HOLD)], env=child_env(home)) as term:
        started = _cpu_at(term, STARTED)
        cpu = _cpu_at(term, WINDOW)
        term.finish("q")
    return cpu, cpu - started


def bare_run(lasted: float) -> tuple[float, float]:
    """The bare app left open for `lasted` seconds: CPU over the window, peak RSS (MiB).

    Its CPU is context for figure 3: the least any Textual app spends in that time.
    """
    with data_dir() as home, PtyScreen(BARE, env=child_env(home)) as term:
        term.wait_for(BARE_READY)
        cpu = _cpu_at(term, WINDOW)
        term.idle(lasted - (time.monotonic() - term.started))
        usage = term.finish("q")
    return cpu, usage.ru_maxrss / 1024


def rows(policy: Policy) -> list[Row]:
    # Warm-up: a first frame of each program (caches only; no need to sit a hold).
    first_frame([*APP, "back"], SAFETY_READY)
    first_frame([*TERMDOWN, str(HOLD)], TERMDOWN_30, quit_key="q")
    first_frame(BARE, BARE_READY, quit_key="q")
    app_cpu, ref_cpu, app_mib, ref_mib, bare_cpu = [], [], [], [], []
    app_running, ref_running = [], []
    for _ in range(policy.long_runs):  # one measured process at a time
        cpu, running = termdown_cpu()
        ref_cpu.append(cpu)
        ref_running.append(running)
        cpu, rss, lasted, running = app_hold()
        app_cpu.append(cpu)
        app_mib.append(rss)
        app_running.append(running)
        cpu, rss = bare_run(lasted)
        bare_cpu.append(cpu)
        ref_mib.append(rss)
    med = statistics.median
    return [
        Row(
            f"3 CPU, fork to {WINDOW} s ({HOLD} s hold)",
            med(app_cpu),
            med(ref_cpu),
            "s",
            1.0,
            "ref: termdown 30",
        ),
        Row(
            f"  context: CPU from {STARTED} s to {WINDOW} s only",
            med(app_running),
            med(ref_running),
            "s",
            None,
            "the running countdown, start-up left out",
        ),
        Row(
            "  context: bare Textual app, same window",
            med(bare_cpu),
            med(ref_cpu),
            "s",
            None,
            "idle Textual's share of the budget",
        ),
        Row(
            f"5 peak RSS through a {HOLD} s hold",
            med(app_mib),
            med(ref_mib),
            "MiB",
            1.15,
            "ref: bare app open as long",
        ),
    ]
