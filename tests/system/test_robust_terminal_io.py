"""Issue 16, terminal input and output: no byte from the terminal, no text from the file
system, no state of stdout and no COLUMNS value ends a command with a traceback.
"""

from __future__ import annotations

import json
import os

import pytest

from coach.system.streams import drop_nonsense_size
from screens.app.shell import make_app
from tests.support.app import coach_app
from tests.support.robust_support import (
    PtyRun,
    coach_env,
    no_traceback,
    run_coach,
    screen_text,
    settle,
    wait_until,
)

QUESTION = "Where is the cramp?"
SAFETY = "Before you stretch"


def pty_env(tmp_path, **extra: str) -> dict[str, str]:
    return coach_env(tmp_path, TERM="xterm-256color", **extra)


@pytest.mark.slow
@pytest.mark.parametrize(
    "data",
    [b"\xff", b"\x1b[M\xff\xff\xff", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\xc0\xaf"],
    ids=["ff", "x10-mouse", "cut-short-2", "cut-short-3", "surrogate", "overlong"],
)
def test_undecodable_terminal_input_is_dropped_not_fatal(tmp_path, data):
    run = PtyRun([], pty_env(tmp_path), cwd=tmp_path)
    try:
        run.wait_for_text(QUESTION, timeout=30)
        run.send(data)
        run.send(b"b")  # the app still answers keys after the bad bytes
        run.wait_for_text(SAFETY, timeout=10)
        run.send(b"\x11")  # Ctrl+Q
        code = run.wait_exit(10)
    finally:
        run.close()
    raw = bytes(run.raw)
    assert code == 0
    assert b"Traceback" not in raw and b"UnicodeDecodeError" not in raw


@pytest.mark.slow
@pytest.mark.parametrize("columns", ["1", "5", "99999999"])
def test_nonsense_columns_do_not_blank_the_app(tmp_path, columns):
    run = PtyRun([], pty_env(tmp_path, COLUMNS=columns, LINES=columns), cwd=tmp_path)
    try:
        run.wait_for_text(QUESTION, timeout=30)
        run.send(b"\x11")
        assert run.wait_exit(10) == 0
    finally:
        run.close()


def test_nonsense_sizes_are_dropped_and_sane_ones_kept():
    env = {"COLUMNS": "1", "LINES": "abc"}
    assert drop_nonsense_size(env) == ["COLUMNS", "LINES"] and env == {}
    for bad in ("0", "-5", "9", "10001", "１２０", " ", "", "1e3", "80.0"):
        env = {"COLUMNS": bad}
        drop_nonsense_size(env)
        assert env == {}, bad
    env = {"COLUMNS": "120", "LINES": " 40 "}
    assert drop_nonsense_size(env) == [] and env == {"COLUMNS": "120", "LINES": " 40 "}


@pytest.mark.parametrize("columns", ["1", "5", "99999999"])
def test_nonsense_columns_are_ignored_by_printing_commands(tmp_path, columns):
    plain = run_coach(["tips"], coach_env(tmp_path))
    odd = run_coach(["tips"], coach_env(tmp_path, COLUMNS=columns))
    assert odd.returncode == 0 and odd.stdout == plain.stdout


def closed_pipe() -> int:
    read, write = os.pipe()
    os.close(read)
    return write


COMMANDS = {
    "tips": ["tips"],
    "red-flags-zh": ["--lang", "zh", "red-flags"],
    "plain-back": ["--plain", "back"],
    "history": ["history"],
    "help": ["--help"],
}


@pytest.mark.parametrize("command", ["plain-back", "history", "help"])
def test_a_closed_pipe_ends_a_command_quietly(tmp_path, command):
    pipe = closed_pipe()
    try:
        out = run_coach(COMMANDS[command], coach_env(tmp_path), stdout=pipe)
    finally:
        os.close(pipe)
    assert out.returncode == 0, out.stderr
    assert no_traceback(out.stderr)


@pytest.mark.parametrize("command", ["tips", "red-flags-zh", "plain-back"])
def test_a_full_disk_on_stdout_is_one_line_and_exit_1(tmp_path, command):
    with open("/dev/full", "w") as full:
        out = run_coach(COMMANDS[command], coach_env(tmp_path), stdout=full)
    assert out.returncode == 1
    assert no_traceback(out.stderr)
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "No space left on device" in lines[0]


ENCODINGS = {
    "latin-1": {"PYTHONIOENCODING": "latin-1"},
    "ascii": {"PYTHONIOENCODING": "ascii"},
    "c-locale-no-utf8-mode": {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"},
}


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("command", ["tips", "red-flags-zh"])
def test_output_falls_back_to_what_the_stream_can_encode(tmp_path, encoding, command):
    env = coach_env(tmp_path, **ENCODINGS[encoding])
    out = run_coach(COMMANDS[command], env)
    assert out.returncode == 0, out.stderr
    assert no_traceback(out.stderr)
    assert out.stdout.strip()


@pytest.mark.parametrize(
    ("name", "setup"),
    [
        ("data-dir", "folder"),
        ("theme", "theme"),
    ],
)
async def test_notices_show_paths_and_names_as_they_are_not_as_markup(
    content, tmp_path, name, setup
):
    odd = "[/x] [bold]not bold[/bold] [link=x]" if setup == "theme" else "a[bold]b[link=x]c"
    options: dict = {}
    if setup == "folder":
        data = tmp_path / odd
        data.mkdir()
        (data / "settings.json").write_text("{not json")  # a notice naming the folder
    else:
        data = tmp_path / "data"
        options["theme"] = odd
    app = coach_app(content, data_dir=data, **options)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await wait_until(pilot, lambda: bool(app.screen.query("Toast")), "a notice")
        await settle(pilot)
        shown = " ".join(str(toast.render()) for toast in app.screen.query("Toast"))
        assert odd in shown, shown
        assert odd.split()[0] in " ".join(screen_text(app).split())
        assert type(app.screen).__name__ == "SidePicker"


def test_plain_mode_shows_a_path_with_brackets_as_it_is(tmp_path):
    data = tmp_path / "[red]data[link=x]"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"theme": 5}))
    out = run_coach(["--plain", "--data-dir", str(data)], coach_env(tmp_path), stdin="q\n")
    assert out.returncode == 0 and no_traceback(out.stderr)
    assert "Settings: ignored a bad value for theme" in out.stdout


async def test_a_history_error_naming_a_bracketed_folder_is_shown_as_it_is(
    content, tmp_path, monkeypatch
):
    """The history screen shows a failed delete's error, which names the data folder."""
    from datetime import datetime

    from coach.store.history import EpisodeRecord, History, HistoryError

    data = tmp_path / "a[bold]b[link=x]c"
    store = History.open(data).store
    store.add(EpisodeRecord(None, "cramp", datetime.now().astimezone(), side="back"))
    store.close()

    def fails(self, episode_id):
        raise HistoryError(f"Could not delete the episode in {self.path} (disk I/O error).")

    monkeypatch.setattr(History, "delete", fails)
    app = make_app(content, data_dir=data, start="history")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await wait_until(pilot, lambda: type(app.screen).__name__ == "HistoryScreen", "history")
        await wait_until(pilot, lambda: app.screen._selected() is not None, "the row read")
        app.screen._delete(app.screen._selected())
        await wait_until(pilot, lambda: bool(app.screen.query("Toast")), "a notice")
        shown = " ".join(str(toast.render()) for toast in app.screen.query("Toast"))
        assert "a[bold]b[link=x]c" in shown, shown
