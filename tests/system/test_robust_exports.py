"""Issue 16, exports: an export never replaces the history, never leaves half a file, is
private, and into a closed pipe ends quietly as `cat` does.
"""

from __future__ import annotations

import errno
import io
import json
import os
import stat
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from coach.documents import export as export_module
from coach.documents.export import export, run_export
from coach.store.history import EpisodeRecord, History
from tests.support.robust_support import coach_env, no_traceback, run_coach

STARTED = datetime(2026, 11, 24, 2, 0, tzinfo=timezone(timedelta(hours=1)))


def cramp(n: int) -> EpisodeRecord:
    return EpisodeRecord(
        None, "cramp", STARTED - timedelta(hours=n), side="back", position="bed", causes=("cold",)
    )


def fill(folder: Path, count: int) -> Path:
    opened = History.open(folder)
    assert opened.store is not None, opened.warning
    opened.store._conn.execute("BEGIN")  # one transaction: thousands of rows in a blink
    for n in range(count):
        opened.store.add(cramp(n))
    opened.store._conn.execute("COMMIT")
    opened.store.close()
    return folder / "history.db"


@pytest.mark.parametrize(
    "where",
    [
        "history.db",
        "history.db-wal",
        "notes.csv",
        ".",
        "sub/../history.db",
        "link-to-db",  # a link elsewhere that points at the history
        "link-to-data/new.csv",
    ],
)
def test_an_export_into_the_data_folder_is_refused(tmp_path, where):
    data = tmp_path / "data"
    db = fill(data, 3)
    (data / "sub").mkdir()
    (tmp_path / "link-to-db").symlink_to(db)
    (tmp_path / "link-to-data").symlink_to(data)
    before = db.read_bytes()
    target = tmp_path / where if where.startswith("link") else data / where
    out = run_coach(["export", "-o", str(target)], coach_env(tmp_path))
    assert out.returncode == 2
    assert no_traceback(out.stderr)
    assert len(out.stderr.strip().splitlines()) == 1 and "data folder" in out.stderr
    assert db.read_bytes() == before


def test_a_failed_write_leaves_the_old_file_whole_and_no_temporary_file(tmp_path, monkeypatch):
    fill(tmp_path / "data", 3)
    target = tmp_path / "out.csv"
    target.write_text("the export from last week\n")
    real = export_module.export_values

    def full_disk(rows, fmt, fp, sections=None):
        fp.write("id,kind\n" * 1000)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export_module, "export_values", full_disk)
    assert run_export("csv", str(target), tmp_path / "data") == 1
    assert target.read_text() == "the export from last week\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "out.csv"]
    monkeypatch.setattr(export_module, "export_values", real)
    assert run_export("csv", str(target), tmp_path / "data") == 0
    assert target.read_text().count("\n") == 4


def test_exported_files_are_private_and_links_and_devices_are_written_through(tmp_path):
    """0600 whether new or over an old 0644 file; a link named with -o keeps pointing at
    its file (the new contents land there); a device is written to, never renamed over."""
    fill(tmp_path / "data", 2)
    fresh, old = tmp_path / "fresh.json", tmp_path / "old.json"
    old.write_text("[]")
    old.chmod(0o644)
    for target in (fresh, old):
        assert run_export("json", str(target), tmp_path / "data") == 0
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        assert len(json.loads(target.read_text())["episodes"]) == 2
    real = tmp_path / "exports" / "cramps.csv"
    real.parent.mkdir()
    real.write_text("old\n")
    (tmp_path / "latest.csv").symlink_to(real)
    assert run_export("csv", str(tmp_path / "latest.csv"), tmp_path / "data") == 0
    assert (tmp_path / "latest.csv").is_symlink()
    assert real.read_text().startswith("id,kind")
    assert run_export("csv", os.devnull, tmp_path / "data") == 0
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def closed_pipe() -> int:
    """The write end of a pipe whose reader has already gone (`| head -1`, finished)."""
    read, write = os.pipe()
    os.close(read)
    return write


@pytest.mark.parametrize(
    "args",
    [["export"], ["export", "--format", "json"], ["history"], ["export", "-o", "-"]],
)
def test_an_export_into_a_closed_pipe_ends_quietly(tmp_path, args):
    """More rows than one chunk: the pipe breaks while rows are still being read (the read
    must not keep the store locked, or closing it waits for ever)."""
    fill(tmp_path / "data", 5000)
    pipe = closed_pipe()
    try:
        out = run_coach(args, coach_env(tmp_path), stdout=pipe)
    finally:
        os.close(pipe)
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_an_export_read_a_line_at_a_time_then_dropped_ends_quietly(tmp_path, fmt):
    """`calf-coach export | head -1` with more rows than a pipe holds."""
    import subprocess
    import sys

    fill(tmp_path / "data", 5000)
    env = coach_env(tmp_path, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "coach", "export", "--format", fmt],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=tmp_path,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline().strip() in (
        b"{",
        b"id,kind,started_at,side,position,"
        b"planned_seconds,actual_seconds,holds,outcome,causes,severity,updated_at,"
        b"eased_minutes,help_reason,relief_tried,leg,causes_pending,outcome_name",
    )
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0, err
    assert err == ""


class CountingStream(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def write(self, text: str) -> int:
        self.writes += 1
        return super().write(text)


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_rows_are_written_in_large_chunks(fmt):
    """With PYTHONUNBUFFERED every write to stdout is a system call: json.dump made one
    per token (tens of thousands for a few thousand rows)."""
    stream = CountingStream()
    export((cramp(n) for n in range(5000)), fmt, stream)
    assert stream.writes <= 10
    text = stream.getvalue()
    if fmt == "json":
        assert len(json.loads(text)) == 5000
        empty = io.StringIO()
        export([], fmt, empty)
        assert json.loads(empty.getvalue()) == []
    else:
        assert text.count("\n") == 5001
