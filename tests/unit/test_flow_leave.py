"""The table in coach/core/flow.py's docstring, checked against the code: every step a
flow can reach is left there, and what leaving shows and saves is what the table says.

The walk tries every answer a face can give (and "leave", and a hold left half way) from
every step reached, so a step or an outcome the table forgets fails here too.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import coach.core.flow
from coach.core.flow import RoutineFlow, ToSave
from coach.core.steps import (
    AfterCare,
    CauseQuestions,
    EasedAnswer,
    EasedQuestion,
    GetHelp,
    Hold,
    NextAnswer,
    RoutineResult,
    SafetyQuestion,
    Step,
    TipsStep,
    WhatNext,
    WhichSign,
)
from tests.support.flows import fresh, held


class Row(NamedTuple):
    at: str
    so_far: str
    shows: str
    saved: str


def table() -> list[Row]:
    """The rows of the docstring's table: its cells are parted by two spaces or more."""
    doc = coach.core.flow.__doc__ or ""
    lines = doc[doc.index("    leaving at") :].split("\n\n")[0].splitlines()[1:]
    return [Row(*re.split(r"\s{2,}", line.strip())) for line in lines]


ANSWERS: dict[type, tuple[object, ...]] = {
    SafetyQuestion: ("no", "yes", "leave"),
    WhichSign: ("clot", "tear", "cold-foot", "unsure", "leave"),
    Hold: (held(), held(20.0, "eased"), held(12.0, "left")),
    EasedQuestion: tuple(EasedAnswer(a) for a in ("gone", "sore", "somewhat", "still", "leave")),
    WhatNext: (NextAnswer("hold"), NextAnswer("stop")),
    GetHelp: (None,),
    AfterCare: ("skip", "left"),
    CauseQuestions: ((), ("cold",)),
    TipsStep: (None,),
}


def replay(content, path: tuple[object, ...]):
    flow = fresh(content)
    flow.start()
    for answer in path:
        assert flow.current is not None
        flow.answer(flow.current, answer)
    return flow


def reachable(content, deepest: int = 9) -> dict[tuple[str, str], tuple[object, ...]]:
    """Each (step, outcome so far) an episode can reach, with one path of answers to it."""
    found: dict[tuple[str, str], tuple[object, ...]] = {}
    paths: list[tuple[object, ...]] = [()]
    while paths:
        path = paths.pop()
        flow = replay(content, path)
        step: Step | None = flow.current
        if step is None:
            continue
        state = (type(step).__name__, flow.episode.outcome or "-")
        if state in found and len(found[state]) <= len(path):
            continue
        found[state] = path
        if len(path) < deepest:
            paths += [(*path, answer) for answer in ANSWERS[type(step)]]
    return found


def shown(step: Step | None) -> str:
    if isinstance(step, GetHelp):
        return f"GetHelp {'+'.join((step.reason, *step.also))}"
    if isinstance(step, AfterCare):
        return f"AfterCare {step.outcome}"
    assert step is None, step
    return "-"


def test_the_table_reads_as_rows():
    rows = table()
    assert rows[0] == Row("SafetyQuestion", "-", "GetHelp not-eased", "left")
    assert rows[-1] == Row("RoutineStep", "-", "-", "nothing")
    assert len(rows) == 15


def test_leaving_at_every_step_shows_and_saves_what_the_table_says(content):
    rows = [row for row in table() if row.at != "RoutineStep"]
    states = reachable(content)
    assert {at for at, _ in states} == {row.at for row in rows}
    used = set()
    for (at, so_far), path in sorted(states.items()):
        matches = [r for r in rows if r.at == at and r.so_far in (so_far, "any")]
        assert len(matches) == 1, (at, so_far, matches)
        row = matches[0]
        used.add(row)
        flow = replay(content, path)
        hold = held(23.6, "left", position="sitting") if at == "Hold" else None
        holds_before = flow.episode.actual_seconds
        left = flow.leave(hold)
        assert shown(left.final) == row.shows, (at, so_far)
        outcome = so_far if row.saved == "unchanged" else row.saved
        assert (flow.episode.outcome or "-") == outcome, (at, so_far)
        assert left.saves.episode is flow.episode, (at, so_far)  # saved at every step
        if hold is not None:  # the seconds held so far, and where
            assert flow.episode.actual_seconds == holds_before + 24
            assert left.saves.position == "sitting" == flow.episode.position
        assert flow.current is None and flow.leave() == (None, ToSave())
    assert used == set(rows)


def test_leaving_the_routine_keeps_nothing_and_shows_nothing(content):
    (row,) = [row for row in table() if row.at == "RoutineStep"]
    assert (row.shows, row.saved) == ("-", "nothing")
    flow = RoutineFlow(content.routine, strict=True)
    flow.start()
    assert flow.leave() == (None, ToSave())
    done = RoutineFlow(content.routine, strict=True)
    done.start()
    result = RoutineResult(True, 60.0, "standing")
    assert done.answer(done.current, result).saves.routine is not None  # done: kept
