"""What the history's charts are drawn with: the headline numbers, the hold-length
buckets, and a bar of block characters.

The numbers themselves are counted in SQL (coach/store/queries.py).
"""

from __future__ import annotations

from typing import NamedTuple

HOLD_BUCKETS = ("under 1 min", "1-2 min", "over 2 min")
"""Hold lengths, coarse: a few episodes cannot support finer conclusions."""
_PARTIALS = " ▏▎▍▌▋▊▉"
_FULL = "█"


class Summary(NamedTuple):
    """The headline numbers for "since you started"."""

    cramps_total: int
    cramps_this_month: int
    cramps_last_month: int
    routines_total: int
    nights_with_routine: int
    nights_without_routine: int
    cramps_per_night_with_routine: float | None
    cramps_per_night_without_routine: float | None


def bar(value: float, max_value: float, width: int) -> str:
    """Draw with block characters so charts work in any terminal and never rely on colour.

    Any non-zero value gets at least a sliver, so "one" never looks the same as "none".
    """
    if value <= 0 or max_value <= 0 or width <= 0:
        return ""
    eighths = round(min(value, max_value) / max_value * width * 8)
    full, part = divmod(max(eighths, 1), 8)
    return _FULL * full + (_PARTIALS[part] if part else "")
