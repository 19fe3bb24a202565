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
from screens.safety_check import SafetyCheck
from screens.side_picker import SidePicker
from tests.conftest import FakeClock
from tests.support.pilot import diary_read, statics_text, wait_for


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
    assert region(None, None, gb) == ("uk", True)  # the locale's: confirmed once
    assert region(None, None, {"LANG": "de_CH.UTF-8"}) == ("ch", True)
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
        await pilot.press(*["down"] * (countries.index("uk") + 1), "enter")  # none marked
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


async def test_the_country_dialog_opens_with_nothing_chosen_and_enter_does_nothing(
    content, tmp_path
):
    """A stray Enter (or Ctrl+P, then Enter) must not save a country for good."""
    from textual.widgets import OptionList

    app = make_app(content, data_dir=tmp_path, clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        await pilot.pause()
        await pilot.press("c")
        await wait_for(pilot, CountryPicker)
        await pilot.pause()
        assert app.screen.query_one(OptionList).highlighted is None
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CountryPicker)
        assert app.region.id == "default" and app.ask_region
    assert not (tmp_path / "settings.json").exists() or (
        json.loads((tmp_path / "settings.json").read_text()).get("region") is None
    )


async def test_typing_in_the_country_dialog_narrows_the_list(content, tmp_path):
    from textual.widgets import OptionList

    app = make_app(content, data_dir=tmp_path, clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        await pilot.pause()
        await pilot.press("c")
        await wait_for(pilot, CountryPicker)
        await pilot.pause()
        countries = app.screen.query_one(OptionList)
        await pilot.press(*"999")
        await pilot.pause()
        shown = [countries.get_option_at_index(i).id for i in range(countries.option_count)]
        assert set(shown) == {"uk", "ie", "hk"}
        await pilot.press("backspace", "backspace", "backspace", *"ZEALAND")
        await pilot.pause()
        assert countries.option_count == 1 and countries.highlighted == 0
        await pilot.press("enter")
        await wait_for(pilot, SidePicker)
        assert app.region.id == "nz"
    assert json.loads((tmp_path / "settings.json").read_text())["region"] == "nz"


async def test_a_country_chosen_before_asks_nothing(content, tmp_path, monkeypatch):
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    (tmp_path / "settings.json").write_text(json.dumps({"region": "au"}))
    app = make_app(content, data_dir=tmp_path, clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        assert "Which country" not in statics_text(app)
        assert "Numbers for" not in statics_text(app)
        assert app.region.id == "au"


async def test_the_locales_country_is_confirmed_once_beside_the_first_question(
    content, tmp_path, monkeypatch
):
    """en_US.UTF-8 on a first run: "Numbers for: United States (911). Right?" beside
    "Where is the cramp?"; `y` keeps it, for good."""
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    app = make_app(content, data_dir=tmp_path, clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        text = statics_text(app)
        assert text.index("Where is the cramp?") < text.index(
            "Numbers for: United States (911). Right? y yes, c change."
        )
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert "Numbers for" not in statics_text(app)
        assert isinstance(app.screen, SidePicker)
    assert json.loads((tmp_path / "settings.json").read_text())["region"] == "us"
    again = make_app(content, data_dir=tmp_path, clock=FakeClock())
    async with again.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        assert "Numbers for" not in statics_text(again)


async def test_c_changes_the_locales_country(content, tmp_path, monkeypatch):
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    app = make_app(content, data_dir=tmp_path, clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        await pilot.pause()
        await pilot.press("c")
        await wait_for(pilot, CountryPicker)
        await pilot.pause()
        await pilot.press(*"united k", "enter")
        await wait_for(pilot, SidePicker)
        assert "Numbers for" not in statics_text(app)
        assert app.region.emergency == "999"
    assert json.loads((tmp_path / "settings.json").read_text())["region"] == "uk"


async def test_the_first_key_still_starts_the_stretch_and_the_question_waits(
    content, tmp_path, monkeypatch
):
    """Someone in pain on a first run presses b at once: the stretch is not delayed by
    the country; it is asked again when they come back, until answered."""
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    app = make_app(content, data_dir=tmp_path, clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        await pilot.pause()
        await pilot.press("b")
        await wait_for(pilot, SafetyCheck)
        assert app.ask_region
    assert "region" not in json.loads((tmp_path / "settings.json").read_text()) or (
        json.loads((tmp_path / "settings.json").read_text())["region"] is None
    )
    again = make_app(content, data_dir=tmp_path, clock=FakeClock())
    async with again.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        assert "Numbers for: United States (911). Right?" in statics_text(again)


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


def plain_first_run(content, tmp_path, answers: str) -> tuple[str, PlainCoach]:
    """Plain mode on a first run with LANG=en_US.UTF-8 (as run_plain makes it)."""
    from coach.core.choices import resolve as choose

    prefs = load_settings(tmp_path)
    chosen = choose(prefs.settings, content.regions, {"LANG": "en_US.UTF-8"}, lang="en")
    out = io.StringIO()
    coach = PlainCoach(
        content,
        recorder=Recorder(tmp_path),
        prefs=prefs,
        region=content.regions[chosen.region],
        stdin=io.StringIO(answers),
        stdout=out,
        clock=FakeClock(),
        sleep=lambda _s: None,
        ask_region=chosen.ask_region,
    )
    coach.run()
    return out.getvalue(), coach


def test_plain_mode_confirms_the_locales_country_after_the_first_question(content, tmp_path):
    text, _ = plain_first_run(content, tmp_path, "yes\nq\n")
    confirm = "Numbers for: United States (911). Right? y yes, c change."
    assert text.index("Where is the cramp?") < text.index("(q) Quit") < text.index(confirm)
    assert text.index(confirm) < text.index("Answer 1-4 or b, f, n, q, y, c:")
    assert text.count(confirm) == 1  # asked once
    assert load_settings(tmp_path).settings.region == "us"
    text, _ = plain_first_run(content, tmp_path, "q\n")
    assert "Numbers for" not in text


def test_plain_mode_c_changes_the_locales_country(content, tmp_path):
    uk = str([rid for rid in content.regions if rid != "default"].index("uk") + 1)
    text, coach = plain_first_run(content, tmp_path, f"c\n{uk}\nq\n")
    assert "Which country are you in?" in text and coach.region.emergency == "999"
    assert load_settings(tmp_path).settings.region == "uk"


def test_plain_mode_first_answer_still_starts_the_stretch(content, tmp_path):
    text, _ = plain_first_run(content, tmp_path, "b\n")
    assert "Before you stretch" in text.split("Numbers for: United States")[1]
    assert load_settings(tmp_path).settings.region is None  # not confirmed: asked again


async def test_the_morning_checkin_waits_while_the_country_is_confirmed(tmp_path, monkeypatch):
    """Both answer `y`: the country's question is answered first, then the check-in shows
    and `y` is its own again."""
    from tests.support.app import coach_app
    from tests.support.stores import MORNING, seeded

    monkeypatch.setenv("LANG", "en_US.UTF-8")
    data = seeded(tmp_path / "data")
    app = coach_app(data_dir=data, clock=FakeClock(), hour=12)
    app.diary_now = lambda: MORNING
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        await diary_read(pilot)
        assert app.screen.checkin_night is not None  # due, and waiting
        assert not app.screen.query("#checkin-line")
        await pilot.press("y")
        await pilot.pause()
        assert app.region.id == "us" and not app.ask_region
        assert "Any cramps last night?" in statics_text(app)
        assert isinstance(app.screen, SidePicker)


async def test_started_straight_into_back_the_gate_shows_the_locales_numbers_to_change(
    content, tmp_path, monkeypatch
):
    """`calf-coach back` on a first run skips "Where is the cramp?": the gate, before any
    number is needed, names the locale's numbers, and `c` changes them there (#26)."""
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    app = make_app(content, data_dir=tmp_path, clock=FakeClock(), side="back")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SafetyCheck)
        assert "Numbers for: United States (911). Not right? c to change." in statics_text(app)
        await pilot.pause()
        await pilot.press("c")
        await wait_for(pilot, CountryPicker)
        await pilot.pause()
        await pilot.press(*"united k", "enter")
        await wait_for(pilot, SafetyCheck)
        await pilot.pause()
        assert "Numbers for: United Kingdom (999). Changed." in statics_text(app)
        assert app.region.emergency == "999"
    assert json.loads((tmp_path / "settings.json").read_text())["region"] == "uk"


def test_plain_back_shows_the_locales_numbers_at_the_gate(content, tmp_path):
    out = io.StringIO()
    coach = PlainCoach(
        content,
        recorder=Recorder(tmp_path),
        prefs=load_settings(tmp_path),
        region=content.regions["us"],
        stdin=io.StringIO("y\n1\n"),
        stdout=out,
        clock=FakeClock(),
        ask_region=True,
    )
    assert coach.run("back") == 0
    text = out.getvalue()
    line = "Numbers for: United States (911). Not right? c to change."
    assert text.index("Any of these?") < text.index(line) < text.index("Call 911")
