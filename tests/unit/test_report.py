"""The doctor's page (`calf-coach report`, `r` on the history screen) and `calf-coach
checkin`, checked without a browser: well-formed, nothing run or loaded from anywhere,
every text escaped, and its numbers those of the database and of `calf-coach export`."""

from __future__ import annotations

import csv
import io
import re
import stat
from datetime import date, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest

from coach.cli import main
from coach.core.diary import CheckIn
from coach.documents.report import make_page, write_report
from coach.store.history import History
from coach.store.records import EpisodeRecord

VOID = {"meta", "br", "img", "input", "link", "hr", "rect", "path", "line", "circle"}


class Checker(HTMLParser):
    """Balanced tags, no script, nothing loaded from the network."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.problems.append("script")
        for name, value in attrs:
            if name in ("src", "href") or name.startswith("on"):
                self.problems.append(f"{tag} {name}={value}")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"unbalanced </{tag}> in {self.stack[-3:]}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def check_page(page: str) -> str:
    checker = Checker()
    checker.feed(page)
    checker.close()
    assert checker.problems == []
    assert checker.stack == []
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in page and "@import" not in page and "url(" not in page
    return " ".join(" ".join(checker.text).split())


def seed(directory: Path, now: datetime) -> History:
    """Three back-of-calf cramps eased sitting, one in bed, a clot red flag, a long one,
    a medicine named, massage tried in three and warmth in one, a routine, and two
    morning check-ins (none, and two cramps)."""
    store = History.open(directory).store
    assert store is not None
    night = now - timedelta(hours=20)  # 02:00-ish the night before `now`'s morning
    for n, position in enumerate(("sitting", "sitting", "sitting", "bed")):
        store.add(
            EpisodeRecord(
                None,
                "cramp",
                night - timedelta(days=n + 3),
                side="back",
                position=position,
                actual_seconds=60,
                holds=1,
                outcome="gone",
                severity=4 + n,
                eased_minutes=2.0,
                causes=("medicine",) if n == 0 else ("cold",),
                relief_tried=(("warmth", "massage"), ("massage",), ("massage",), ())[n],
            )
        )
    store.add(
        EpisodeRecord(
            None,
            "cramp",
            night - timedelta(days=8),
            side="front",
            position="bed",
            outcome="red_flag",
            help_reason="clot",
        )
    )
    store.add(
        EpisodeRecord(
            None,
            "cramp",
            night - timedelta(days=9),
            side="back",
            position="bed",
            outcome="red_flag",
            help_reason="long-cramp",
            severity=9,
        )
    )
    store.add(
        EpisodeRecord(
            None, "cramp", night - timedelta(days=10), side="back", position="bed", outcome="left"
        )
    )
    store.add(EpisodeRecord(None, "routine", night - timedelta(days=3, hours=4)))
    store.save_checkin(CheckIn(date.fromordinal(now.date().toordinal() - 1), 0), now)
    store.save_checkin(CheckIn(date.fromordinal(now.date().toordinal() - 2), 2, 6, 5), now)
    return store


NOW = datetime(2026, 11, 24, 8, 0).astimezone()


def test_page_is_well_formed_self_contained_and_counts_what_is_stored(tmp_path: Path):
    store = seed(tmp_path / "data", NOW)
    page = make_page(store, 12, "en", {"medicine": "A new medicine"}, NOW)
    text = check_page(page)
    assert "7 cramps recorded during episodes" in text
    assert "Check-ins answered on 2 mornings (1 with cramps, 0 skipped)" in text
    assert "A new medicine was named as a possible cause in 1 of 4 cramps" in text
    assert "Possible clot (swollen, warm or red leg): said one leg was swollen" in text
    assert "Cramp lasting too long: not gone after about 10 minutes" in text
    assert "Left early 1" in text and ">left<" not in page
    assert "Bedtime routine done on 1 of 84 nights." in text
    assert "highest 9" in text
    assert "Other relief tried: massage 3, warmth 1" in text
    assert f"Nights {NOW.date() - timedelta(days=84):%Y-%m-%d}" in text
    assert "Calf Coach" in text and "@page" in page and "A4" in page
    store.close()


def test_every_text_is_escaped(tmp_path: Path):
    store = seed(tmp_path / "data", NOW)
    page = make_page(store, 12, "en", {"medicine": "<script>alert(1)</script> & co"}, NOW)
    assert "<script>" not in page and "&lt;script&gt;" in page
    check_page(page)
    store.close()


def test_cli_report_matches_export_and_is_private(tmp_path: Path, capsys):
    data = tmp_path / "data"
    seed(data, datetime.now().astimezone()).close()
    out = tmp_path / "r.html"
    assert main(["report", "-o", str(out), "--data-dir", str(data)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    text = check_page(out.read_text(encoding="utf-8"))
    assert main(["export", "--data-dir", str(data)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    cramps = [r for r in rows if r["kind"] == "cramp"]
    found = re.search(r"(\d+) cramps recorded during episodes", text)
    assert found and int(found.group(1)) == len(cramps) == 7
    assert {r["outcome_name"] for r in cramps} == {"Gone", "Red flag", "Left early"}
    flags = [r["help_reason"] for r in cramps if r["outcome"] == "red_flag"]
    assert sorted(flags) == ["clot", "long-cramp"]
    tried = sorted(r["relief_tried"] for r in cramps if r["relief_tried"])
    assert tried == ["massage", "massage", "warmth;massage"]
    assert "Other relief tried: massage 3, warmth 1" in text


def test_cli_report_refuses_the_data_folder_and_writes_chinese(tmp_path: Path, capsys):
    data = tmp_path / "data"
    seed(data, datetime.now().astimezone()).close()
    before = sorted(p.name for p in data.iterdir())
    assert main(["report", "-o", str(data / "history.db"), "--data-dir", str(data)]) == 2
    assert "inside the data folder" in capsys.readouterr().err
    assert sorted(p.name for p in data.iterdir()) == before
    out = tmp_path / "zh.html"
    assert main(["report", "-o", str(out), "--lang", "zh", "--data-dir", str(data)]) == 0
    text = check_page(out.read_text(encoding="utf-8"))
    assert "给医生看的小腿抽筋日记" in text and 'lang="zh-Hans"' in out.read_text()
    assert "试过的其他缓解办法：按摩 3、热敷 1" in text


def test_write_report_from_the_history_screen_refuses_the_data_folder(tmp_path: Path):
    data = tmp_path / "data"
    store = seed(data, NOW)
    assert "inside the data folder" in write_report(store, data / "r.html", "en", {}, data)
    assert not (data / "r.html").exists()
    line = write_report(store, tmp_path / "r.html", "en", {}, data)
    assert line.startswith("Report written to") and (tmp_path / "r.html").exists()
    store.close()


@pytest.mark.parametrize(
    ("typed", "saved"),
    [("0\n", CheckIn), ("y\n2\n6\n4\nn\n", CheckIn), ("x\n", CheckIn)],
)
def test_checkin_command(tmp_path: Path, monkeypatch, capsys, typed, saved):
    monkeypatch.setattr("sys.stdin", io.StringIO(typed))
    data = tmp_path / "data"
    assert main(["checkin", "--data-dir", str(data)]) == 0
    assert "Saved for the night of" in capsys.readouterr().out
    store = History.open(data).store
    (answer,) = store.checkins(date(2000, 1, 1))
    expected = {"0\n": (0, None, None), "x\n": (None, None, None)}.get(typed, (2, 6, 4))
    assert answer.swollen is (False if typed.startswith("y") else None)
    assert (answer.cramps, answer.worst, answer.sleep) == expected
    assert answer.night == datetime.now().date() - timedelta(days=1)
    store.close()
