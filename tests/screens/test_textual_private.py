"""Pins every private Textual name the project uses (listed in screens/app/textual_private.py).

Each test asserts that one name still exists with the shape the project relies on. After
a Textual upgrade, the failures here say exactly which reach broke, before any screen does.
"""

from __future__ import annotations

import inspect

import pytest
from textual.app import App
from textual.binding import Binding
from textual.command import CommandPalette
from textual.dom import DOMNode
from textual.drivers import linux_driver, linux_inline_driver
from textual.message import Message

from screens.app.textual_private import (
    drop_undecodable_input,
    key_clock,
    lenient_decoder,
    own_bindings,
    start_with_theme,
)


@pytest.mark.parametrize("module", [linux_driver, linux_inline_driver])
def test_the_drivers_build_their_stdin_decoder_through_a_module_name(module):
    """drop_undecodable_input rebinds `getincrementaldecoder` in these modules; that only
    works while the input loop looks the name up there, at call time."""
    assert hasattr(module, "getincrementaldecoder")
    driver = linux_driver.LinuxDriver if module is linux_driver else module.LinuxInlineDriver
    source = inspect.getsource(driver.run_input_thread)
    assert 'getincrementaldecoder("utf-8")()' in source
    assert "decode(read(fileno" in source


def test_after_the_hook_the_drivers_decoders_drop_undecodable_bytes(monkeypatch):
    for module in (linux_driver, linux_inline_driver):
        monkeypatch.setattr(module, "getincrementaldecoder", module.getincrementaldecoder)
    drop_undecodable_input()
    for module in (linux_driver, linux_inline_driver):
        decode = module.getincrementaldecoder("utf-8")().decode
        assert decode(b"a\xffb\x1b[M\xff\xff\xff") == "ab\x1b[M"
        assert decode(b"\xe2\x82") == "" and decode(b"\xac") == "€"  # split input still joins


def test_the_hook_does_not_load_the_inline_driver():
    """The app never runs inline: loading that driver only to patch it cost each start."""
    import subprocess
    import sys

    code = (
        "import sys; from screens.app.textual_private import drop_undecodable_input; "
        "drop_undecodable_input(); "
        "print('textual.drivers.linux_inline_driver' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr


def test_the_lenient_decoder_ignores_the_errors_asked_for():
    assert lenient_decoder("utf-8")("strict").decode(b"\xc0\xafq", final=True) == "q"


def test_a_nodes_own_bindings_are_a_key_to_bindings_map():
    """screens/base.py translates descriptions and adds dialog keys through own_bindings."""
    node = DOMNode()
    assert hasattr(node, "_bindings") and hasattr(node._bindings, "key_to_bindings")
    own = own_bindings(node)
    assert own is node._bindings.key_to_bindings and isinstance(own, dict)

    class Keys(DOMNode):
        BINDINGS = [Binding("x", "go", "Go")]

    bound = own_bindings(Keys())
    assert list(bound) == ["x"] and isinstance(bound["x"][0], Binding)


def test_the_command_palette_routes_list_keys_through_one_method():
    """screens/app/palette.py overrides CommandPalette._action_command_list(action)."""
    method = CommandPalette._action_command_list
    assert list(inspect.signature(method).parameters) == ["self", "action"]


def test_the_app_has_an_exit_flag():
    """screens/app/shell.py reads App._exit to do nothing once the app is on its way out."""
    assert App()._exit is False
    assert "self._exit = True" in inspect.getsource(App.exit)


def test_key_clock_is_the_clock_events_are_stamped_with():
    """The app drops a key stamped before its screen was put up (key_clock())."""
    before = key_clock()
    message = Message()
    after = key_clock()
    assert before <= message.time <= after


def test_the_app_writes_escapes_through_its_driver():
    """write_to_terminal writes a notice escape as App.bell() writes BEL: `_driver.write`."""
    from screens.app.textual_private import write_to_terminal

    assert "self._driver.write(" in inspect.getsource(App.bell)
    app = App()
    assert app._driver is None
    assert write_to_terminal(app, "\x1b]9;x\x07") is False  # no terminal yet: nothing

    class Driver:
        is_headless = False
        written: list[str] = []

        def write(self, text: str) -> None:
            self.written.append(text)

    app._driver = Driver()  # type: ignore[assignment]
    assert write_to_terminal(app, "\x1b]9;x\x07") is True
    assert Driver.written == ["\x1b]9;x\x07"]
    app._driver = None


class Themed(App[None]):
    """Styles that read the theme's variables, to see which variables were parsed."""

    CSS = "Screen { background: $background; } Static { color: $foreground; }"

    def compose(self):
        from textual.widgets import Static

        yield Static("x")


def seen_after_start(app: App) -> tuple:
    """What setting a theme changes, as a value: theme, classes, the ANSI colour map,
    and the colours the stylesheet gave the screen and a widget."""
    from textual.filter import ANSIToTruecolor
    from textual.widgets import Static

    ansi = [(f._terminal_theme, f.enabled) for f in app._filters if isinstance(f, ANSIToTruecolor)]
    return (
        app.theme,
        sorted(app.classes),
        ansi,
        app.screen.styles.background,
        app.query_one(Static).styles.color,
    )


@pytest.mark.parametrize("name", ["night", "light", "textual-light", "ansi-light", "dracula"])
async def test_start_with_theme_leaves_an_app_as_setting_app_theme_does_with_one_parse(
    name, monkeypatch
):
    """start_with_theme does what Textual's theme watcher does (`_refresh_truecolor_filter`
    among it), so an app started either way looks the same; and its stylesheet is
    parsed once, where setting `App.theme` queued a second parse of every source."""
    from textual.css.stylesheet import Stylesheet

    from screens.app.themes import THEMES

    reparsed = []
    reparse = Stylesheet.reparse
    monkeypatch.setattr(Stylesheet, "reparse", lambda self: (reparsed.append(1), reparse(self))[1])
    assert callable(App._refresh_truecolor_filter)
    seen, parses = [], []
    for by_watcher in (True, False):
        app = Themed()
        for theme in THEMES:
            app.register_theme(theme)
        if by_watcher:
            app.theme = name
        else:
            start_with_theme(app, name)
        reparsed.clear()
        async with app.run_test() as pilot:
            await pilot.pause()
            seen.append(seen_after_start(app))
        parses.append(len(reparsed))
    assert seen[0] == seen[1]
    assert seen[0][0] == name and f"-theme-{name}" in seen[0][1]
    assert parses == [1, 0]
