"""Driving the app with Pilot: waiting for a screen, walking past the safety question,
reading the footer."""

from __future__ import annotations

import asyncio

from textual.widgets import Static

from coach.content.load import load
from screens.hold import HoldScreen
from screens.safety_check import SafetyCheck
from screens.widgets.key_footer import KeyFooter
from tests.conftest import ROOT, FakeClock
from tests.support.app import coach_app


def footer_keys(app) -> str:
    """The footer as drawn: each key and its label."""
    return app.screen.query_one(KeyFooter).text


async def wait_for(pilot, screen_type) -> None:
    for _ in range(50):
        await pilot.pause()
        if isinstance(pilot.app.screen, screen_type):
            return
    raise AssertionError(f"{screen_type.__name__} never shown; on {pilot.app.screen!r}")


async def diary_read(pilot) -> None:
    """Wait for the diary's read of the record (a thread of its own:
    screens/app/diary_driver.py) and what it handed back, then for the screen to show it."""
    diary = getattr(pilot.app, "diary", None)  # None: a test host with no diary
    reading = diary and diary.reading
    if reading is not None:
        await asyncio.wrap_future(reading)
    await pilot.pause()


async def past_safety_check(pilot) -> None:
    await wait_for(pilot, SafetyCheck)
    await pilot.press("n")
    await wait_for(pilot, HoldScreen)


async def run_out(pilot, clock, seconds: float) -> None:
    clock.advance(seconds)
    pilot.app.screen.tick()
    await pilot.pause()


SIZE = (80, 24)


async def on(pilot, screen_name: str, *keys: str) -> None:
    """Wait until `screen_name` is on top, then press `keys`: a key pressed before its
    screen is up is dropped on purpose (screens/base.py)."""
    for _ in range(100):
        await pilot.pause()
        if type(pilot.app.screen).__name__ == screen_name and pilot.app.screen.is_mounted:
            break
    else:
        raise AssertionError(f"{screen_name} never shown; on {pilot.app.screen!r}")
    await pilot.press(*keys)
    await pilot.pause()


def app_with_clock(**options):
    clock = FakeClock()
    options.setdefault("hour", 12)  # daytime: the default theme, not the night one
    return coach_app(load(ROOT / "content"), clock=clock, **options), clock


def statics_text(app) -> str:
    """The text of every Static on the current screen, one per line."""
    return "\n".join(str(s.render()) for s in app.screen.query(Static))


def record_notices(app) -> list[str]:
    """The notices the app is asked to show, in order, in the list returned, which fills
    as the app runs. Screens' notices go through `app.notify` too. Call it before the
    app runs: what the app found while starting is shown as it mounts."""
    shown: list[str] = []
    notify = app.notify

    def recorded(message: str, *args, **kwargs):
        shown.append(message)
        return notify(message, *args, **kwargs)

    app.notify = recorded
    return shown
