"""Every theme the app ships gives text at least 4.5:1 (WCAG AA) on its background, in 16,
256 and true colour (#27 item 10), measured from the cells the app renders
(tests/support/contrast.py); and the theme the clock chooses is one of them.
At 16 colours the app runs as in a 16-colour terminal (its bold filter on: bold dark text
would show in its pale twin, as a real xterm showed the light theme's bold black grey on
white and the get-help panel's bold text grey on red, 1.0:1).
"""

from __future__ import annotations

import pytest

from screens.app.themes import THEMES
from screens.follow_up import FollowUp
from screens.red_flags import RedFlags
from screens.side_picker import SidePicker
from tests.support.app import coach_app
from tests.support.contrast import DEPTHS, rendered_cells, worst_text
from tests.support.pilot import past_safety_check, run_out, wait_for

AA = 4.5


async def screens_seen(content, clock, tmp_path, theme: str, sixteen: bool) -> dict[str, list]:
    """The cells of the screens an episode meets, in `theme`; `sixteen`: as the app draws
    them in a terminal of 16 colours."""
    shots = {}
    app = coach_app(content, clock=clock, theme=theme, data_dir=tmp_path / f"{theme}{sixteen}")
    app.bold_is_bright.enabled = sixteen
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        shots["first screen"] = rendered_cells(app)
        await pilot.press("b")
        await past_safety_check(pilot)
        await run_out(pilot, clock, 21)  # steps past, now, next and later all shown
        shots["hold"] = rendered_cells(app)
        await pilot.press("space")
        await pilot.pause()
        shots["paused"] = rendered_cells(app)
        await pilot.press("space")
        await run_out(pilot, clock, 40)
        shots["time's up"] = rendered_cells(app)
        await pilot.press("enter")
        await wait_for(pilot, FollowUp)
        shots["has it eased?"] = rendered_cells(app)
        await pilot.press("q")
        await wait_for(pilot, RedFlags)
        shots["before you go"] = rendered_cells(app)
    return shots


@pytest.mark.slow  # a whole-app walk per theme, 14 screens measured at three depths
@pytest.mark.parametrize("theme", [theme.name for theme in THEMES])
async def test_text_is_at_least_aa_in_every_theme_and_colour_depth(content, clock, tmp_path, theme):
    runs = {
        sixteen: await screens_seen(content, clock, tmp_path, theme, sixteen)
        for sixteen in (True, False)
    }
    failures = []
    for depth, system in DEPTHS.items():
        for screen, cells in runs[depth == "16"].items():
            worst = worst_text(cells, system)
            assert worst is not None
            if worst.ratio < AA:
                failures.append(f"{screen}, {depth} colours: {worst}")
    assert failures == []


@pytest.mark.parametrize("hour", [3, 12, 20])
def test_the_clock_starts_the_app_in_a_theme_measured_here(content, tmp_path, hour):
    """With no theme asked for or remembered, by night and by day: Textual's textual-dark,
    the day's theme before, read 1.0:1 at 16 colours (red footer keys on grey)."""
    app = coach_app(content, data_dir=tmp_path, hour=hour)
    assert app.theme in {theme.name for theme in THEMES}


@pytest.mark.parametrize(
    ("term", "colorterm", "on"),
    [("xterm", None, True), ("linux", None, True), ("xterm-256color", None, False),
     ("xterm", "truecolor", False)],
)  # fmt: skip
def test_the_bold_filter_is_on_only_in_a_terminal_of_16_colours(
    content, monkeypatch, tmp_path, term, colorterm, on
):
    monkeypatch.setenv("TERM", term)
    if colorterm is None:
        monkeypatch.delenv("COLORTERM", raising=False)
    else:
        monkeypatch.setenv("COLORTERM", colorterm)
    app = coach_app(content, data_dir=tmp_path)
    assert app.bold_is_bright.enabled is on
    assert (app.bold_is_bright in app.get_line_filters()) is on
