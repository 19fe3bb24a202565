"""Figure 8: scale. The same app with a history of 0 to 100,000 episodes.

Someone who uses the coach every night for years has tens of thousands of episodes;
the history screen, the exports, the doctor's report and the own-record line must
not slow down with them, and the first screen (a cramp is happening) must not notice
them at all. Histories are built through the app's own store (scale_data.py).
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import datetime
from functools import partial
from pathlib import Path

import scale_data
from common import (
    APP,
    APP_READY,
    SKIP_SETTINGS,
    Policy,
    Row,
    child_env,
    data_dir,
    paired,
    paired_row,
)
from ptyscreen import PtyScreen

BIG = scale_data.SIZES[-1]
SHOWN = r"Since you started:[\s\S]*(\d{4}-\d\d-\d\d \d\d:\d\d|No episodes yet)"
"""The history screen is shown: its headline and its first row (or "No episodes yet")."""
MIB = 1024.0  # ru_maxrss is in KiB on Linux


def _oldest_row(size: int) -> str | None:
    """The oldest episode's "When" as the table shows it (what End must reach)."""
    if not size:
        return None
    conn = sqlite3.connect(scale_data.build(size) / "history.db")
    try:
        (first,) = conn.execute(
            "SELECT started_at FROM episodes ORDER BY started_epoch, id LIMIT 1"
        ).fetchone()
    finally:
        conn.close()
    return f"{first[:10]} {first[11:16]}"


def screen(argv_tail: list[str], size: int, pattern: str, then: str | None = None) -> tuple:
    """Seconds until `pattern` shows for `calf-coach ARGS` with a history of `size`;
    with `then`, also press End and wait for that text. Returns (seconds, max RSS KiB)."""
    with data_dir(SKIP_SETTINGS) as home:
        scale_data.copy_of(size, home)
        with PtyScreen([*APP, *argv_tail], env=child_env(home)) as term:
            seconds = term.wait_for(pattern)
            if then is not None:
                term.press("\x1b[F")  # End
                term.wait_for(r"\b" + then)
            usage = term.finish("ctrl+c")
    return seconds, usage.ru_maxrss


def history_frame(size: int) -> float:
    return screen(["history"], size, SHOWN)[0]


def picker_frame(size: int) -> float:
    return screen([], size, APP_READY)[0]


def run_to_exit(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and max RSS (KiB) of a command that prints little and exits."""
    with PtyScreen(argv, env=env) as term:
        while not term.eof:
            term.pump(5.0)
        term.reap(block=True)
        if term.status != 0:
            raise RuntimeError(f"{argv} exited {term.status}:\n{term.text()}")
        assert term.rusage is not None
        return term.ended - term.started, term.rusage.ru_maxrss


def command_rows(policy: Policy, home: Path) -> list[Row]:
    env = {**child_env(home), "PYTHONUNBUFFERED": "1"}
    out = Path(tempfile.mkdtemp(prefix="calf-bench-out-"))
    commands = {
        "export csv": ["export", "--format", "csv", "-o", str(out / "x.csv")],
        "export json": ["export", "--format", "json", "-o", str(out / "x.json")],
        "report (52 weeks)": ["report", "--weeks", "52", "-o", str(out / "r.html")],
    }
    rows = []
    for name, args in commands.items():
        argv = [*APP, *args, "--data-dir", str(home)]
        run_to_exit(argv, env)  # warm-up
        runs = [run_to_exit(argv, env) for _ in range(policy.runs)]
        wall = statistics.median(r[0] for r in runs)
        rss = max(r[1] for r in runs) / MIB
        budget = 0.3 if name.startswith("report") else 1.5
        rows.append(Row(f"8 {name}, {BIG:,} episodes", wall, None, "s", budget))
        if name.startswith("export"):
            rows.append(Row(f"8 {name} peak RSS", rss, None, "MiB", 40, "PYTHONUNBUFFERED=1"))
    for path in out.iterdir():
        path.unlink()
    out.rmdir()
    return rows


def own_record_row(policy: Policy, home: Path) -> Row:
    """What the app reads at start-up beside the first screen (screens/app/diary_driver.py):
    the own-record line of both sides and whether to ask the morning check-in."""
    from coach.core.diary import last_night
    from coach.store.history import History

    def once() -> float:
        started = time.perf_counter()
        store = History.open(home).store
        assert store is not None
        now = datetime.now().astimezone()
        for side in ("back", "front"):
            store.past_record(side)
        store.night_state(last_night(now))
        store.close()
        return time.perf_counter() - started

    once()
    median = statistics.median(once() for _ in range(policy.many))
    return Row(f"8 own-record line + check-in, {BIG:,}", median, None, "s", 0.3, "in-process")


def rows(policy: Policy) -> list[Row]:
    for size in scale_data.SIZES:
        scale_data.build(size)
    table: list[Row] = []
    for size in scale_data.SIZES:
        shown = paired(policy.paired_runs, partial(history_frame, size), partial(picker_frame, 0))
        name = f"8 history shown, {size:,} episodes"
        detail = f"vs picker, 0 episodes; {policy.paired_runs} rounds"
        table.append(paired_row(name, shown, 1.30, detail))
        print(f"  history {size:,}: {shown.app * 1e3:.0f} ms", file=sys.stderr, flush=True)
    rss = {size: [] for size in (0, BIG)}
    for _ in range(policy.runs):
        for size in rss:
            rss[size].append(screen(["history"], size, SHOWN, then=_oldest_row(size))[1])
    low, high = (statistics.median(rss[s]) / MIB for s in (0, BIG))
    detail = f"peak {low:.1f} MiB at 0, {high:.1f} MiB at {BIG:,} (End pressed)"
    name = f"8 history peak RSS growth 0 -> {BIG:,}"
    table.append(Row(name, high - low, None, "MiB", 10, detail))
    big = paired(policy.paired_runs, lambda: picker_frame(BIG), lambda: picker_frame(0))
    name = f"8 picker first frame, {BIG:,} vs 0"
    table.append(paired_row(name, big, 1.10, f"{policy.paired_runs} rounds"))
    with data_dir() as home:
        scale_data.copy_of(BIG, home)
        table += command_rows(policy, home)
        table.append(own_record_row(policy, home))
    return table
