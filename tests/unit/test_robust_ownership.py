"""Issue 16, ownership: the data and cache folders are the user's own and private.

A folder that belongs to another user (or a link to one), or that others can write to, is
not used: history is off with one line saying why, settings are neither read nor written,
the cache is simply unused. Folders the app makes are 0700, whatever the umask.
"""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import pytest

from coach.store.history import History
from coach.store.locations import folder_problem
from coach.store.recorder import Recorder
from coach.store.settings import load_settings
from tests.support.robust_support import coach_env, no_traceback, run_coach

OTHER_USER = 65534  # nobody


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def theirs(tmp_path) -> Path:
    """Another user's folder, with their settings in it."""
    folder = tmp_path / "theirs"
    folder.mkdir()
    (folder / "settings.json").write_text(json.dumps({"theme": "light"}))
    os.chown(folder, OTHER_USER, OTHER_USER)
    return folder


def test_a_folder_of_another_user_is_not_used_for_history(theirs):
    result = History.open(theirs)
    assert result.store is None
    assert result.warning.startswith("History is off") and "another user" in result.warning
    assert "\n" not in result.warning
    assert sorted(p.name for p in theirs.iterdir()) == ["settings.json"]


def test_a_link_to_another_users_folder_is_not_used(tmp_path, theirs):
    link = tmp_path / "mine"
    link.symlink_to(theirs)
    assert "another user" in History.open(link).warning
    prefs = load_settings(link)
    assert prefs.settings.theme is None and "another user" in prefs.warning
    assert sorted(p.name for p in theirs.iterdir()) == ["settings.json"]


def test_settings_in_another_users_folder_are_neither_read_nor_written(theirs):
    prefs = load_settings(theirs)
    assert prefs.settings.theme is None  # their choice is not ours
    assert prefs.warning.startswith("Settings not read") and "another user" in prefs.warning
    assert "not saved" in prefs.remember({"theme": "night"})
    assert json.loads((theirs / "settings.json").read_text()) == {"theme": "light"}


def test_the_recorder_says_history_is_off_and_writes_nothing(theirs):
    from coach.core.episode import Episode

    said = threading.Event()
    recorder = Recorder(theirs, noticed=said.set)
    first = recorder.save(Episode("back", "bed"))
    # Closed once the writer has found the folder is not ours: a close before the writer
    # has run would give up on its deadline without having tried.
    assert said.wait(timeout=60), "the writer never said why history is off"
    # The writer's note is handed back by whichever call comes next: the save itself, if
    # the writer was quicker than the save's own return, or the close.
    notes = " ".join(note for note in (first, recorder.close()) if note)
    assert "another user" in notes and "could not be saved" in notes
    assert sorted(p.name for p in theirs.iterdir()) == ["settings.json"]


def test_a_folder_others_can_write_to_is_not_used(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    result = History.open(shared)
    assert result.store is None and "other users" in result.warning
    assert list(shared.iterdir()) == []
    assert mode(shared) == 0o777  # a folder the person chose keeps its mode


@pytest.mark.parametrize("umask", [0o022, 0o000])
def test_folders_the_app_makes_are_private(tmp_path, umask):
    old = os.umask(umask)
    try:
        deep = tmp_path / "a" / "b" / "data"
        assert History.open(deep).store is not None
        settings_home = tmp_path / "s" / "t"
        assert load_settings(settings_home).save() is None
    finally:
        os.umask(old)
    for folder in (tmp_path / "a", tmp_path / "a" / "b", deep, tmp_path / "s", settings_home):
        assert mode(folder) == 0o700, folder
    assert mode(deep / "history.db") == 0o600
    assert mode(settings_home / "settings.json") == 0o600


def test_the_default_data_folder_made_wide_by_an_older_version_is_made_private(
    tmp_path, monkeypatch
):
    import platformdirs

    default = tmp_path / "share" / "calf-coach"
    default.mkdir(parents=True)
    default.chmod(0o755)
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *_a, **_k: str(default))
    assert History.open(default).store is not None
    assert mode(default) == 0o700
    chosen = tmp_path / "chosen"  # a folder the person chose keeps the mode they gave it
    chosen.mkdir()
    chosen.chmod(0o750)
    assert History.open(chosen).store is not None
    assert mode(chosen) == 0o750


def test_folder_problem_names_the_reason_in_one_line(tmp_path, theirs):
    a_file = tmp_path / "file"
    a_file.write_text("x")
    assert "not a folder" in folder_problem(a_file, create=False)
    assert "another user" in folder_problem(theirs, create=False)
    assert folder_problem(tmp_path / "missing", create=False) is None
    assert folder_problem(tmp_path / "made", create=True) is None and (tmp_path / "made").is_dir()


def test_the_app_in_plain_mode_says_why_and_keeps_coaching(tmp_path, theirs):
    out = run_coach(["--plain", "--data-dir", str(theirs), "back"], coach_env(tmp_path))
    assert out.returncode == 0, out.stderr
    assert no_traceback(out.stderr)
    assert "another user" in out.stdout and "Before you stretch" in out.stdout
    assert sorted(p.name for p in theirs.iterdir()) == ["settings.json"]


def test_export_from_another_users_folder_says_why(tmp_path, theirs):
    (theirs / "history.db").write_bytes(b"")
    out = run_coach(["export", "--data-dir", str(theirs)], coach_env(tmp_path))
    assert out.returncode == 1 and no_traceback(out.stderr)
    assert len(out.stderr.strip().splitlines()) == 1 and "another user" in out.stderr
