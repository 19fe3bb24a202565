"""The store's pages and SQL sums, held to the reference: tests/support/oracles.py over
every record (store.list()), on a mixed history (offsets, odd values, unreadable rows)."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from coach.store.history import EpisodeRecord, History
from tests.support import oracles
from tests.support.stores import mixed

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=timezone(timedelta(hours=1)))


def unreadable(folder: Path) -> None:
    """Rows another program could leave: each is left out of every count."""
    conn = sqlite3.connect(folder / "history.db", isolation_level=None)
    columns = "kind, started_at, started_epoch, planned_seconds, holds"
    conn.executemany(
        f"INSERT INTO episodes ({columns}) VALUES (?,?,?,?,?)",
        [
            ("cramp", "last tuesday", 1.8e9, 60, 1),
            ("cramp", "2026-02-20T02:00:00+01:00", 1.77e9, "sixty", 1),
            ("cramp", "2026-02-21T02:00:00+01:00", 1.77e9, 60, "two"),
        ],
    )
    conn.close()


@pytest.fixture
def store(tmp_path: Path):
    opened = History.open(tmp_path, now=lambda: NOW).store
    assert opened is not None
    assert opened.add_many(mixed(1500)) == 1500
    opened.add(EpisodeRecord(None, "cramp", datetime(2026, 2, 28, 3, 0).astimezone()))
    unreadable(tmp_path)
    yield opened
    opened.close()


def test_count_leaves_out_unreadable_rows_and_notes_them(store: History) -> None:
    assert store.count() == len(store.list()) == 1501
    assert len(store.skipped) == 3
    note = store.skipped_note()
    assert note is not None and "Left out 3" in note


def test_pages_walk_the_newest_first_order_from_either_end(store: History) -> None:
    everything = store.list()
    total = store.count()
    for offset in (0, 100, 700, 750, 751, 1400, 1450, 1500):
        page = store.page(offset, 100, total)
        assert [r.id for r in page] == [r.id for r in everything[offset : offset + 100]]
        assert [r.id for r in store.page(offset, 100)] == [r.id for r in page]
    assert store.page(total, 100, total) == []
    assert store.page(-1, 100, total) == []


def test_summary_matches_the_records(store: History) -> None:
    store.count()
    records = store.list()
    for now in (NOW, NOW - timedelta(days=40), datetime(2026, 1, 15, 23, tzinfo=timezone.utc)):
        assert store.summary(now) == oracles.summary(records, now)
    assert store.summary(NOW).cramps_total > 1000  # the sums are over real numbers


def test_summary_without_count_tests_every_row(store: History) -> None:
    """A store that never counted leaves the unreadable rows out all the same."""
    assert store.summary(NOW) == oracles.summary(store.list(), NOW)


def test_charts_match_the_records(store: History) -> None:
    store.count()
    records = store.list()
    for now in (NOW, NOW - timedelta(days=100)):
        charts = store.charts(now)
        assert charts.weeks == oracles.weekly_counts(records, now)
        assert charts.sides == oracles.by_side(records)
        assert charts.hours == oracles.by_hour(records)
        assert charts.by_position == oracles.outcome_by_position(records)
        assert charts.by_hold_length == oracles.outcome_by_hold_length(records)
    assert sum(n for _, n in store.charts(NOW).weeks) > 0


def test_an_empty_history(tmp_path: Path) -> None:
    store = History.open(tmp_path).store
    assert store is not None
    assert store.count() == 0 and store.page(0, 100, 0) == []
    assert store.summary(NOW) == oracles.summary([], NOW)
    charts = store.charts(NOW)
    assert charts.sides == oracles.by_side([]) and charts.hours == [0] * 24
    store.close()


def test_add_many_refuses_a_bad_record_and_stores_nothing(tmp_path: Path) -> None:
    store = History.open(tmp_path).store
    assert store is not None
    good = EpisodeRecord(None, "cramp", NOW)
    with pytest.raises(ValueError):
        store.add_many([good, EpisodeRecord(None, "nap", NOW)])
    assert store.count() == 0
    store.close()
