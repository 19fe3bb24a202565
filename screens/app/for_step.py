"""Which screen shows each step of the flow: one step type, one screen.

Screens are imported when first shown, so `calf-coach back` draws its countdown
without loading the screens of the questions after it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from coach.core.steps import (
    AfterCare,
    CauseQuestions,
    EasedQuestion,
    GetHelp,
    Hold,
    RoutineStep,
    SafetyQuestion,
    Step,
    TipsStep,
    WhatNext,
)

if TYPE_CHECKING:
    from textual.screen import Screen

    from coach.content.model import Content, Region
    from coach.core.timer import Clock


class StepHost(Protocol):
    """What a step's screen needs from the app that shows it (the app is one)."""

    content: Content
    region: Region
    clock: Clock

    def notice_if_away(self, title: str, body: str) -> None: ...


def _safety(app: StepHost, step: SafetyQuestion) -> Screen:
    from screens.safety_check import SafetyCheck

    return SafetyCheck(step, app.region)


def _hold(app: StepHost, step: Hold) -> Screen:
    from screens.hold import HoldScreen

    return HoldScreen(app.content, step, app.clock)


def _eased(app: StepHost, step: EasedQuestion) -> Screen:
    from screens.follow_up import FollowUp

    return FollowUp(step)


def _what_next(app: StepHost, step: WhatNext) -> Screen:
    from screens.still_cramping import StillCramping

    return StillCramping(app.content, step)


def _get_help(app: StepHost, step: GetHelp) -> Screen:
    from coach.core.i18n import t
    from screens.red_flags import RedFlags

    # The escalation: a desktop notice too, if the terminal is behind another window.
    app.notice_if_away(t("Get help"), t("See the screen: when to get medical help."))
    return RedFlags(app.content, app.region, step)


def _after_care(app: StepHost, step: AfterCare) -> Screen:
    from screens.after_care import AfterCareScreen

    return AfterCareScreen(step, app.region)


def _causes(app: StepHost, step: CauseQuestions) -> Screen:
    from screens.cause_check import CauseCheck

    return CauseCheck(app.content, step)


def _tips(app: StepHost, step: TipsStep) -> Screen:
    from screens.tips import TipsScreen

    return TipsScreen(app.content, step.cause_ids)


def _routine(app: StepHost, step: RoutineStep) -> Screen:
    from screens.routine import RoutineScreen

    return RoutineScreen(app.content.routine, app.clock, step.version)


SCREENS: dict[type, Callable[[StepHost, object], Screen]] = {
    SafetyQuestion: _safety,  # type: ignore[dict-item]
    Hold: _hold,  # type: ignore[dict-item]
    EasedQuestion: _eased,  # type: ignore[dict-item]
    WhatNext: _what_next,  # type: ignore[dict-item]
    GetHelp: _get_help,  # type: ignore[dict-item]
    AfterCare: _after_care,  # type: ignore[dict-item]
    CauseQuestions: _causes,  # type: ignore[dict-item]
    TipsStep: _tips,  # type: ignore[dict-item]
    RoutineStep: _routine,  # type: ignore[dict-item]
}


def screen_for(app: StepHost, step: Step) -> Screen:
    return SCREENS[type(step)](app, step)
