"""Flows driven by hand in unit tests: strict (a stale answer or one of the wrong type
raises FlowError), made with a fake clock, held and answered."""

from __future__ import annotations

from datetime import datetime, timezone

from coach.core.flow import EpisodeFlow
from coach.core.steps import (
    EasedAnswer,
    EasedQuestion,
    Hold,
    HoldResult,
)
from tests.conftest import FakeClock

AFTERNOON = datetime(2026, 12, 4, 13, 0, tzinfo=timezone.utc)
"""When a test's episode starts unless it says otherwise: the rules that change at night
(where a hold starts, the own-record line, causes for the morning) are tested by tests
that give `now`, so the rest pass at any hour CI runs them."""


def fresh(content, clock=None, strict=True, **options) -> EpisodeFlow:
    """An episode's flow not started yet: `start()` gives its first step."""
    clock = clock or FakeClock()
    options.setdefault("now", lambda: AFTERNOON)
    return EpisodeFlow(content, "back", "bed", 60, clock=clock, strict=strict, **options)


def make(content, clock=None, strict=True, **options) -> EpisodeFlow:
    """An episode's flow at its first step, the swollen-leg question."""
    flow = fresh(content, clock, strict, **options)
    flow.start()
    return flow


def held(seconds=60.0, ended="time", position="bed", added=0) -> HoldResult:
    return HoldResult(ended, 60, added, seconds, position)


def through_hold(flow, clock, answer="still", seconds=60.0):
    """Answer the current hold after `seconds`, then "has it eased?": the step after it."""
    assert isinstance(flow.current, Hold)
    clock.advance(seconds)
    flow.answer(flow.current, held(seconds))
    assert isinstance(flow.current, EasedQuestion)
    return flow.answer(flow.current, EasedAnswer(answer)).step
