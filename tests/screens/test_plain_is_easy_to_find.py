"""Plain mode, the screen-reader path, is named where a new user looks first: the
first screen and `--help` (#27 item 5)."""

from __future__ import annotations

from coach.cli_args import build_parser
from screens.app.shell import make_app
from screens.side_picker import SidePicker
from tests.conftest import FakeClock
from tests.support.pilot import statics_text, wait_for

HINT = "Screen reader? Run calf-coach --plain"


async def test_the_first_screen_names_plain_mode(content, tmp_path):
    app = make_app(content, data_dir=tmp_path, clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        text = statics_text(app)
        assert text.index("Where is the cramp?") < text.index(HINT)
        assert app.screen.query_one("#plain-hint").region.height == 1  # on screen


def test_help_names_plain_mode_for_screen_readers():
    assert HINT in " ".join(build_parser().format_help().split())
