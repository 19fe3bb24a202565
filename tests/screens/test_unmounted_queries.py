"""#29 item 5's class: no screen queries what may not be mounted.

A signal (Ctrl+C, SIGTERM) can end the app in the moment a screen is put up, before its
children are mounted; a screen whose on_mount looked a child up by id then raised
NoMatches, the app ended with an error instead of its own code, and what the flow had
to say on the way out could be lost. Here each screen is pushed and the app told to end
in the same tick, the way the signal handler does it (shut_down) and the way Textual
ends it (exit)."""

from __future__ import annotations

from datetime import date

import pytest

from coach.core.steps import WhatNext
from screens.confirm_delete import ConfirmDeleteScreen
from screens.country import CountryPicker
from screens.help import HelpScreen
from screens.routine import RoutineScreen
from screens.side_picker import SidePicker
from screens.still_cramping import StillCramping
from screens.tips import TipsScreen
from tests.support.app import coach_app
from tests.support.pilot import SIZE, on

SCREENS = {
    "still cramping": lambda app, content, clock: StillCramping(
        content, WhatNext("still", 2, 3.0, 10, True, True)
    ),
    "tips": lambda app, content, clock: TipsScreen(content, ("cold", "rest")),
    "tips browser": lambda app, content, clock: TipsScreen(content, ()),
    "routine": lambda app, content, clock: RoutineScreen(content.routine, clock),
    "help": lambda app, content, clock: HelpScreen(app.screen, content, app.data_dir),
    "country": lambda app, content, clock: CountryPicker(content, app.region.id),
    "confirm delete": lambda app, content, clock: ConfirmDeleteScreen("Delete this episode?"),
    "first screen": lambda app, content, clock: SidePicker(content, app.region, first_run=True),
    "first screen asking about last night": lambda app, content, clock: with_checkin(
        SidePicker(content, app.region, first_run=True)
    ),
}


def with_checkin(picker: SidePicker) -> SidePicker:
    """The morning check-in asked for before the screen is mounted, as the app may."""
    picker.ask_checkin(date(2026, 12, 4))
    return picker


@pytest.mark.parametrize("ending", ["signal", "exit"])
@pytest.mark.parametrize("name", SCREENS)
async def test_ending_the_app_as_a_screen_is_put_up_never_crashes(content, clock, name, ending):
    app = coach_app(content, region="uk", clock=clock, hour=12)
    async with app.run_test(size=SIZE) as pilot:
        await on(pilot, "SidePicker")
        app.push_screen(SCREENS[name](app, content, clock))
        if ending == "signal":
            app.shut_down(143)
        else:
            app.exit(return_code=143)
        await pilot.pause()
    assert app.return_code == 143


FOCUSED = {
    "still cramping": "hold",
    "tips": "tips",
    "help": "help",
    "country": "countries",
    "confirm delete": "no",
    "first screen": "back",
}
"""What each screen focuses when it is put up as usual: kept widgets, the same focus."""


@pytest.mark.parametrize("name", FOCUSED)
async def test_a_screen_put_up_as_usual_focuses_the_same_answer(content, clock, name):
    app = coach_app(content, region="uk", clock=clock, hour=12)
    async with app.run_test(size=SIZE) as pilot:
        await on(pilot, "SidePicker")
        screen = SCREENS[name](app, content, clock)
        app.push_screen(screen)
        await on(pilot, type(screen).__name__)
        assert app.focused is not None and app.focused.id == FOCUSED[name]
