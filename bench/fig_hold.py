"""Figures 3 and 5: what a hold costs the machine, in CPU and in memory.

A hold is mostly waiting: the app need only redraw once per shown second.

- 3a, the running countdown: CPU from 10 s after fork to the end of a 125 s hold,
  per second, against the bare Textual app redrawing one line a second over the same
  window: what Textual itself needs for a countdown on this machine. Start-up is left
  out: this is what each second's redraw costs. termdown (a curses countdown, the
  reference before; its cost differs about 2x between machines) runs beside them as
  context.
- 3b, the whole hold: CPU from fork to exit of a default 60 s hold (answer the
  swollen-leg question, hold, TIME'S UP, the follow-up question, quit), beside the
  bare Textual app open for the same time. Context only: no Textual app can come
  within a budget of the bare app here (README.md), so it shows where the CPU goes.
- 5, memory: peak RSS of the 3b run against the bare app's.

The programs of one run are started together and measured side by side: CPU time
is the kernel's count for each process, and a countdown uses ~1% of one core, so
they do not slow each other, while both see the same state of the machine. That
halves the wall time of a figure that must sit through minutes of holds.
"""

from __future__ import annotations

import re
import resource
import statistics
import time
from pathlib import Path
from typing import NamedTuple

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
)
from ptyscreen import PtyScreen, ScreenTimeout

LONG_HOLD = 125
"""Seconds of the hold of figure 3a."""
SKIP = 10.0
"""3a's window starts this long after fork: both programs have long finished starting."""
WHOLE_HOLD = 60
"""The default hold (content/hold.yaml), for 3b and 5."""
FOLLOW_UP = r"Has the cramp eased\?"
TIMES_UP = "TIME'S UP"


def _pump(terms: list[PtyScreen], seconds: float) -> None:
    """Read every terminal for `seconds`, so no program blocks on a full pty."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        for term in terms:
            term.pump(0.02)


def _until(terms: list[PtyScreen], done, timeout: float) -> None:
    end = time.monotonic() + timeout
    while not done():
        if time.monotonic() > end:
            raise ScreenTimeout(f"gave up after {timeout} s:\n{terms[0].text()}")
        _pump(terms, 0.05)


def _answer_safety(terms: list[PtyScreen], app: PtyScreen) -> None:
    _until(terms, lambda: re.search(SAFETY_READY, app.text()), 20)
    app.press("n")


class Countdown(NamedTuple):
    """One 3a run: ms of CPU per second of each program over the same window."""

    app: float
    ticking: float
    """The bare Textual app redrawing one line a second: the reference."""
    termdown: float
    app_mib: float
    """Peak RSS of the app through this run: its first episode, in a new data dir."""
    ticking_mib: float


def running_countdown() -> Countdown:
    """ms of CPU per second, from SKIP s after fork to the end of the app's hold, for the
    app, the bare app redrawing a line a second (over the app's window) and termdown
    (from the same moment to its own end)."""
    argv = [*APP, "back", "--hold", str(LONG_HOLD), "--no-voice"]
    with (
        data_dir(SKIP_SETTINGS) as home,
        data_dir() as tick_home,
        data_dir() as td_home,
        PtyScreen(argv, env=child_env(home)) as app,
        PtyScreen([*BARE, "--tick"], env=child_env(tick_home)) as ticking,
        PtyScreen([*TERMDOWN, str(LONG_HOLD)], env=child_env(td_home)) as ref,
    ):
        terms = [app, ticking, ref]
        _answer_safety(terms, app)
        _pump(terms, app.started + SKIP - time.monotonic())
        app_from, tick_from, ref_from = (t.cpu_seconds() for t in terms)
        begun = time.monotonic()
        ended: dict[str, float] = {}

        def all_done() -> bool:
            if "app" not in ended and TIMES_UP in app.text():
                ended["app"] = time.monotonic()
                ended["app_cpu"] = app.cpu_seconds()
                ended["tick_cpu"] = ticking.cpu_seconds()
            if "ref" not in ended and ref.eof and ref.reap(block=True):
                ended["ref"] = ref.ended
                ended["ref_cpu"] = ref.cpu_seconds()
            return "app" in ended and "ref" in ended

        _until(terms, all_done, LONG_HOLD + 30)
        window = ended["app"] - begun
        ticked = re.search(r"(\d+) s", ticking.text())
        if not (re.search(BARE_READY, ticking.text()) and ticked and int(ticked[1]) >= window):
            raise ScreenTimeout(f"the bare app did not redraw each second:\n{ticking.text()}")
        tick_usage = ticking.finish("q")
        app_usage = app.finish()
    return Countdown(
        (ended["app_cpu"] - app_from) / window * 1000,
        (ended["tick_cpu"] - tick_from) / window * 1000,
        (ended["ref_cpu"] - ref_from) / (ended["ref"] - begun) * 1000,
        app_usage.ru_maxrss / 1024.0,
        tick_usage.ru_maxrss / 1024.0,
    )


class WholeHold(NamedTuple):
    """One 3b run: CPU seconds of each program, fork to exit, and by phase."""

    app: float
    bare: float
    termdown: float
    ticking: float
    """The bare app redrawing one line a second: the floor for any Textual countdown."""
    app_mib: float
    bare_mib: float
    lasted: float
    """Seconds from fork to the app's exit."""
    asked: tuple[float, float, float]
    """CPU of the app, the bare app and the ticking app when the first question showed."""
    followed: tuple[float, float, float]
    """The same, when the follow-up question showed (after TIME'S UP)."""


def whole_hold(returning: Path) -> WholeHold:
    """Fork to exit of the app through a default hold, beside the bare app, the bare
    app that redraws a line a second, and termdown, all open for the same time. The
    app starts from a copy of `returning`, a returning user's data dir."""
    argv = [*APP, "back", "--no-voice"]
    with (
        data_dir(like=returning) as home,
        data_dir() as bare_home,
        data_dir() as td_home,
        PtyScreen(argv, env=child_env(home)) as app,
        PtyScreen(BARE, env=child_env(bare_home)) as bare,
        data_dir() as tick_home,
        PtyScreen([*TERMDOWN, str(WHOLE_HOLD + 20)], env=child_env(td_home)) as ref,
        PtyScreen([*BARE, "--tick"], env=child_env(tick_home)) as ticking,
    ):
        terms = [app, bare, ref, ticking]
        _until(terms, lambda: re.search(SAFETY_READY, app.text()), 20)
        asked = (app.cpu_seconds(), bare.cpu_seconds(), ticking.cpu_seconds())
        app.press("n")
        _until(terms, lambda: re.search(FOLLOW_UP, app.text()), WHOLE_HOLD + 20)
        followed = (app.cpu_seconds(), bare.cpu_seconds(), ticking.cpu_seconds())
        app.press("ctrl+c")
        _until(terms, lambda: app.reap(block=False), 10)
        ref_cpu = ref.cpu_seconds()  # termdown, at the moment the app has gone
        bare_usage = bare.finish("q")
        tick_usage = ticking.finish("q")
        app_usage = app.finish()
        lasted = app.ended - app.started
        if not re.search(BARE_READY, bare.text()):
            raise ScreenTimeout(f"the bare app never drew:\n{bare.text()}")
    mib = 1024.0
    return WholeHold(
        _cpu(app_usage),
        _cpu(bare_usage),
        ref_cpu,
        _cpu(tick_usage),
        app_usage.ru_maxrss / mib,
        bare_usage.ru_maxrss / mib,
        lasted,
        asked,
        followed,
    )


def _cpu(usage: resource.struct_rusage) -> float:
    return usage.ru_utime + usage.ru_stime


def short_hold(home: Path) -> None:
    """`back --hold 5` through TIME'S UP to the follow-up question, then Ctrl+C: the
    episode is kept in `home`'s history."""
    with PtyScreen([*APP, "back", "--hold", "5"], env=child_env(home)) as app:
        _answer_safety([app], app)
        _until([app], lambda: re.search(FOLLOW_UP, app.text()), 30)
        app.finish()


def rows(policy: Policy) -> list[Row]:
    # Warm-up: a first frame of each program, and a short hold of the app to its
    # follow-up question, so the hold's modules are compiled before anything is timed.
    # That hold also makes the data dir of a returning user (one episode in its history),
    # which 3b and 5 start from, as a person does on every night but their first.
    first_frame([*APP, "back"], SAFETY_READY)
    running: list[Countdown] = []
    whole: list[WholeHold] = []
    with data_dir(SKIP_SETTINGS) as returning:
        short_hold(returning)
        first_frame([*TERMDOWN, "30"], TERMDOWN_30, quit_key="q")
        first_frame(BARE, BARE_READY, quit_key="q")
        for _ in range(policy.long_runs):
            running.append(running_countdown())
            whole.append(whole_hold(returning))
    med = statistics.median
    app_rate, tick_rate = med(r.app for r in running), med(r.ticking for r in running)
    td_rate = med(r.termdown for r in running)
    # The three run side by side, so each run's own ratio is judged (as for paired figures).
    ratios = [r.app / r.ticking for r in running]
    cpu, bare_cpu, td_cpu = (
        med(w.app for w in whole),
        med(w.bare for w in whole),
        med(w.termdown for w in whole),
    )
    app_mib, bare_mib = med(w.app_mib for w in whole), med(w.bare_mib for w in whole)
    lasted, tick_cpu = med(w.lasted for w in whole), med(w.ticking for w in whole)
    phases = _phases(whole)
    return [
        Row(
            f"3a running countdown, {SKIP:.0f} s to end of a {LONG_HOLD} s hold",
            app_rate,
            tick_rate,
            "ms/s",
            1.25,
            f"ref: bare Textual app redrawing a line a second, same window; "
            f"worst run {max(ratios):.2f}x",
            pair_ratio=med(ratios),
        ),
        Row(
            f"  context: termdown {LONG_HOLD}, same window",
            app_rate,
            td_rate,
            "ms/s",
            None,
            "app against a curses countdown (3a's reference until its cost was seen to "
            "differ 2x between machines)",
        ),
        Row(
            f"3b whole {WHOLE_HOLD} s hold, fork to exit",
            cpu,
            bare_cpu,
            "s",
            None,
            f"ref: bare Textual app open as long ({lasted:.0f} s); no budget: see README",
        ),
        Row(
            "  context: bare app redrawing one line a second",
            tick_cpu,
            bare_cpu,
            "s",
            None,
            "the floor for any Textual countdown: Textual's cost of one repaint a second",
        ),
        Row(
            "  context: termdown over the same time",
            td_cpu,
            bare_cpu,
            "s",
            None,
            "a curses countdown: start-up and redraws without Textual",
        ),
        *phases,
        Row(
            f"5 peak RSS through a {WHOLE_HOLD} s hold",
            app_mib,
            bare_mib,
            "MiB",
            1.20,
            "ref: bare app open as long; a returning user's data dir (one episode)",
        ),
        Row(
            "  context: peak RSS, the first episode in a new data dir",
            med(r.app_mib for r in running),
            med(r.ticking_mib for r in running),
            "MiB",
            None,
            f"3a's runs ({LONG_HOLD} s hold): the first save makes the history; "
            "ref: the ticking bare app",
        ),
    ]


def _phases(whole: list[WholeHold]) -> list[Row]:
    """3b by phase, each against the bare app (and the ticking one) over the same window:
    where the app's CPU goes, so a miss shows what it is made of."""
    med = statistics.median

    def span(end: str, start: str | None) -> tuple[float, float, float]:
        def each(w: WholeHold, i: int) -> float:
            totals = (w.app, w.bare, w.ticking)
            stop = totals[i] if end == "exit" else getattr(w, end)[i]
            return stop - (getattr(w, start)[i] if start else 0.0)

        return tuple(med(each(w, i) for w in whole) for i in range(3))  # type: ignore[return-value]

    rows = []
    for name, end, start in (
        ("start-up to the first question", "asked", None),
        (f"'n', the {WHOLE_HOLD} s hold, TIME'S UP, the follow-up", "followed", "asked"),
        ("Ctrl+C to exit (bare: q)", "exit", "followed"),
    ):
        app, bare, tick = span(end, start)
        rows.append(
            Row(
                f"  context: 3b by phase: {name}",
                app,
                bare,
                "s",
                None,
                f"ref: bare app, same window; bare app redrawing a line a second: {tick:.2f} s",
            )
        )
    return rows
