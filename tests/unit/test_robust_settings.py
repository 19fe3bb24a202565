"""Issue 16, settings: nothing in settings.json can stop a start, and nothing in it is lost.

A value of the wrong type falls back to its default with one note; a file that cannot be
read or parsed is moved aside (never written over, and never saved over if it could not
be moved); only a regular file is read, and only up to a size cap; a failed save leaves no
temporary file; and no stored value skips the safety question.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import threading
from pathlib import Path

import pytest

from coach.store import settings as settings_module
from coach.store.settings import MAX_BYTES, VALID, Settings, load_settings
from tests.support.robust_support import coach_env, no_traceback, run_coach


def write(folder: Path, data: object) -> Path:
    path = folder / "settings.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def aside(folder: Path) -> list[Path]:
    return sorted(folder.glob("settings.json.unreadable-*"))


def test_every_settings_field_has_a_check():
    assert set(VALID) == set(Settings._fields)


@pytest.mark.parametrize(
    ("stored", "field"),
    [
        ({"disclaimer_seen": "false"}, "disclaimer_seen"),  # a string is not a boolean
        ({"disclaimer_seen": 1}, "disclaimer_seen"),
        ({"disclaimer_seen": None}, "disclaimer_seen"),
        ({"position": ["bed"]}, "position"),  # a list where a name belongs
        ({"position": {"id": "bed"}}, "position"),
        ({"position": "x" * 5000}, "position"),
        ({"theme": 42}, "theme"),
        ({"theme": "[bold red]night[/]"}, "theme"),  # markup is not a theme name
        ({"theme": "night\n"}, "theme"),
        ({"theme": [[[[[[[[[[[[["deep"]]]]]]]]]]]]]}, "theme"),
    ],
)
def test_a_bad_value_falls_back_to_its_default_with_one_note(tmp_path, stored, field):
    write(tmp_path, {"position": "standing", **stored} if field != "position" else stored)
    prefs = load_settings(tmp_path)
    assert getattr(prefs.settings, field) == getattr(Settings(), field)
    assert prefs.warning is not None and field in prefs.warning
    assert "\n" not in prefs.warning
    if field != "position":
        assert prefs.settings.position == "standing"  # the good fields are kept
    assert not aside(tmp_path)  # a bad field is not a bad file


def test_a_string_false_is_not_taken_as_true(tmp_path):
    write(tmp_path, {"disclaimer_seen": "false"})
    assert load_settings(tmp_path).settings.disclaimer_seen is False


@pytest.mark.parametrize("stored", [True, "yes", 1, [True], {"on": True}])
def test_a_stored_skip_safety_check_is_ignored_whatever_its_value(tmp_path, stored):
    write(tmp_path, {"skip_safety_check": stored, "position": "bed"})
    prefs = load_settings(tmp_path)
    assert not hasattr(prefs.settings, "skip_safety_check")
    assert prefs.warning is None and prefs.settings.position == "bed"
    assert prefs.save() is None
    assert "skip_safety_check" not in json.loads((tmp_path / "settings.json").read_text())


@pytest.mark.parametrize(
    "raw",
    [
        b"\xff\xfe{}",  # not UTF-8
        b"[" * 50_000 + b"]" * 50_000,  # under the size cap, too deep for the parser
        b"{}" + b" " * (MAX_BYTES + 10),  # over the size cap
    ],
    ids=["not-utf8", "deep", "huge"],
)
def test_an_unparseable_file_is_moved_aside_byte_for_byte(tmp_path, raw):
    (tmp_path / "settings.json").write_bytes(raw)
    prefs = load_settings(tmp_path)
    assert prefs.settings == Settings()
    assert prefs.warning is not None and "moved it to" in prefs.warning
    (kept,) = aside(tmp_path)
    assert kept.read_bytes() == raw
    assert prefs.save() is None  # a fresh file is saved beside the one kept
    assert kept.read_bytes() == raw


def load_within(folder: Path, seconds: float = 10.0):
    """load_settings in a thread: a test that hangs would hang the whole run."""
    result: list = []
    worker = threading.Thread(target=lambda: result.append(load_settings(folder)), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "load_settings hung"
    return result[0]


def test_a_fifo_in_place_of_the_file_does_not_hang_and_is_moved_aside(tmp_path):
    os.mkfifo(tmp_path / "settings.json")
    prefs = load_within(tmp_path)
    assert prefs.settings == Settings() and "not a regular file" in prefs.warning
    (kept,) = aside(tmp_path)
    assert stat.S_ISFIFO(os.lstat(kept).st_mode)


def test_a_device_in_place_of_the_file_is_never_read(tmp_path):
    try:  # /dev/zero's numbers: read until memory runs out, if anything read it
        os.mknod(tmp_path / "settings.json", stat.S_IFCHR | 0o600, os.makedev(1, 5))
    except PermissionError:
        pytest.skip("making a device needs root")
    prefs = load_within(tmp_path)
    assert prefs.settings == Settings() and "not a regular file" in prefs.warning
    (kept,) = aside(tmp_path)
    assert stat.S_ISCHR(os.lstat(kept).st_mode)


def test_a_symlink_in_place_of_the_file_is_not_followed(tmp_path):
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text(json.dumps({"theme": "light"}))
    (tmp_path / "settings.json").symlink_to(elsewhere)
    prefs = load_settings(tmp_path)
    assert prefs.settings.theme is None and "symbolic link" in prefs.warning
    (kept,) = aside(tmp_path)
    assert kept.is_symlink()
    assert prefs.remember({"theme": "night"}) is None
    assert json.loads(elsewhere.read_text()) == {"theme": "light"}  # the target untouched


def test_a_file_that_cannot_be_moved_aside_is_never_saved_over(tmp_path, monkeypatch):
    path = tmp_path / "settings.json"
    path.write_bytes(b"{not json")

    def cannot(*_args):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(settings_module.os, "rename", cannot)
    prefs = load_settings(tmp_path)
    assert "could not be moved aside" in prefs.warning
    assert prefs.remember({"theme": "night", "disclaimer_seen": True}) is None
    assert path.read_bytes() == b"{not json"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_a_failed_save_leaves_no_temporary_file(tmp_path, monkeypatch, failing):
    def full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    prefs = load_settings(tmp_path)
    monkeypatch.setattr(settings_module.os, failing, full)
    warning = prefs.save()
    assert warning is not None and "No space left" in warning
    assert list(tmp_path.iterdir()) == []


def test_a_save_does_not_replace_something_that_is_not_a_file(tmp_path):
    prefs = load_settings(tmp_path)
    os.mkfifo(tmp_path / "settings.json")  # appeared after the load
    assert "not a regular file" in prefs.save()
    assert stat.S_ISFIFO(os.lstat(tmp_path / "settings.json").st_mode)


def test_the_app_starts_with_every_field_of_the_wrong_type(tmp_path):
    """Plain mode end to end: one note, the first question, exit 0, no traceback."""
    data = tmp_path / "data"
    data.mkdir()
    write(data, {"position": ["bed"], "disclaimer_seen": "false", "theme": {"a": [1]}})
    out = run_coach(["--plain"], coach_env(tmp_path), stdin="q\n")
    assert out.returncode == 0, out.stderr
    assert no_traceback(out.stderr)
    notes = [line for line in out.stdout.splitlines() if "Settings: ignored" in line]
    assert len(notes) == 1 and all(f in notes[0] for f in ("position", "theme"))
    assert "Where is the cramp?" in out.stdout
