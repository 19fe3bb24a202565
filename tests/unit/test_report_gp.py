"""The doctor's page says what a GP asks first (#28; clinical review #10, #11, #32):
how often, counted over nights known and never as a rate over nights nobody recorded;
which leg; when; red flags with their dates; medicines and conditions; sleep as a share;
what eased them as a rate with its counts; and the rows it left out (#29 item 13)."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from pathlib import Path

from coach.core.diary import CheckIn
from coach.core.profile import Mark, Medicine
from coach.documents.report import make_page
from coach.store import profile
from coach.store.history import History
from coach.store.records import EpisodeRecord
from coach.store.report_queries import gather

NOW = datetime(2026, 11, 24, 8, 0).astimezone()
LAST = date(2026, 11, 23)


def text_of(page: str) -> str:
    page = re.sub(r"<style>.*?</style>", "", page, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", page).replace("&amp;", "&").split())


def open_store(directory: Path) -> History:
    store = History.open(directory).store
    assert store is not None
    return store


def cramp_on(night: date, hour: int = 3, **fields: object) -> EpisodeRecord:
    fields.setdefault("side", "back")
    at = datetime(night.year, night.month, night.day, hour).astimezone()
    if hour < 12:
        at += timedelta(days=1)
    return EpisodeRecord(None, "cramp", at, **fields)


def test_skipped_check_ins_never_give_a_rate_over_unknown_nights(tmp_path: Path):
    """One cramp every fourth night and no check-ins: the old page read "1.0 a night"
    every week. Now each week says cramps, nights with cramps, nights recorded and
    not; the trend compares the first 4 weeks with the last 4 as counts."""
    store = open_store(tmp_path)
    first = LAST - timedelta(days=83)
    for n in range(0, 84, 4):
        store.add(cramp_on(first + timedelta(days=n), outcome="gone"))
    data = gather(store, NOW)
    assert [w.cramps for w in data.weeks] == [2, 2, 2, 1] * 3
    assert all(w.recorded == w.with_cramps == w.cramps for w in data.weeks)
    assert all(w.unrecorded == 7 - w.recorded for w in data.weeks)
    assert data.baseline is not None and data.baseline.nights == 28
    text = text_of(make_page(store, 12, "en", {}, NOW))
    assert not re.search(r"\d a night", text) and "nights known" not in text
    assert "2 cramps; 2 nights with cramps; 2 recorded, 5 not" in text
    assert "First 4 weeks (baseline): 7 cramps (1.8 a week), on 7 of 7 recorded nights;" in text
    assert "21 of 28 nights not recorded" in text
    assert "nights recorded: 21 of 84" in text
    store.close()


def test_marked_date_splits_before_and_after(tmp_path: Path):
    store = open_store(tmp_path)
    mark = LAST - timedelta(days=13)
    for n in range(1, 30):
        store.add(cramp_on(mark - timedelta(days=n), outcome="gone"))
    store.add(cramp_on(mark + timedelta(days=2), outcome="gone"))
    profile.add_mark(store, Mark(mark, "started the routine"))
    profile.add_mark(store, Mark(mark - timedelta(days=200), "too old to show"))
    text = text_of(make_page(store, 12, "en", {}, NOW))
    assert f"Marked {mark}: started the routine." in text
    assert "Before: 29 cramps" in text and "From then on: 1 cramps (0.5 a week)" in text
    assert "too old to show" not in text
    store.close()


def test_leg_split_and_the_one_leg_line(tmp_path: Path):
    store = open_store(tmp_path)
    for n in range(3):
        store.add(cramp_on(LAST - timedelta(days=n), leg="left", outcome="gone"))
    store.add(cramp_on(LAST - timedelta(days=5), outcome="gone"))
    text = text_of(make_page(store, 12, "en", {}, NOW))
    assert "Which leg Left 3 not recorded 1" in text
    assert "Cramps in one leg only: worth mentioning." in text
    store.add(cramp_on(LAST - timedelta(days=6), leg="right", outcome="gone"))
    text = text_of(make_page(store, 12, "en", {}, NOW))
    assert "Right 1" in text and "one leg only" not in text
    store.close()


def test_red_flags_with_dates_and_what_happened(tmp_path: Path):
    store = open_store(tmp_path)
    store.add(
        EpisodeRecord(
            None,
            "cramp",
            datetime(2026, 11, 3, 4, 10).astimezone(),
            side="back",
            outcome="red_flag",
            help_reason="clot",
        )
    )
    store.add(
        EpisodeRecord(
            None,
            "cramp",
            datetime(2026, 11, 10, 2, 5).astimezone(),
            side="back",
            outcome="red_flag",
            help_reason="long-cramp",
        )
    )
    store.add(
        EpisodeRecord(None, "cramp", datetime(2026, 11, 12, 1, 0).astimezone(), outcome="red_flag")
    )
    store.save_checkin(CheckIn(date(2026, 11, 14), 1, 4, 2, swollen=True), NOW)
    text = text_of(make_page(store, 12, "en", {}, NOW))
    assert (
        "2026-11-03 04:10 — Possible clot (swollen, warm or red leg): said one leg was"
        " swollen, warm or red: no stretch, advised same-day help"
    ) in text
    assert "2026-11-10 02:05 — Cramp lasting too long: not gone after about 10 minutes" in text
    assert "2026-11-12 01:00 — reason not recorded (older version)" in text
    assert "2026-11-15 08:00 — morning check-in: one calf still swollen" in text
    assert "unknown 1" not in text
    store.close()


def test_eased_as_a_rate_with_counts_and_no_mean_of_nothing(tmp_path: Path):
    store = open_store(tmp_path)
    outcomes = ["gone", "sore", "still", "somewhat", "red_flag", "left"]
    for n, outcome in enumerate(outcomes):
        store.add(cramp_on(LAST - timedelta(days=n), position="bed", outcome=outcome))
    page = make_page(store, 12, "en", {}, NOW)
    text = text_of(page)
    assert "bed 50% (2 of 4)" in text  # red flag and left early were never finished
    assert "mean minutes until eased n/a (n=0)" in text and "eased 0.0" not in text
    # the bar is half the bar width (a rate, not the count)
    widths = [int(w) for w in re.findall(r'<rect x="70" y="\d+" width="(\d+)"', page)]
    assert widths == [50]
    store.close()


def test_sleep_is_a_share_medicines_and_conditions_listed_name_line_blank(tmp_path: Path):
    store = open_store(tmp_path)
    store.save_checkin(CheckIn(LAST, 2, 6, 7), NOW)
    store.save_checkin(CheckIn(LAST - timedelta(days=1), 1, 3, 2), NOW)
    store.save_checkin(CheckIn(LAST - timedelta(days=2), 0), NOW)
    profile.add_medicine(store, Medicine("Amlodipine", date(2026, 10, 20)), NOW)
    profile.add_medicine(store, Medicine("Atorvastatin"), NOW)
    profile.set_condition(store, "kidney", True, NOW)
    text = text_of(make_page(store, 12, "en", {}, NOW))
    assert "nights sleep disturbed 5/10 or more 1 of 2 rated" in text
    assert "Medicines: Amlodipine, since 2026-10-20; Atorvastatin, start date not given" in text
    assert "Conditions: Kidney disease or dialysis" in text
    assert "Name: ____" in text and "Date of birth: ____" in text
    store.close()


def test_night_and_day_and_rows_left_out(tmp_path: Path):
    store = open_store(tmp_path)
    store.add(cramp_on(LAST, 3, outcome="gone"))
    store.add(cramp_on(LAST, 23, outcome="gone"))
    store.add(cramp_on(LAST - timedelta(days=1), 13, outcome="gone"))
    bad = store.add(cramp_on(LAST - timedelta(days=2), 3, outcome="gone"))
    store._conn.execute("UPDATE episodes SET severity = 99 WHERE id = ?", (bad,))
    text = text_of(make_page(store, 12, "en", {}, NOW))
    assert "At night (21:00-07:00): 2; in the day: 1." in text
    assert "1 rows of the history could not be read and are left out." in text
    assert "3 cramps recorded during episodes" in text
    store.close()
