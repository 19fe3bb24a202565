import json

from coach.core.i18n import region_from_locale
from coach.store.settings import Settings, load_settings


def test_round_trip(tmp_path):
    prefs = load_settings(tmp_path)
    assert prefs.settings == Settings() and prefs.warning is None
    prefs.settings.position = "standing"
    assert prefs.save() is None
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


def test_region_from_locale():
    countries = {"GB": "uk", "US": "us"}
    assert region_from_locale({"LANG": "en_GB.UTF-8"}, countries) == "uk"
    assert region_from_locale({"LC_ALL": "en_US.UTF-8", "LANG": "en_GB"}, countries) == "us"
    assert region_from_locale({"LANG": "C.UTF-8"}, countries) == "default"
    assert region_from_locale({"LANG": "fr_FR.UTF-8"}, countries) == "default"
    assert region_from_locale({}, countries) == "default"
