"""Pilot routes to every screen of the app, each from a fresh start: for the size and
monkey tests, which visit them all."""

from __future__ import annotations

from tests.support.robust_support import wait_until

HOLD_SECONDS_IN = 23


def name_of(app) -> str:
    return type(app.screen).__name__


async def on(pilot, name: str) -> None:
    app = pilot.app
    await wait_until(pilot, lambda: name_of(app) == name and app.screen.is_mounted, f"{name} shown")
    await pilot.pause()  # a key pressed before its screen is up is dropped on purpose


async def to_hold(pilot, clock) -> None:
    await on(pilot, "SafetyCheck")
    await pilot.press("n")
    await on(pilot, "HoldScreen")
    clock.advance(HOLD_SECONDS_IN)
    pilot.app.screen.tick()
    await pilot.pause()


async def to_follow_up(pilot, clock) -> None:
    await to_hold(pilot, clock)
    await pilot.press("d")
    await on(pilot, "FollowUp")


async def to_cause_check(pilot, clock) -> None:
    await to_follow_up(pilot, clock)
    await pilot.press("y")
    await on(pilot, "AfterCareScreen")
    await pilot.press("c")
    await on(pilot, "CauseCheck")


# Each route: make_app start, then steps to reach the screen.
async def route_picker(pilot, clock):
    await on(pilot, "SidePicker")


async def route_not_sure(pilot, clock):
    await on(pilot, "SidePicker")
    await pilot.press("n")
    await on(pilot, "NotSure")


async def route_safety(pilot, clock):
    await on(pilot, "SafetyCheck")


async def route_still(pilot, clock):
    await to_follow_up(pilot, clock)
    await pilot.press("n")
    await on(pilot, "StillCramping")


async def route_after_care(pilot, clock):
    await to_follow_up(pilot, clock)
    await pilot.press("y")
    await on(pilot, "AfterCareScreen")


async def route_safety_net(pilot, clock):
    await to_hold(pilot, clock)
    await pilot.press("q")
    await on(pilot, "RedFlags")


async def route_tips(pilot, clock):
    await to_cause_check(pilot, clock)
    await pilot.press("y", "q")  # the first cause fits; skip the rest
    await on(pilot, "TipsScreen")


async def route_red_flags(pilot, clock):
    await to_hold(pilot, clock)
    await pilot.press("exclamation_mark")
    await on(pilot, "RedFlags")


async def route_help(pilot, clock):
    await to_hold(pilot, clock)
    await pilot.press("question_mark")
    await on(pilot, "HelpScreen")


async def route_routine(pilot, clock):
    await on(pilot, "RoutineScreen")
    clock.advance(HOLD_SECONDS_IN)
    pilot.app.screen.tick()
    await pilot.pause()


async def route_history(pilot, clock):
    await on(pilot, "HistoryScreen")


async def route_confirm_delete(pilot, clock):
    await on(pilot, "HistoryScreen")
    await pilot.press("d")
    await on(pilot, "ConfirmDeleteScreen")


ROUTES = {
    "picker": (None, route_picker),
    "not-sure": (None, route_not_sure),
    "safety-check": ("back", route_safety),
    "hold": ("back", to_hold),
    "follow-up": ("back", to_follow_up),
    "still-cramping": ("back", route_still),
    "after-care": ("back", route_after_care),
    "safety-net": ("back", route_safety_net),
    "cause-check": ("back", to_cause_check),
    "tips": ("back", route_tips),
    "red-flags": ("back", route_red_flags),
    "help": ("back", route_help),
    "routine": ("routine", route_routine),
    "history": ("history", route_history),
    "confirm-delete": ("history", route_confirm_delete),
}
