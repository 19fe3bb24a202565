"""Issue 29 items 10 and 11: nothing raw reaches the terminal. Text from outside the
program (a folder or file name, a typed id, content) is shown with control characters
escaped, in both faces and every command; check-content refuses them in content; a
tampered content cache is held to the YAML's own ranges.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from coach.content.ranges import numbers_problem
from coach.store import content_cache as cache
from coach.store.history import History
from coach.system.safe_text import printable
from tests.conftest import ROOT
from tests.support.cache_files import read_json, saved_file, split, write_json
from tests.support.robust_support import coach_env, no_traceback, run_coach

TITLE = "\x1b]0;PWNED\x07"
"""An OSC sequence that sets the terminal window's title."""
CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4=\x07"
"""OSC 52: writes the clipboard."""


def raw_controls(text: str) -> list[str]:
    return [c for c in text if c in "\x1b\x07\x9b\u202e"]


def test_printable_escapes_what_a_terminal_would_act_on():
    assert printable(f"a{TITLE}b") == "a\\x1b]0;PWNED\\x07b"
    assert printable("\x9b2J \u202eevil \udc9b") == "\\x9b2J \\u202eevil \\udc9b"
    assert printable("line\nnext\tcol") == "line\\x0anext\\x09col"
    assert printable("line\nnext\tcol", keep="\n\t") == "line\nnext\tcol"
    assert printable("小腿抽筋 /home/ö") == "小腿抽筋 /home/ö"


def test_a_data_folder_with_an_escape_is_shown_escaped_in_plain_mode(tmp_path):
    data = tmp_path / f"data{TITLE}"
    out = run_coach(["--plain", "--data-dir", str(data)], coach_env(tmp_path), "b\n?\nq\n")
    assert no_traceback(out.stderr)
    assert "Your history is kept in" in out.stdout
    assert raw_controls(out.stdout + out.stderr) == []
    assert "\\x1b]0;PWNED\\x07" in out.stdout


def test_an_unknown_cause_id_given_to_tips_is_shown_escaped(tmp_path):
    out = run_coach(["tips", f"cold{CLIPBOARD}"], coach_env(tmp_path))
    assert out.returncode == 2 and no_traceback(out.stderr)
    assert raw_controls(out.stderr) == [] and "unknown cause cold\\x1b]52" in out.stderr


def test_report_and_export_names_are_shown_escaped(tmp_path):
    env = coach_env(tmp_path)
    History.open(Path(env["CALF_COACH_HOME"])).store.close()
    named = tmp_path / f"report{TITLE}.html"
    out = run_coach(["report", "-o", str(named)], env)
    assert no_traceback(out.stderr)
    assert raw_controls(out.stdout + out.stderr) == []
    assert "\\x1b]0;PWNED" in out.stdout + out.stderr
    blocked = tmp_path / f"no{TITLE}" / "out.csv"  # a folder that does not exist
    out = run_coach(["export", "-o", str(blocked)], env)
    assert no_traceback(out.stderr)
    assert raw_controls(out.stdout + out.stderr) == []


def test_export_data_into_a_pipe_stays_byte_for_byte(tmp_path):
    env = coach_env(tmp_path)
    out = run_coach(["export", "--format", "json"], env)
    assert out.returncode == 0 and no_traceback(out.stderr)
    json.loads(out.stdout)  # data, not messages: untouched


@pytest.mark.parametrize("char", ["\x1b", "\x07", "\x9b", "\u202e"])
def test_check_content_refuses_control_characters_with_file_line_and_field(tmp_path, char):
    copy = tmp_path / "content"
    shutil.copytree(ROOT / "content", copy)
    tips = copy / "tips.yaml"
    lines = tips.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.lstrip().startswith("text:"))
    escaped = json.dumps(f"Drink water{char}[2J")  # a YAML double-quoted scalar
    lines[number] = lines[number].split("text:")[0] + f"text: {escaped}\n"
    tips.write_text("".join(lines), encoding="utf-8")
    out = run_coach(["check-content", str(copy)], coach_env(tmp_path))
    assert out.returncode == 2 and no_traceback(out.stderr)
    assert f"tips.yaml:{number + 1}:" in out.stderr and "text" in out.stderr
    assert "control character" in out.stderr
    assert raw_controls(out.stderr) == []


def test_the_app_shows_every_notice_escaped(content, tmp_path):
    from screens.app.shell import make_app

    app = make_app(content, data_dir=tmp_path)
    sent: list = []
    app.post_message = sent.append  # the Notify message Textual would handle
    app.notify(f"History is off: /tmp/x{TITLE}", title=f"t{CLIPBOARD}", markup=False)
    (message,) = sent
    notice = message.notification
    assert raw_controls(notice.message + notice.title) == []
    assert "\\x1b]0;PWNED" in notice.message


def hold_fields(data: dict) -> list:
    found: list = []

    def walk(value):
        if isinstance(value, list) and len(value) == 2 and value[0] == "HoldSettings":
            found.append(value[1])
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)

    walk(data["content"])
    return found[0]


@pytest.mark.parametrize("seconds", [-5, 0, 100_000])
def test_a_tampered_cache_cannot_set_a_hold_out_of_range(tmp_path, content, seconds):
    cache.load(ROOT / "content", tmp_path)
    saved = saved_file(tmp_path)
    data = read_json(saved)
    hold_fields(data)[0] = seconds  # default_seconds
    write_json(saved, data)
    loaded, _ = cache.load(ROOT / "content", tmp_path)
    assert loaded.hold.default_seconds == content.hold.default_seconds  # a miss: the YAML
    assert numbers_problem(loaded) is None


def test_a_tampered_cache_cannot_carry_an_escape(tmp_path, content):
    cache.load(ROOT / "content", tmp_path)
    saved = saved_file(tmp_path)
    text = split(saved)[1].decode("utf-8")
    tip = content.tips[0].text
    write_json(saved, text.replace(json.dumps(tip)[1:-1], f"{TITLE}x", 1))
    loaded, _ = cache.load(ROOT / "content", tmp_path)
    assert loaded.tips[0].text == tip


def test_the_shipped_content_meets_the_cache_rules(content):
    assert numbers_problem(content) is None
    assert Path(ROOT / "content").is_dir()
