"""Flows driven by hand in unit tests: made with a fake clock, held and answered."""

from __future__ import annotations

from coach.core.flow import EpisodeFlow
from coach.core.steps import (
    EasedAnswer,
    EasedQuestion,
    Hold,
    HoldResult,
)
from tests.conftest import FakeClock


def make(content, clock=None, **options) -> EpisodeFlow:
    return EpisodeFlow(content, "back", "bed", 60, clock=clock or FakeClock(), **options)


def held(seconds=60.0, ended="time", position="bed", added=0) -> HoldResult:
    return HoldResult(ended, 60, added, seconds, position)


def through_hold(flow, clock, answer="still", seconds=60.0):
    """Answer the current hold after `seconds`, then "has it eased?"."""
    assert isinstance(flow.current, Hold)
    clock.advance(seconds)
    flow.answer(flow.current, held(seconds))
    assert isinstance(flow.current, EasedQuestion)
    return flow.answer(flow.current, EasedAnswer(answer))
