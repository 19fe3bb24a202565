"""--region, --voice and --theme reach the face that runs and are remembered for the
next start; a theme the app does not have is said once and kept out of the settings."""

from __future__ import annotations

import json

from screens.side_picker import SidePicker
from tests.support.app import coach_app
from tests.support.pilot import wait_for
from tests.support.robust_support import coach_env, no_traceback, run_coach


async def test_the_app_uses_the_command_line_and_remembers_it_after_the_first_frame(
    content, clock, tmp_path
):
    (tmp_path / "settings.json").write_text(json.dumps({"position": "sitting"}))
    app = coach_app(
        content, region="us", voice=True, theme="light", data_dir=tmp_path, clock=clock, hour=3
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        assert app.region.id == "us" and not app.ask_region
        assert app.voice.on and app.theme == "light"
        await pilot.pause()
    saved = json.loads((tmp_path / "settings.json").read_text())
    assert saved == {
        "position": "sitting",
        "disclaimer_seen": True,
        "theme": "light",
        "region": "us",
        "voice": True,
    }
    later = coach_app(content, data_dir=tmp_path, clock=clock, hour=3)
    assert later.region.id == "us" and later.voice.on
    async with later.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        assert later.theme == "light"


async def test_the_day_theme_is_asked_for_by_name_at_night_and_remembered(content, clock, tmp_path):
    app = coach_app(content, theme="day", data_dir=tmp_path, clock=clock, hour=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        assert app.theme == "day"
        await pilot.pause()
    assert json.loads((tmp_path / "settings.json").read_text())["theme"] == "day"


async def test_an_unknown_theme_is_said_the_clock_decides_and_nothing_is_kept(
    content, clock, tmp_path
):
    (tmp_path / "settings.json").write_text(json.dumps({"theme": "light"}))
    app = coach_app(content, theme="bogus", data_dir=tmp_path, clock=clock, hour=23)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_for(pilot, SidePicker)
        await pilot.pause()
        notes = [n.message for n in app._notifications]
        assert "Unknown theme 'bogus'; using night. Try day, night or light." in notes
        assert app.theme == "night"
    assert json.loads((tmp_path / "settings.json").read_text())["theme"] == "light"


def test_plain_mode_uses_the_command_line_and_remembers_it(tmp_path):
    env = coach_env(tmp_path)
    out = run_coach(["--plain", "--region", "uk", "--voice"], env, stdin="q\n")
    assert out.returncode == 0 and no_traceback(out.stderr), out.stderr
    assert "999" in out.stdout  # the country's numbers in the safety net
    saved = json.loads((tmp_path / "data" / "settings.json").read_text())
    assert saved["region"] == "uk" and saved["voice"] is True
