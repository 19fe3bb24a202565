"""KeyFooter draws every key in one widget (screens/widgets/key_footer.py): it must look and act
as Textual's Footer does with a widget per key, compact and without the palette key."""

from __future__ import annotations

import inspect
import re

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from screens.app.themes import THEMES
from screens.widgets.key_footer import KeyFooter, KeyRow

SIZE = (60, 4)
BOTTOM = SIZE[1] - 1
TEXT = "y Yes ! Get help d Off + Add 30 s q Leave"
"""What both footers show: a key per action, the first of its keys."""
SPOTS = (0, 1, 2, 5, 6, 7, 16, 17, 19, 21, 23, 29, 33, 34, 40, 41, 59)
"""Columns the mouse is put on: on keys, on their words, between them, past them."""


class Keys(App[None]):
    BINDINGS = [
        Binding("y", "press('y')", "Yes"),
        Binding("exclamation_mark", "press('!')", "Get help"),
        Binding("d", "off", "Off"),  # disabled: drawn dim, a click rings the bell
        Binding("plus,equals_sign", "press('+')", "Add 30 s", key_display="+"),
        Binding("q,escape", "press('q')", "Leave"),
        Binding("z", "press('z')", "Hidden", show=False),
    ]

    def __init__(self, footer: Widget) -> None:
        super().__init__()
        self.footer = footer
        self.pressed: list[str] = []
        self.bells = 0
        for theme in THEMES:
            self.register_theme(theme)

    def compose(self) -> ComposeResult:
        yield self.footer

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "off" else True

    def action_press(self, key: str) -> None:
        self.pressed.append(key)

    def bell(self) -> None:
        self.bells += 1


def textual_footer() -> Footer:
    return Footer(compact=True, show_command_palette=False)


async def screenshots(footer: Widget, themes: list[str], spots: tuple[int | None, ...]):
    app = Keys(footer)
    shots = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for theme in themes:
            app.theme = theme
            for x in spots:
                await pilot.hover(offset=(0, 0) if x is None else (x, BOTTOM))
                await pilot.pause()
                shots.append(((theme, x), drawn(app.export_screenshot())))
    return shots


def drawn(svg: str) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """What a screenshot draws: each run of text with its style's rules, and each
    background rectangle. Not the SVG itself: its style table also lists the colour
    of spaces, which draw nothing (between two keys Textual's are the footer's own
    blank, with no colour; here, a space of the row, with the row's colour)."""
    svg = re.sub(r"terminal-\d+-", "terminal-", svg)  # the id: a hash of the segments
    rules = dict(re.findall(r"\.(terminal-r\d+) \{ ([^}]*) \}", svg))
    texts = re.findall(
        r'<text class="(terminal-r\d+)" x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)<', svg
    )
    rects = re.findall(r'<rect fill="([^"]+)" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"', svg)
    assert texts
    return [(y, x, rules[name], text) for name, x, y, text in texts], rects


def all_themes() -> list[str]:
    return sorted(Keys(textual_footer()).available_themes)


@pytest.mark.slow
async def test_every_key_looks_as_textuals_footer_draws_it_on_every_theme():
    themes = all_themes()
    assert {"ansi-dark", "ansi-light", "textual-dark", "day", "night", "light"} <= set(themes)
    ours = await screenshots(KeyFooter(), themes, (None,))
    theirs = await screenshots(textual_footer(), themes, (None,))
    assert [shot for shot, _svg in ours] == [shot for shot, _svg in theirs]
    for (shot, mine), (_shot, textual) in zip(ours, theirs, strict=True):
        assert mine == textual, shot


@pytest.mark.slow
@pytest.mark.parametrize("theme", ["textual-dark", "textual-light", "ansi-dark", "day", "night"])
async def test_a_key_under_the_mouse_looks_as_textuals_does(theme):
    ours = await screenshots(KeyFooter(), [theme], SPOTS)
    theirs = await screenshots(textual_footer(), [theme], SPOTS)
    for (shot, mine), (_shot, textual) in zip(ours, theirs, strict=True):
        assert mine == textual, shot


async def clicks(footer: Widget) -> tuple[list[str], int, str]:
    app = Keys(footer)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for x in SPOTS:
            await pilot.click(offset=(x, BOTTOM))
            await pilot.pause()
        text = app.query_one(KeyFooter).text if isinstance(footer, KeyFooter) else TEXT
    return app.pressed, app.bells, text


@pytest.mark.slow  # clicks across two whole footers, ours and Textual's, one pause each
async def test_a_click_presses_its_key_and_a_disabled_one_rings_the_bell_as_textuals():
    ours = await clicks(KeyFooter())
    assert ours == await clicks(textual_footer())
    assert ours[0] and ours[1] and ours[2] == TEXT


async def test_the_pointer_is_a_hand_over_a_key_only():
    app = Keys(KeyFooter())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        row = app.query_one(KeyRow)
        await pilot.hover(offset=(2, BOTTOM))
        assert (row.hovered, row.styles.pointer) == (0, "pointer")
        await pilot.hover(offset=(5, BOTTOM))  # between two keys
        assert (row.hovered, row.styles.pointer) == (None, "default")
        await pilot.hover(offset=(7, BOTTOM))
        await pilot.hover(offset=(7, 0))  # off the footer
        assert (row.hovered, row.styles.pointer) == (None, "default")


def test_the_footer_follows_the_screens_bindings_as_textuals_does():
    """KeyFooter subscribes to the signal Footer subscribes to, which publishes the screen."""
    assert "self.screen.bindings_updated_signal.subscribe(self" in inspect.getsource(
        Footer.on_mount
    )
    assert "self.bindings_updated_signal.publish(self)" in inspect.getsource(Screen)


def test_keys_are_written_as_textual_writes_them():
    """The app writes a letter or digit itself (AppActions.get_key_display), and `!` and
    `?` have their own key_display (screens/base.py): each as Textual writes it."""
    import string
    from dataclasses import replace

    from screens.app.actions import AppActions
    from screens.base import HELP_KEYS

    ours, textual = AppActions(), App()
    for key in string.ascii_letters + string.digits:
        binding = Binding(key, "go", "Go")
        assert ours.get_key_display(binding) == textual.get_key_display(binding) == key
    for binding in HELP_KEYS:
        plain = replace(binding, key_display=None)
        assert textual.get_key_display(plain) == binding.key_display
        assert ours.get_key_display(binding) == binding.key_display


async def test_the_safety_questions_footer_shows_both_answers_at_40_columns(content, tmp_path):
    from screens.app.shell import make_app
    from screens.safety_check import SafetyCheck
    from screens.side_picker import SidePicker
    from tests.conftest import FakeClock
    from tests.support.pilot import footer_keys, wait_for

    app = make_app(content, data_dir=tmp_path, clock=FakeClock())
    async with app.run_test(size=(40, 12)) as pilot:
        await wait_for(pilot, SidePicker)
        await pilot.pause()
        await pilot.press("b")
        await wait_for(pilot, SafetyCheck)
        await pilot.pause()
        await pilot.pause()
        footer = footer_keys(app)
        actions: dict[str, list[str]] = {}  # the footer shows one key per action
        for active in app.screen.active_bindings.values():
            if active.binding.show:
                keys = actions.setdefault(active.binding.action, [])
                keys.append(app.get_key_display(active.binding))
        words = footer.split()
        for action, keys in actions.items():
            assert any(key in words for key in keys), (action, footer)
        assert len(footer) <= 40
