"""When style sheets are parsed: the first screen's before the first frame, an episode's
while that screen is read, so neither the first frame nor a key waits for a parse."""

from __future__ import annotations

import pytest
from textual.css.stylesheet import Stylesheet

from screens.app.shell import make_app
from screens.app.style_files import EPISODE, first_styles, style_file
from screens.follow_up import FollowUp
from screens.hold import HoldScreen
from screens.safety_check import SafetyCheck
from screens.side_picker import SidePicker
from tests.support.pilot import run_out, wait_for


def sheets(app) -> set[str]:
    return {path for path, class_var in app.stylesheet.source if path.endswith(".tcss")}


@pytest.fixture
def reparses(monkeypatch) -> list[int]:
    counted: list[int] = []
    reparse = Stylesheet.reparse
    monkeypatch.setattr(Stylesheet, "reparse", lambda self: (counted.append(1), reparse(self))[1])
    return counted


def test_a_start_parses_only_its_first_screen_with_the_app(content, tmp_path) -> None:
    for start, first in (
        (None, "side_picker"),
        ("back", "safety_check"),
        ("front", "safety_check"),
        ("history", "history"),
        ("routine", None),
    ):
        app = make_app(content, data_dir=tmp_path, start=start)
        names = {path.name for path in app.css_path}
        assert names == {"app.tcss"} | ({f"{first}.tcss"} if first else set()), start
        assert [str(p) for p in first_styles(start)] == [str(style_file(f"{first}.tcss"))] * bool(
            first
        )
        app.recorder.close()


@pytest.mark.parametrize("side", ["back", None])
async def test_an_episode_meets_no_parse_once_the_first_screen_is_up(
    content, clock, tmp_path, reparses, side
) -> None:
    """Textual reparses every source when a pushed screen's file is new. Read (with
    `parse`, which parses only the new files: parse_style_files) after the first frame,
    the question, the hold and the question after it push none, and nothing reparses."""
    app = make_app(content, data_dir=tmp_path, clock=clock, side=side, hold_seconds=5)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SafetyCheck if side else SidePicker)
        await pilot.pause()
        assert {str(style_file(name)) for name in EPISODE} <= sheets(app)
        parsed_at_start = len(reparses)
        if side is None:
            await pilot.press("b")
            await wait_for(pilot, SafetyCheck)
        await pilot.press("n")
        await wait_for(pilot, HoldScreen)
        await run_out(pilot, clock, 6)
        await pilot.press("enter")  # TIME'S UP waits for a key
        await wait_for(pilot, FollowUp)
        assert len(reparses) == parsed_at_start == 0


@pytest.mark.parametrize("start", [None, "history"])
async def test_the_first_screen_has_its_styles_at_its_first_frame_without_a_reparse(
    content, tmp_path, monkeypatch, reparses, start
) -> None:
    """Textual reads a pushed screen's CSS_PATH, but not that of the app's own first
    screen (`get_default_screen`): its file is parsed with the app's (first_styles), so
    the first frame has its styles and no style sheet is parsed twice on the way."""
    from screens.history import HistoryScreen

    first = SidePicker if start is None else HistoryScreen
    at_first_frame: list[tuple[int, bool]] = []

    def started() -> None:
        own = str(style_file(f"{first.__module__.rpartition('.')[2]}.tcss"))
        at_first_frame.append((len(reparses), app.stylesheet.has_source(own, "")))

    app = make_app(content, data_dir=tmp_path, start=start)
    monkeypatch.setattr(app, "started", started)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, first)
        await pilot.pause()
        assert at_first_frame == [(0, True)]
        if start is None:
            assert app.screen.styles.align_horizontal == "center"  # side_picker.tcss


async def test_a_pushed_screen_with_a_new_file_is_styled_with_it(content, tmp_path) -> None:
    """The skip is the first screen's only: the country picker's file is parsed after
    it is registered, and its second styling is what centres it."""
    from screens.country import CountryPicker

    app = make_app(content, data_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        app.action_choose_region()
        await wait_for(pilot, CountryPicker)
        await pilot.pause()
        assert app.screen.styles.align_horizontal == "center"
