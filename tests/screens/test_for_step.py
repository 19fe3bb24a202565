"""Each step of the flow has its screen, loaded when it is first shown."""

from __future__ import annotations

import subprocess
import sys

import pytest

from coach.core.steps import (
    AfterCare,
    CauseQuestions,
    EasedQuestion,
    GetHelp,
    Hold,
    HoldResult,
    RoutineStep,
    SafetyQuestion,
    TipsStep,
    WhatNext,
    WhichSign,
)
from screens.app.for_step import screen_for
from tests.conftest import ROOT, FakeClock

LATER = [
    "after_care",
    "cause_check",
    "follow_up",
    "red_flags",
    "routine",
    "still_cramping",
    "tips",
    "which_sign",
]
"""The modules of the screens after the countdown of `calf-coach back`."""


class Host:
    def __init__(self, content) -> None:
        self.content = content
        self.region = content.regions["uk"]
        self.clock = FakeClock()
        self.ask_region = False
        self.notices: list[str] = []

    def notice_if_away(self, title: str, body: str) -> bool:
        self.notices.append(title)
        return False


@pytest.mark.parametrize(
    ("step", "module", "name"),
    [
        (SafetyQuestion("back"), "safety_check", "SafetyCheck"),
        (WhichSign("back"), "which_sign", "WhichSignScreen"),
        (Hold("back", "bed", 60, 1), "hold", "HoldScreen"),
        (EasedQuestion(HoldResult("time", 60, 0, 60.0, "bed")), "follow_up", "FollowUp"),
        (WhatNext("still", 1, 1.5, 10, True, True), "still_cramping", "StillCramping"),
        (GetHelp("clot", 10), "red_flags", "RedFlags"),
        (AfterCare("gone"), "after_care", "AfterCareScreen"),
        (CauseQuestions(("cold",)), "cause_check", "CauseCheck"),
        (TipsStep(("cold",)), "tips", "TipsScreen"),
        (RoutineStep(), "routine", "RoutineScreen"),
    ],
)
def test_each_step_is_shown_by_its_screen(content, step, module, name):
    host = Host(content)
    screen = screen_for(host, step)
    assert (type(screen).__module__, type(screen).__name__) == (f"screens.{module}", name)
    assert host.notices == (["Get help"] if isinstance(step, GetHelp) else [])


def test_the_countdown_of_back_is_drawn_without_the_screens_after_it(tmp_path):
    code = (
        "import asyncio, sys\n"
        "from tests.support.app import coach_app\n"
        "from screens.safety_check import SafetyCheck\n"
        f"app = coach_app(data_dir={str(tmp_path)!r}, side='back', hour=12)\n"
        "async def main():\n"
        "    async with app.run_test() as pilot:\n"
        "        while not isinstance(app.screen, SafetyCheck): await pilot.pause()\n"
        "        await pilot.pause()\n"
        "        print('screens.hold' in sys.modules)\n"
        "        await pilot.press('n')\n"
        "        while type(app.screen).__name__ != 'HoldScreen': await pilot.pause()\n"
        "        await pilot.pause()\n"
        "asyncio.run(main())\n"
        f"print(sorted(m for m in {[f'screens.{m}' for m in LATER]!r} if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, timeout=60, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "[]"]
