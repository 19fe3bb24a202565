"""Every theme gives text at least 4.5:1 (WCAG AA) on its background, in 16, 256 and true
colour (#27 item 10), measured from the cells the app renders (tests/support/contrast.py).
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


async def screens_seen(content, clock, tmp_path, theme: str) -> dict[str, list]:
    """The cells of the screens an episode meets, in `theme`."""
    shots = {}
    app = coach_app(content, clock=clock, theme=theme, data_dir=tmp_path / theme)
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


@pytest.mark.parametrize("theme", [theme.name for theme in THEMES])
async def test_text_is_at_least_aa_in_every_theme_and_colour_depth(content, clock, tmp_path, theme):
    shots = await screens_seen(content, clock, tmp_path, theme)
    failures = []
    for screen, cells in shots.items():
        for depth, system in DEPTHS.items():
            worst = worst_text(cells, system)
            assert worst is not None
            if worst.ratio < AA:
                failures.append(f"{screen}, {depth} colours: {worst}")
    assert failures == []
