"""The command palette offers only what works here."""

from __future__ import annotations

from textual.screen import Screen

from screens.app.shell import make_app


def titles(app, screen) -> list[str]:
    return [command.title for command in app.get_system_commands(screen)]


def test_keys_is_not_offered_and_screenshot_only_with_a_downloads_folder(
    content, tmp_path, monkeypatch
):
    monkeypatch.setenv("XDG_DOWNLOAD_DIR", str(tmp_path / "no-such-folder"))
    monkeypatch.setenv("HOME", str(tmp_path))
    app = make_app(content, data_dir=tmp_path / "d")
    offered = titles(app, Screen())
    assert "Keys" not in offered and "Screenshot" not in offered
    assert "Quit" in offered and "When to get help" in offered
    (tmp_path / "no-such-folder").mkdir()
    assert "Screenshot" in titles(app, Screen())
