"""Issue 6: every screen at common terminal sizes, and a clear message below the minimum.

One app per screen is driven there at 80x24, then the terminal is resized through the
sizes; after each resize the screen's essentials must be on screen (fully inside the
terminal and not scrolled away), read both from widget geometry and from the text a
person would see.
"""

from __future__ import annotations

import pytest
from textual.widgets import Digits

from screens.app.shell import make_app
from screens.hold import clock_text
from tests.conftest import FakeClock
from tests.support.robust_support import flat, fully_shown, opening_words, screen_text
from tests.support.routes import ROUTES, name_of
from tests.support.stores import seed_history

pytestmark = pytest.mark.slow

SIZES = [(40, 12), (60, 20), (80, 24), (120, 40), (200, 60)]
TOO_SMALL = [(39, 12), (40, 11), (30, 10), (20, 8)]
"""The hold screens are checked 23 s into a 60 s hold: 0:37 left, second step current."""


def essentials(app, content) -> list[tuple[str, object]]:
    """(what, widget or text) pairs that must be visible on the current screen."""
    screen = app.screen
    name = type(screen).__name__
    one = screen.query_one
    if name == "SidePicker":
        return [
            ("question", one("#question")),
            (content.guides["back"].label, one("#back")),
            (content.guides["front"].label, one("#front")),
            ("Not sure", one("#not-sure")),
        ]
    if name == "HoldScreen":
        left = clock_text(screen.timer.seconds_left())
        steps = screen.query_one("#steps")
        step = (steps, steps.current_region)
        # The words, clock and bar are one widget (screens/widgets/countdown_face.py)
        return [
            ("time left", one("#countdown")),
            ("how to switch position", one("#positions")),
            (f"HOLD the stretch: {left} left", f"HOLD the stretch: {left} left"),
            ("current step", step),
            ("current step text", opening_words(screen.steps[screen.current_step()].text)),
        ]
    if name == "RoutineScreen":
        return [("time left (Digits)", one("#routine-left", Digits)), ("now", one("#routine-now"))]
    if name == "SafetyCheck":
        return [("question", one("#safety-question")), ("no", one("#no")), ("yes", one("#yes"))]
    if name == "FollowUp":
        return [("gone", one("#gone")), ("somewhat", one("#somewhat")), ("still", one("#still"))]
    if name == "StillCramping":
        return [("hold again", one("#hold")), ("Still cramping.", "Still cramping.")]
    if name == "CauseCheck":
        return [("question", one("#cause-question")), ("count", one("#cause-count"))]
    if name == "RedFlags":
        if screen.step is not None:  # the end of an episode: what to do, and the number
            return [("first line", one("#red-flag-reason")), ("number", screen.numbers.emergency)]
        return [("Emergency: number", "Emergency: "), ("When to get help", "When to get help")]
    if name == "AfterCareScreen":
        return [("carry on", one("#carry-on")), ("carry on drawn", "Carry on:")]
    if name == "TipsScreen":
        first = screen.query(".section").first()
        return [("first section", first)]
    if name == "HelpScreen":
        return [("keys list", one("#keys-list"))]
    if name == "HistoryScreen":
        return [("summary", one("#summary")), ("Episodes tab", "Episodes")]
    if name == "ConfirmDeleteScreen":
        return [("question", one("#question")), ("no", one("#no")), ("yes", one("#yes"))]
    if name == "NotSure":
        return [("How to tell", "How to tell")]
    raise AssertionError(f"no essentials listed for {name}")


def problems_at(app, content, size) -> list[str]:
    text = screen_text(app)
    seen = flat(text)
    found = []
    for what, target in essentials(app, content):
        if isinstance(target, str):
            if flat(target) not in seen:
                found.append(f"{what!r} not in the screen text")
        elif not fully_shown(target):
            found.append(f"{what} not fully on screen ({target!r})")
    if found:
        found.append("screen:\n" + text)
    return [f"{name_of(app)} at {size[0]}x{size[1]}: {p}" for p in found]


@pytest.mark.parametrize("screen", list(ROUTES))
async def test_every_screen_shows_its_essentials_at_common_sizes(content, tmp_path, screen):
    start, route = ROUTES[screen]
    if start == "history":
        seed_history(tmp_path)
    clock = FakeClock()
    app = make_app(content, data_dir=tmp_path, clock=clock, start=start)
    problems = []
    async with app.run_test(size=(80, 24)) as pilot:
        await route(pilot, clock)
        expected = name_of(app)
        for size in SIZES:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert name_of(app) == expected, f"resizing to {size} left {expected}"
            problems += problems_at(app, content, size)
    # Found here first: the delete dialog cut its "No, keep it (n)" button at 40 columns.
    assert not problems, "\n".join(problems)


def too_small_text(app) -> str:
    widgets = app.screen.query("#too-small")
    assert widgets, f"{name_of(app)} has no #too-small widget"
    widget = widgets.first()
    assert fully_shown(widget), f"#too-small is not on screen (region {widget.region})"
    return flat(str(widget.render()))


@pytest.mark.parametrize("screen", ["picker", "hold", "routine", "red-flags"])
async def test_below_the_minimum_a_clear_message_keeps_the_time(content, tmp_path, screen):
    start, route = ROUTES[screen]
    clock = FakeClock()
    app = make_app(content, data_dir=tmp_path, clock=clock, start=start)
    async with app.run_test(size=(80, 24)) as pilot:
        await route(pilot, clock)
        for size in TOO_SMALL:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            message = too_small_text(app)
            assert "larger" in message.lower(), (size, message)
            timer = getattr(app.screen, "timer", None)
            if timer is not None:  # a countdown on top: its time left stays in view
                left = clock_text(timer.seconds_left())
                assert left in message, (size, message)
                assert left in flat(screen_text(app)), size
        # Back to a normal size, the message goes and the screen is whole again.
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not fully_shown(app.screen.query_one("#too-small"))
        assert not problems_at(app, content, (80, 24))
