"""The morning check-in answers back (#28; clinical review #9, #30; #29 item 14): a bad
night leads to "worth seeing a GP", only night cramps count as last night's, and a
night partly recorded keeps the recorded ones with the others told."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta
from pathlib import Path

from coach.cli import main
from coach.core.diary import CheckIn, NightState, with_recorded, worth_seeing_gp
from coach.store.history import History
from coach.store.records import EpisodeRecord

NIGHT = date(2026, 11, 23)


def test_three_cramps_or_a_second_disturbed_night_in_a_fortnight_is_worth_a_gp():
    assert worth_seeing_gp(CheckIn(NIGHT, 5, 8, 9), 0)  # "5 cramps, sleep 9"
    assert worth_seeing_gp(CheckIn(NIGHT, 3, 2, 0), 0)
    assert not worth_seeing_gp(CheckIn(NIGHT, 2, 6, 5), 0)  # one disturbed night
    assert worth_seeing_gp(CheckIn(NIGHT, 1, 6, 5), 1)  # the second in a fortnight
    assert not worth_seeing_gp(CheckIn(NIGHT, 1, 6, 4), 3)  # not tonight
    assert not worth_seeing_gp(CheckIn(NIGHT, None), 5)  # skipped


def test_a_partly_recorded_night_keeps_both():
    assert with_recorded(CheckIn(NIGHT, 2, 7, 6), 1).cramps == 3
    assert with_recorded(CheckIn(NIGHT, 0), 2).cramps == 2
    assert with_recorded(CheckIn(NIGHT, None), 2).cramps is None


def test_a_daytime_cramp_is_not_one_of_last_nights(tmp_path: Path):
    """#29 item 14: a 13:00 cramp belongs to the same date's night by the clock rule,
    and stopped the next morning's check-in. Only night cramps count."""
    store = History.open(tmp_path).store
    assert store is not None
    store.add(EpisodeRecord(None, "cramp", datetime(2026, 11, 23, 13, 0).astimezone()))
    now = datetime(2026, 11, 24, 8, 0).astimezone()
    assert store.night_state(NIGHT) == NightState(False, 0)
    assert store.checkin_due(now) == NIGHT
    store.add(EpisodeRecord(None, "cramp", datetime(2026, 11, 24, 3, 0).astimezone()))
    store.add(EpisodeRecord(None, "cramp", datetime(2026, 11, 23, 22, 0).astimezone()))
    assert store.night_state(NIGHT) == NightState(False, 2)
    store.close()


def test_disturbed_nights_of_the_fortnight_before(tmp_path: Path):
    store = History.open(tmp_path).store
    assert store is not None
    now = datetime(2026, 11, 24, 8, 0).astimezone()
    for days, sleep in ((1, 6), (5, 5), (13, 9), (14, 9), (3, 4)):
        store.save_checkin(CheckIn(NIGHT - timedelta(days=days), 1, 5, sleep), now)
    store.save_checkin(CheckIn(NIGHT, 1, 5, 9), now)
    assert store.disturbed_nights(NIGHT) == 3  # 1, 5 and 13 days before; not 14, not itself
    store.close()


def checkin(tmp_path: Path, monkeypatch, capsys, typed: str, *more: str) -> str:
    monkeypatch.setattr("sys.stdin", io.StringIO(typed))
    assert main(["checkin", "--region", "uk", *more, "--data-dir", str(tmp_path / "data")]) == 0
    return capsys.readouterr().out


def test_five_cramps_and_sleep_nine_says_see_a_gp(tmp_path: Path, monkeypatch, capsys):
    out = checkin(tmp_path, monkeypatch, capsys, "y\n5\n8\n9\nn\n")
    assert "Worth seeing a GP about these cramps" in out and "calf-coach report" in out
    assert "0 none to 10 worst" in out and "(0-9, x for 10, Enter skips)" in out
    assert "(1-9, 9 means 9 or more, Enter skips)" in out
    assert "Call 999" not in out


def test_a_calf_still_swollen_this_morning_gives_the_clot_flag_with_the_number(
    tmp_path: Path, monkeypatch, capsys
):
    out = checkin(tmp_path, monkeypatch, capsys, "y\n1\nx\n2\ny\n")
    assert "Is one calf still swollen, warm or painful this morning?" in out
    assert "111" in out and "999" in out  # the clot flag's number, and the emergency line
    assert "Worth seeing a GP" not in out
    store = History.open(tmp_path / "data").store
    (answer,) = store.checkins(date(2000, 1, 1))
    assert (answer.cramps, answer.worst, answer.sleep, answer.swollen) == (1, 10, 2, True)
    store.close()


def test_a_partly_recorded_night_asks_for_others_in_plain(tmp_path: Path, monkeypatch, capsys):
    store = History.open(tmp_path / "data").store
    now = datetime.now().astimezone()
    # 03:00 today: last night's, whatever the hour `checkin` is run at.
    three_am = datetime.combine(now.date(), datetime.min.time()).astimezone().replace(hour=3)
    store.add(EpisodeRecord(None, "cramp", three_am, side="back"))
    store.close()
    out = checkin(tmp_path, monkeypatch, capsys, "y\n2\n5\n3\nn\n")
    assert "Any cramps last night besides the 1 recorded?" in out
    assert "How many others besides the 1 recorded?" in out
    store = History.open(tmp_path / "data").store
    (answer,) = store.checkins(date(2000, 1, 1))
    assert answer.cramps == 3
    store.close()
