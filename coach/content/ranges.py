"""The rules a content value must meet wherever it comes from: the YAML (checked with
file and line by coach.content.schema and the loaders) or the checked-content cache
(coach.store.content_cache, which has no lines and must not load the YAML checkers).
One set of numbers and characters for both, so a tampered cache is held to the same.
"""

from __future__ import annotations

import re
from typing import Any

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""Characters a terminal acts on rather than shows (escape sequences: a title change, a
clipboard write), and the bidirectional overrides that reorder what is read. Line
breaks and tabs of block text are allowed."""


HOLD_SECONDS = (1, 3600)
"""Every `hold:` setting, in seconds."""
STEP_AT = (0, 3600)
ROUTINE_NUMBERS = {"hold_seconds": (1, 120), "repeats": (1, 10), "ready_seconds": (0, 60)}
"""The routine's numbers: the same ranges for the YAML (load_advice) and the cache."""


def numbers_problem(content: Any) -> str | None:
    """What is wrong with the numbers of a built Content (a model.Content), or None.

    The YAML loader checks each number as it reads it, with file and line; a copy of
    the content read back from the cache has no lines, so it passes these same rules
    here instead (a tampered cache must not set a hold of -5 or 0 s)."""
    hold = content.hold
    low, high = HOLD_SECONDS
    for name in hold._fields:
        value = getattr(hold, name)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            return f"hold.{name} {value!r} is outside {low}..{high}"
    if not hold.min_seconds <= hold.default_seconds <= hold.max_seconds:
        return "hold.default_seconds must be within min..max"
    for guide in content.guides.values():
        for position, steps in guide.steps.items():
            last = None
            for step in steps:
                at = step.at
                if not STEP_AT[0] <= at < min(STEP_AT[1] + 1, hold.default_seconds):
                    return f"sides.{guide.side}.steps.{position}: a step at {at} s"
                if (last is None and at != 0) or (last is not None and at <= last):
                    return f"sides.{guide.side}.steps.{position}: steps must go up from 0"
                last = at
    for name, (low, high) in ROUTINE_NUMBERS.items():
        value = getattr(content.routine, name)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            return f"routine {name} {value!r} is outside {low}..{high}"
    return None


def text_problem(value: Any, where: str = "") -> str | None:
    """The first string anywhere in `value` (records, tuples, dicts) with a CONTROL
    character, said as where it is; None if there is none."""
    if isinstance(value, str):
        found = CONTROL.search(value)
        return None if found is None else f"{where or 'a text'}: U+{ord(found.group()):04X}"
    if isinstance(value, dict):
        items = [(f"{where}.{k}", v) for k, v in value.items()]
        items += [(f"{where} key", k) for k in value]
    elif isinstance(value, tuple) and hasattr(value, "_fields"):
        items = [(f"{where}.{n}", getattr(value, n)) for n in value._fields]
    elif isinstance(value, tuple | list):
        items = [(f"{where}[{i}]", v) for i, v in enumerate(value)]
    else:
        return None
    for inner_where, inner in items:
        problem = text_problem(inner, inner_where)
        if problem is not None:
            return problem
    return None
