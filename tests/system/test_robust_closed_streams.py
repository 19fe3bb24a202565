"""Issue 29 item 7: a standard stream closed from the start (`calf-coach back <&-`,
`export >&-`) ends in one clear line or a quiet exit, never a traceback, and an
episode begun is still recorded. The closed descriptor is filled with /dev/null before
anything opens a file, so history.db can never take the number of stdout.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from coach.store.history import History
from tests.support.robust_support import coach_env, no_traceback


def run_closed(args: list[str], env: dict[str, str], *closed: int) -> subprocess.CompletedProcess:
    def close() -> None:
        for fd in closed:
            os.close(fd)

    return subprocess.run(
        [sys.executable, "-m", "coach", *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        env=env,
        preexec_fn=close,  # after the pipes are in place: the child starts with them closed
        timeout=60,
        text=True,
    )


def test_back_with_stdin_closed_leaves_quietly_and_records_the_episode(tmp_path):
    env = coach_env(tmp_path)
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"disclaimer_seen": True}))
    out = run_closed(["back"], env, 0)
    assert out.returncode == 0 and no_traceback(out.stderr), out.stderr
    assert "Leaving Calf Coach" in out.stdout
    store = History.open(data).store
    assert store is not None
    try:
        assert [(r.kind, r.side) for r in store.list()] == [("cramp", "back")]
    finally:
        store.close()


def test_export_with_stdout_closed_says_so_in_one_line(tmp_path):
    env = coach_env(tmp_path)
    History.open(tmp_path / "data").store.close()
    out = run_closed(["export"], env, 1)
    assert out.returncode == 1 and no_traceback(out.stderr), out.stderr
    (line,) = out.stderr.strip().splitlines()
    assert "standard output is closed" in line and "-o" in line


def test_a_printing_command_with_every_stream_closed_exits_quietly(tmp_path):
    out = run_closed(["tips"], coach_env(tmp_path), 0, 1, 2)
    assert out.returncode == 0
