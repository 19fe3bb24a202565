"""Run the Calf Coach benchmark suite and print one table; exit 1 if a budget is missed.

    python bench/run.py            # full: 7 start-up runs, 3 hold runs (~20 min)
    python bench/run.py --quick    # 3 start-up runs, 1 hold run (~3 min), a smoke test

Every figure is a ratio against a reference measured in the same run, so the budgets
mean the same on a laptop and on a slow CI machine. See bench/README.md.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable, Sequence

import fig_accuracy
import fig_commands
import fig_hold
import fig_scale
import fig_startup
from common import Policy, Row

FULL = Policy(runs=7, long_runs=3, many=200)
QUICK = Policy(runs=3, long_runs=1, many=30)
FIGURES: dict[str, Callable[[Policy], list[Row]]] = {
    "startup": fig_startup.rows,  # figures 1 and 2
    "hold": fig_hold.rows,  # figures 3 and 5
    "accuracy": fig_accuracy.rows,  # figure 4
    "commands": fig_commands.rows,  # figures 6 and 7 (7 imports coach)
    "scale": fig_scale.rows,  # figure 8: histories of 0 to 100,000 episodes
}
HEADER = ("figure", "app", "reference", "ratio", "budget", "result")


def _value(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "s":
        return f"{value:.2f} s"
    if value == int(value):
        return f"{value:.0f} {unit}"
    return f"{value:.1f} {unit}"


def _cells(row: Row) -> tuple[str, ...]:
    ratio = row.ratio
    if row.budget is None:
        budget = "context"
    elif row.ref is not None:
        budget = f"<= {row.budget:.2f}x"
    else:
        budget = f"<= {_value(row.budget, row.unit)}"
    result = {True: "pass", False: "FAIL", None: "-"}[row.passed]
    return (
        row.figure,
        _value(row.app, row.unit),
        _value(row.ref, row.unit),
        f"{ratio:.2f}x" if ratio is not None else "-",
        budget,
        result + (f"  {row.detail}" if row.detail else ""),
    )


def _in_figure_order(rows: Sequence[Row]) -> list[Row]:
    """Sort by the figure number that starts each label; context rows stay with theirs."""
    keyed, number = [], 0
    for row in rows:
        if row.figure[:1].isdigit():
            number = int(re.match(r"\d+", row.figure)[0])  # "3a ..." is figure 3
        keyed.append((number, row))
    return [row for _, row in sorted(keyed, key=lambda pair: pair[0])]


def table(rows: Sequence[Row]) -> str:
    lines = [HEADER, *(_cells(row) for row in _in_figure_order(rows))]
    widths = [max(len(line[i]) for line in lines) for i in range(len(HEADER) - 1)]
    out = []
    for n, line in enumerate(lines):
        cells = [cell.ljust(width) for cell, width in zip(line, widths, strict=False)]
        out.append("  ".join([*cells, line[-1]]).rstrip())
        if n == 0:
            out.append("-" * len(out[0]))
    return "\n".join(out)


def source_stamp() -> str:
    """The commit and whether app sources differ from it (read-only git), best effort.

    Printed before and after the run: others may change the app while it runs, and a
    table that mixes two versions of the code must not be trusted.
    """
    here = os.path.dirname(os.path.abspath(__file__))
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0"}  # never let status touch the index
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=here,
            capture_output=True,
            text=True,
            env=env,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "coach", "screens", "content"],
            cwd=os.path.dirname(here),
            capture_output=True,
            text=True,
            env=env,
        ).stdout.strip()
    except OSError:
        return "unknown"
    return (head or "unknown") + ("+local-changes" if dirty else "")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs: a smoke test")
    parser.add_argument(
        "--only", nargs="+", choices=FIGURES, metavar="GROUP", help=f"any of {list(FIGURES)}"
    )
    args = parser.parse_args(argv)
    policy = QUICK if args.quick else FULL
    stamp = source_stamp()
    rows: list[Row] = []
    for name in args.only or FIGURES:
        began = time.monotonic()
        print(f"measuring {name} ...", file=sys.stderr, flush=True)
        rows += FIGURES[name](policy)
        print(f"  {name} took {time.monotonic() - began:.0f} s", file=sys.stderr, flush=True)
    mode = "quick" if args.quick else "full"
    print(
        f"\nCalf Coach benchmarks ({mode}: median of {policy.runs} start-up runs, "
        f"{policy.paired_runs} for figures 1, 2 and 8's screens, {policy.long_runs} hold runs, "
        "after a warm-up)\n"
        f"source {stamp}; load average {os.getloadavg()[0]:.2f} at the end\n"
    )
    if source_stamp() != stamp:
        print(f"WARNING: the app's source changed during the run (now {source_stamp()})\n")
    print(table(rows))
    missed = [row.figure.strip() for row in rows if row.passed is False]
    print(f"\n{len(missed)} budget(s) missed" + (": " + "; ".join(missed) if missed else ""))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
