"""Issue #28 "Causes at night" and #26: "ask me in the morning" is kept (schema 6, the
pending file, the export and the import) and the morning check-in asks the causes
then, saves them on the night's cramp and clears the mark; q skips all."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from coach.cli import main
from coach.core.steps import ASK_LATER, CauseQuestions
from coach.documents.export import run_export
from coach.documents.import_file import run_import
from coach.plain.driver import PlainCoach
from coach.store import pending
from coach.store.history import History
from coach.store.migrations import DB_NAME, MIGRATIONS
from coach.store.recorder import Recorder
from coach.store.records import EpisodeRecord
from tests.conftest import FakeClock
from tests.support.flows import make, through_hold

AT_NIGHT = datetime(2026, 12, 5, 3, 10).astimezone()
NIGHT = date(2026, 12, 4)
MORNING = datetime(2026, 12, 5, 8, 0).astimezone()
LINE = "Last night you chose to answer these in the morning."


def waiting(at: datetime = AT_NIGHT) -> EpisodeRecord:
    return EpisodeRecord(None, "cramp", at, side="back", outcome="gone", causes_pending=True)


def opened(folder: Path) -> History:
    store = History.open(folder).store
    assert store is not None
    return store


def test_a_version_5_history_gains_the_mark_and_its_rows_read_not_pending(tmp_path: Path):
    folder = tmp_path / "data"
    folder.mkdir()
    with sqlite3.connect(folder / DB_NAME) as conn:
        for statements in MIGRATIONS[:5]:
            for statement in statements:
                conn.execute(statement)
        conn.execute("PRAGMA user_version = 5")
        conn.execute(
            "INSERT INTO episodes (kind, started_at, started_epoch) VALUES ('cramp', ?, ?)",
            (AT_NIGHT.isoformat(), AT_NIGHT.timestamp()),
        )
    store = opened(folder)
    assert store._conn.execute("PRAGMA user_version").fetchone()[0] == 6
    (record,) = store.list()
    assert record.causes_pending is False
    assert store.pending_causes(NIGHT) == []
    store.close()


def test_the_history_keeps_the_mark_and_the_morning_answer_clears_it(tmp_path: Path):
    store = opened(tmp_path)
    ident = store.add(waiting())
    day = store.add(waiting(datetime(2026, 12, 4, 15, 0).astimezone())._replace(id=None))
    store.update(store.get(day)._replace(causes_pending=False))
    assert store.get(ident).causes_pending is True
    assert store.pending_causes(NIGHT) == [ident]
    assert store.pending_causes(date(2026, 12, 5)) == []
    assert store.update_causes(ident, ("cold", "exercise"), MORNING) is True
    again = store.get(ident)
    assert again.causes == ("cold", "exercise") and again.causes_pending is False
    assert store.pending_causes(NIGHT) == []
    assert store.update_causes(999, (), MORNING) is False  # deleted meanwhile: nothing
    store.close()


def test_a_line_of_the_pending_file_keeps_the_mark(tmp_path: Path):
    entry = pending.Snapshot(pending.new_uuid(), waiting())
    back = pending.from_line(pending.to_line(entry))
    assert isinstance(back, pending.Snapshot) and back.record.causes_pending is True
    # A line written before the mark existed reads "not pending".
    data = json.loads(pending.to_line(entry))
    del data["record"]["causes_pending"]
    older = pending.from_line(json.dumps(data).encode() + b"\n")
    assert isinstance(older, pending.Snapshot) and older.record.causes_pending is False
    # Only true says they wait: a hand-edited word is not a mark.
    data["record"]["causes_pending"] = "yes"
    edited = pending.from_line(json.dumps(data).encode() + b"\n")
    assert isinstance(edited, pending.Snapshot) and edited.record.causes_pending is False


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_an_export_imported_again_keeps_the_mark(tmp_path: Path, capsys, fmt: str):
    store = opened(tmp_path / "old")
    store.add(waiting())
    store.add(waiting(datetime(2026, 12, 2, 2, 0).astimezone())._replace(causes_pending=False))
    store.close()
    target = tmp_path / f"backup.{fmt}"
    assert run_export(fmt, str(target), tmp_path / "old") == 0
    assert run_import(str(target), False, tmp_path / "new") == 0
    capsys.readouterr()
    store = opened(tmp_path / "new")
    kept = {r.started_at.day: r.causes_pending for r in store.list()}
    assert kept == {5: True, 2: False}
    store.close()


def test_an_export_from_before_the_mark_imports_as_not_pending(tmp_path: Path, capsys):
    store = opened(tmp_path / "old")
    store.add(waiting())
    store.close()
    target = tmp_path / "backup.json"
    assert run_export("json", str(target), tmp_path / "old") == 0
    data = json.loads(target.read_text())
    assert data["episodes"][0]["causes_pending"] is True
    del data["episodes"][0]["causes_pending"]
    target.write_text(json.dumps(data))
    csv_file = tmp_path / "backup.csv"
    assert run_export("csv", str(csv_file), tmp_path / "old") == 0
    rows = list(csv.DictReader(io.StringIO(csv_file.read_text())))
    assert rows[0]["causes_pending"] == "True"
    for name, path in (("json", target), ("csv", csv_file)):
        if name == "csv":
            fields = [f for f in rows[0] if f != "causes_pending"]
            out = io.StringIO()
            writer = csv.DictWriter(out, fields, extrasaction="ignore", lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
            path.write_text(out.getvalue())
        assert run_import(str(path), False, tmp_path / f"new-{name}") == 0
        store = opened(tmp_path / f"new-{name}")
        (record,) = store.list()
        assert record.causes_pending is False
        store.close()
    capsys.readouterr()


def a_night_cramp_left_for_the_morning(content, folder: Path) -> None:
    """A 03:10 cramp whose causes were left for the morning (m), saved as the coach
    saves an episode: through the recorder."""
    clock = FakeClock()
    flow = make(content, clock, now=lambda: AT_NIGHT)
    flow.answer(flow.current, "no")
    flow.answer(through_hold(flow, clock, "gone"), "skip")
    assert isinstance(flow.current, CauseQuestions) and flow.current.night
    flow.answer(flow.current, ASK_LATER)
    recorder = Recorder(folder)
    recorder.save(flow.episode)
    assert recorder.close() is None


def checkin(tmp_path: Path, monkeypatch, capsys, typed: str) -> str:
    monkeypatch.setattr(PlainCoach, "diary_now", staticmethod(lambda: MORNING))
    monkeypatch.setattr("sys.stdin", io.StringIO(typed))
    assert main(["checkin", "--region", "uk", "--data-dir", str(tmp_path / "data")]) == 0
    return capsys.readouterr().out


def test_the_morning_checkin_in_plain_asks_the_causes_left_at_night(
    content, tmp_path: Path, monkeypatch, capsys
):
    a_night_cramp_left_for_the_morning(content, tmp_path / "data")
    store = opened(tmp_path / "data")
    (record,) = store.list()
    assert record.causes_pending is True and record.causes == ()
    store.close()
    first, second = content.causes[0], content.causes[1]
    out = checkin(tmp_path, monkeypatch, capsys, "0\nn\n" + "n\ny\n" + "n\n" * 20)
    assert "Saved for the night of 2026-12-04." in out
    assert out.index("Saved for the night") < out.index(LINE) < out.index(first.question)
    assert "Ask in the morning" not in out.split(LINE)[1]  # it is morning now
    store = opened(tmp_path / "data")
    (record,) = store.list()
    assert record.causes == (second.id,) and record.causes_pending is False
    store.close()
    # Asked once: the next check-in (of the same night) does not ask again.
    out = checkin(tmp_path, monkeypatch, capsys, "0\nn\n")
    assert LINE not in out


def test_q_skips_all_the_morning_causes_and_they_wait_no_more(
    content, tmp_path: Path, monkeypatch, capsys
):
    a_night_cramp_left_for_the_morning(content, tmp_path / "data")
    out = checkin(tmp_path, monkeypatch, capsys, "0\nn\nq\n")
    assert LINE in out and content.causes[1].question not in out
    store = opened(tmp_path / "data")
    (record,) = store.list()
    assert record.causes == () and record.causes_pending is False
    store.close()


def test_after_the_clot_flag_the_causes_wait_for_another_morning(
    content, tmp_path: Path, monkeypatch, capsys
):
    a_night_cramp_left_for_the_morning(content, tmp_path / "data")
    out = checkin(tmp_path, monkeypatch, capsys, "0\ny\n")
    assert "111" in out and LINE not in out
    store = opened(tmp_path / "data")
    assert store.pending_causes(NIGHT) != []
    store.close()
