"""Figures 1 and 2: how long until the first useful words are on the screen.

A cramp is happening while the app starts, so start-up is the figure that matters
most. Both are compared with a bare Textual app, the floor for any Textual TUI here.
"""

from __future__ import annotations

from common import (
    APP,
    APP_READY,
    BARE,
    BARE_READY,
    PYTHON,
    SAFETY_READY,
    TERMDOWN,
    TERMDOWN_30,
    Policy,
    Row,
    first_frame,
    median_of,
    paired,
    paired_row,
    until_exit,
)


def bare_frame() -> float:
    return first_frame(BARE, BARE_READY, quit_key="q")


def rows(policy: Policy) -> list[Row]:
    rounds = policy.paired_runs
    first = paired(rounds, lambda: first_frame(APP, APP_READY), bare_frame)
    hold = paired(rounds, lambda: first_frame([*APP, "back"], SAFETY_READY), bare_frame)
    cold = median_of(policy.runs, lambda: first_frame(APP, APP_READY, cold=True))
    python = median_of(policy.runs, lambda: until_exit([PYTHON, "-c", "pass"]))
    termdown = median_of(
        policy.runs, lambda: first_frame([*TERMDOWN, "30"], TERMDOWN_30, quit_key="q")
    )
    bare = first.ref
    return [
        paired_row("1 first frame 'Where is the cramp?'", first, 1.10, f"{rounds} rounds"),
        Row("  context: first start (no content cache)", cold * 1e3, bare * 1e3, "ms", None),
        Row("  context: python -c pass (exit)", python * 1e3, bare * 1e3, "ms", None),
        Row("  context: termdown 30 first frame", termdown * 1e3, bare * 1e3, "ms", None),
        paired_row(
            "2 back: first question (swollen leg?) on screen", hold, 1.15, f"{rounds} rounds"
        ),
    ]
