"""What every screen shares (screens/base.py): `!` and `?` after the screen's own keys,
descriptions in the person's language where they are drawn, and keys pressed before a
screen was up left for no one."""

from __future__ import annotations

from textual import events

from screens.app.shell import make_app
from screens.help import HelpScreen, keys_for
from screens.side_picker import SidePicker
from screens.tips import TipsScreen
from tests.support.app import coach_app
from tests.support.pilot import footer_keys, wait_for


async def test_get_help_and_help_come_after_the_screens_own_keys(content, tmp_path):
    app = make_app(content, data_dir=tmp_path)
    async with app.run_test(size=(100, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        await pilot.pause()
        assert footer_keys(app).endswith("q Quit ! Get help ? Help")
        assert [line.split()[0] for line in keys_for(app.screen)][-3:] == ["q", "!", "?"]


async def test_a_screen_that_binds_a_help_key_itself_keeps_its_own(content, tmp_path):
    """Help closes with `?`; its footer still names q first for Close."""
    app = make_app(content, data_dir=tmp_path)
    async with app.run_test(size=(100, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        await pilot.press("question_mark")
        await wait_for(pilot, HelpScreen)
        await pilot.pause()
        assert footer_keys(app) == "q Close ! Get help"
        await pilot.press("question_mark")
        await wait_for(pilot, SidePicker)


async def test_the_footer_and_help_are_in_the_persons_language(tmp_path):
    app = coach_app(lang="zh", data_dir=tmp_path)
    async with app.run_test(size=(100, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        await pilot.pause()
        footer = footer_keys(app)
        assert "求助" in footer and "Get help" not in footer
        listed = "\n".join(keys_for(app.screen))
        assert "求助" in listed and "Get help" not in listed


async def test_a_key_pressed_before_a_screen_was_up_is_not_for_it(content, tmp_path):
    """q closes the tips; a q stamped before they were put up does not."""
    app = make_app(content, data_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        early = events.Key("q", "q")
        await app.push_screen(TipsScreen(content, ()))
        await wait_for(pilot, TipsScreen)
        app.post_message(early)
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, TipsScreen)
        app.post_message(events.Key("q", "q"))
        await wait_for(pilot, SidePicker)
