"""Which country: from --region, the person's earlier choice, the locale, or asked once."""

from __future__ import annotations

import io
import json

from coach.core.choices import resolve
from coach.plain.driver import PlainCoach
from coach.store.recorder import Recorder
from coach.store.settings import Settings, load_settings
from screens.app.shell import make_app
from screens.country import CountryPicker
from screens.red_flags import RedFlags
from screens.side_picker import SidePicker
from tests.conftest import FakeClock
from tests.support.pilot import statics_text, wait_for


def test_the_shipped_regions_come_from_the_command_line_then_the_choice_then_the_locale(
    content,
):
    def region(asked, remembered, environ):
        kept = Settings(region=remembered)
        chosen = resolve(kept, content.regions, environ, lang="en", region=asked)
        return chosen.region, chosen.ask_region

    gb = {"LANG": "en_GB.UTF-8"}
    assert region("us", "au", gb) == ("us", False)
    assert region(None, "au", gb) == ("au", False)
    assert region(None, None, gb) == ("uk", False)
    assert region(None, None, {"LANG": "de_CH.UTF-8"}) == ("ch", False)
    for no_country in ({"LANG": "C.UTF-8"}, {"LANG": "POSIX"}, {}, {"LANG": "en_XX.UTF-8"}):
        assert region(None, None, no_country) == ("default", True)
    assert region(None, "nonsense", {"LANG": "C"}) == ("default", True)


async def test_no_country_in_the_locale_asks_once_on_the_first_screen(content, tmp_path):
    app = make_app(content, data_dir=tmp_path, clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        assert "Which country are you in?" in statics_text(app)
        await pilot.pause()
        await pilot.press("c")
        await wait_for(pilot, CountryPicker)
        await pilot.pause()
        countries = [rid for rid in content.regions if rid != "default"]
        await pilot.press(*["down"] * countries.index("uk"), "enter")
        await wait_for(pilot, SidePicker)
        assert "Which country are you in?" not in statics_text(app)
        await pilot.pause()
        await pilot.press("exclamation_mark")
        await wait_for(pilot, RedFlags)
        text = statics_text(app)
        assert "Emergency: 999" in text and "Numbers for: United Kingdom" in text
    assert json.loads((tmp_path / "settings.json").read_text())["region"] == "uk"
    again = make_app(content, data_dir=tmp_path, clock=FakeClock())
    async with again.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        assert "Which country are you in?" not in statics_text(again)
        assert again.region.emergency == "999"


async def test_a_known_locale_or_region_asks_nothing(content, tmp_path, monkeypatch):
    monkeypatch.setenv("LANG", "en_AU.UTF-8")
    app = make_app(content, data_dir=tmp_path, clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        assert "Which country" not in statics_text(app)
        assert app.region.id == "au"


def test_plain_mode_offers_the_country_beside_the_first_question_and_keeps_it(content, tmp_path):
    out = io.StringIO()
    uk = str([rid for rid in content.regions if rid != "default"].index("uk") + 1)
    coach = PlainCoach(
        content,
        recorder=Recorder(tmp_path),
        prefs=load_settings(tmp_path),
        region=content.regions["default"],
        stdin=io.StringIO(f"e\n{uk}\nq\n"),
        stdout=out,
        clock=FakeClock(),
        ask_region=True,
    )
    assert coach.run() == 0
    text = out.getvalue()
    assert text.index("Where is the cramp?") < text.index("Which country are you in?")
    assert "(e) Your country" in text.split("Which country")[0]
    assert "(e) Your country" not in text.split("Which country")[1]  # asked once
    assert load_settings(tmp_path).settings.region == "uk"


def test_the_red_flags_command_uses_the_country_chosen_in_the_app(tmp_path):
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    (tmp_path / "settings.json").write_text(json.dumps({"region": "us"}))
    env = {**os.environ, "CALF_COACH_HOME": str(tmp_path), "LANG": "C.UTF-8"}
    out = subprocess.run(
        [sys.executable, "-m", "coach", "red-flags"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert "Emergency: 911" in out.stdout and "--region" in out.stdout
