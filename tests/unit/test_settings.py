import json

from coach.store.settings import Settings, load_settings


def test_round_trip(tmp_path):
    prefs = load_settings(tmp_path)
    assert prefs.settings == Settings() and prefs.warning is None
    assert prefs.remember({"position": "standing"}) is None
    assert load_settings(tmp_path).settings.position == "standing"


def test_unreadable_settings_are_moved_aside_not_deleted(tmp_path):
    (tmp_path / "settings.json").write_text("{not json")
    prefs = load_settings(tmp_path)
    assert prefs.settings == Settings()
    assert "moved it to" in prefs.warning
    aside = list(tmp_path.glob("settings.json.unreadable-*"))
    assert len(aside) == 1 and aside[0].read_text() == "{not json"


def test_unknown_keys_from_a_newer_version_are_ignored(tmp_path):
    (tmp_path / "settings.json").write_text(json.dumps({"position": "bed", "future": 1}))
    assert load_settings(tmp_path).settings.position == "bed"


def test_save_failure_is_a_warning(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    prefs = load_settings(blocker / "sub")
    assert "not saved" in prefs.save()


def test_remember_keeps_the_changes_and_saves_once(tmp_path):
    prefs = load_settings(tmp_path)
    assert prefs.remember({}) is None
    assert not (tmp_path / "settings.json").exists()  # nothing to keep: nothing written
    assert prefs.remember({"region": "uk", "voice": True}) is None
    assert prefs.settings == Settings(region="uk", voice=True)
    assert json.loads((tmp_path / "settings.json").read_text())["region"] == "uk"
    assert load_settings(tmp_path).settings == Settings(region="uk", voice=True)


def test_remember_says_when_it_cannot_save(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    prefs = load_settings(blocker / "sub")
    assert "not saved" in prefs.remember({"theme": "light"})
    assert prefs.settings.theme == "light"  # still used for this session
