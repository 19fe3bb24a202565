"""Issue 29 items 1 and 3, as a person meets them: another program holds history.db while
an episode ends; a second Ctrl+C while leaving waits for the history. Nothing is lost, no
traceback: the episode is in the pending file, and in the history at the next start.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import time

import pytest

from coach.store.history import History
from tests.conftest import ROOT
from tests.support.robust_support import PtyRun

pytestmark = pytest.mark.slow


def test_a_second_ctrl_c_while_the_locked_history_is_waited_for_loses_nothing(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"disclaimer_seen": True}))
    opened = History.open(data)
    assert opened.store is not None
    opened.store.close()
    lock = sqlite3.connect(data / "history.db", isolation_level=None)
    lock.execute("BEGIN EXCLUSIVE")  # as `sqlite3 history.db 'BEGIN EXCLUSIVE; ...'` does
    env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(ROOT),
        "HOME": str(tmp_path),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
    }
    run = PtyRun(["--plain", "back", "--data-dir", str(data), "--hold", "60"], env, cwd=tmp_path)
    try:
        run.wait_for_text("Answer 1-3", timeout=30)
        run.send(b"n\r")
        run.wait_for_text("Step 1 of 5", timeout=30)
        run.signal(signal.SIGINT)
        run.wait_for_text("Leaving Calf Coach", timeout=30)
        kept = data / "history.pending"
        deadline = time.monotonic() + 30
        while not kept.exists() and time.monotonic() < deadline:
            run.wait_exit(0.02)  # reading the output while the app writes the file
        assert kept.exists(), "the pending file was never written"
        run.signal(signal.SIGINT)  # while leaving waits for the history
        code = run.wait_exit(10)
        raw = bytes(run.raw).decode(errors="replace")
        assert code is not None and code >= 0, (code, raw[-1500:])
        assert "Traceback" not in raw and "KeyboardInterrupt" not in raw, raw[-1500:]
        said = " ".join(raw.split())
        assert "1 episode(s) kept in" in said and "history.pending" in said, raw[-800:]
    finally:
        run.close()
        lock.execute("COMMIT")
        lock.close()
    opened = History.open(data)  # the next start
    assert opened.store is not None
    try:
        assert opened.warning is not None and "Added 1" in opened.warning
        (episode,) = opened.store.list()
        assert (episode.side, episode.outcome, episode.holds) == ("back", "left", 1)
    finally:
        opened.store.close()
