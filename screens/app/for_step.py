"""Which screen shows each step of the flow: one step type, one screen.

Each screen's module is imported when the screen is first shown, as Textual's own
`textual.widgets` loads a widget's module when it is first used: `calf-coach back`
draws its countdown without loading the screens of the questions after it.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any, Protocol

from textual.screen import Screen

from coach.content.model import Content, Region
from coach.core.i18n import t
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
    WhichSign,
)

if TYPE_CHECKING:  # type-only: the timer loads with the hold, not the first question
    from coach.core.timer import Clock


class StepHost(Protocol):
    """What a step's screen needs from the app that shows it (the app is one)."""

    content: Content
    region: Region
    clock: Clock
    ask_region: bool

    def notice_if_away(self, title: str, body: str) -> object: ...


def screen(module: str, name: str) -> Any:
    """The screen class `name` of `screens.<module>`, imported now if it is not yet."""
    return getattr(import_module(f"screens.{module}"), name)


def screen_for(host: StepHost, step: Step) -> Screen[Any]:
    """The screen that shows `step`, given what it needs from the app."""
    match step:
        case SafetyQuestion():
            return screen("safety_check", "SafetyCheck")(step, host.region, host.ask_region)
        case WhichSign():
            return screen("which_sign", "WhichSignScreen")(step)
        case Hold():
            return screen("hold", "HoldScreen")(host.content, step, host.clock)
        case EasedQuestion():
            return screen("follow_up", "FollowUp")(step)
        case WhatNext():
            return screen("still_cramping", "StillCramping")(host.content, step)
        case GetHelp():
            # The escalation: a desktop notice too, if the terminal is behind another window.
            host.notice_if_away(t("Get help"), t("See the screen: when to get medical help."))
            return screen("red_flags", "RedFlags")(host.content, host.region, step)
        case AfterCare():
            return screen("after_care", "AfterCareScreen")(step, host.region)
        case CauseQuestions():
            return screen("cause_check", "CauseCheck")(host.content, step)
        case TipsStep():
            return screen("tips", "TipsScreen")(host.content, step.cause_ids)
        case RoutineStep():
            routine = host.content.routine
            return screen("routine", "RoutineScreen")(routine, host.clock, step.version, step.night)
