"""Every reach into Textual's private API (listed in screens/app/textual_private.py): each
is pinned to the shape the project relies on, each is taken away to show the app still
starts without it, and no other module reaches in.

After a Textual upgrade, the failures here say exactly which reach broke, before any
screen does. Test helpers read more of Textual's insides, to know a frame is settled or
to read the screen as text (tests/support/robust_support.py: `screen_text` reads the
compositor as `App.export_screenshot` does; pinned below); those never run for a person.
"""

from __future__ import annotations

import ast
import inspect
from types import SimpleNamespace

import pytest
from textual.app import App
from textual.command import CommandPalette
from textual.css.stylesheet import Stylesheet
from textual.drivers import linux_driver, linux_inline_driver
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Static

from screens.app import textual_private
from screens.app.shell import make_app
from screens.app.style_files import EPISODE, style_file
from screens.app.textual_private import (
    LINE_FILTER_APPLY,
    drop_undecodable_input,
    lenient_decoder,
    line_filter,
    parse_style_files,
    start_with_theme,
    write_to_terminal,
)
from screens.safety_check import SafetyCheck
from screens.side_picker import SidePicker
from tests.conftest import ROOT
from tests.support.app import coach_app
from tests.support.pilot import wait_for

# 1. The stdin decoder


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


async def test_without_the_decoder_name_the_hook_patches_nothing_and_the_app_starts(
    content, tmp_path, monkeypatch
):
    for module in (linux_driver, linux_inline_driver):
        monkeypatch.delattr(module, "getincrementaldecoder")
    drop_undecodable_input()  # as the CLI does before the app runs
    assert not hasattr(linux_driver, "getincrementaldecoder")
    await shows_the_picker(make_app(content, data_dir=tmp_path))


def test_without_the_driver_module_the_hook_does_nothing(monkeypatch):
    import sys

    import textual.drivers

    monkeypatch.delattr(textual.drivers, "linux_driver")
    monkeypatch.setitem(sys.modules, "textual.drivers.linux_driver", None)
    with pytest.raises(ImportError):
        from textual.drivers import linux_driver  # noqa: F401
    drop_undecodable_input()


# 2. Writing an escape


def test_the_app_writes_escapes_through_its_driver():
    """write_to_terminal writes a notice escape as App.bell() writes BEL: `_driver.write`."""
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


def test_without_a_driver_to_write_to_no_notice_is_written():
    app = SimpleNamespace(is_headless=False)  # an App whose driver has another name
    assert write_to_terminal(app, "\x1b]9;x\x07") is False  # type: ignore[arg-type]


# 3. The command palette's list keys


def test_the_command_palette_routes_list_keys_through_one_method():
    """screens/app/palette.py overrides CommandPalette._action_command_list(action), which
    the palette's PageUp and PageDown bindings run as `command_list(...)`."""
    method = CommandPalette._action_command_list
    assert list(inspect.signature(method).parameters) == ["self", "action"]
    actions = {binding.action for binding in CommandPalette.BINDINGS if hasattr(binding, "action")}
    assert {"command_list('page_up')", "command_list('page_down')"} <= actions


async def test_without_the_list_method_the_palette_still_opens(content, tmp_path, monkeypatch):
    from screens.app.palette import Palette

    monkeypatch.delattr(CommandPalette, "_action_command_list")
    app = make_app(content, data_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        await pilot.press("ctrl+p")
        await wait_for(pilot, Palette)
        await pilot.press("escape")
        await wait_for(pilot, SidePicker)


# 4. The starting theme


class Themed(App[None]):
    """Styles that read the theme's variables, to see which variables were parsed."""

    CSS = "Screen { background: $background; } Static { color: $foreground; }"

    def compose(self):
        yield Static("x")


def seen_after_start(app: App) -> tuple:
    """What setting a theme changes, as a value: theme, classes, the ANSI colour map,
    and the colours the stylesheet gave the screen and a widget."""
    from textual.filter import ANSIToTruecolor

    ansi = [(f._terminal_theme, f.enabled) for f in app._filters if isinstance(f, ANSIToTruecolor)]
    return (
        app.theme,
        sorted(app.classes),
        ansi,
        app.screen.styles.background,
        app.query_one(Static).styles.color,
    )


@pytest.fixture
def reparses(monkeypatch) -> list[int]:
    counted: list[int] = []
    reparse = Stylesheet.reparse
    monkeypatch.setattr(Stylesheet, "reparse", lambda self: (counted.append(1), reparse(self))[1])
    return counted


@pytest.mark.parametrize("name", ["night", "light", "textual-light", "ansi-light", "dracula"])
async def test_start_with_theme_leaves_an_app_as_setting_app_theme_does_with_one_parse(
    name, reparses
):
    """start_with_theme does what Textual's theme watcher does (`_refresh_truecolor_filter`
    among it), so an app started either way looks the same; and its stylesheet is
    parsed once, where setting `App.theme` queued a second parse of every source."""
    from screens.app.themes import THEMES

    assert callable(getattr(App, textual_private.ANSI_COLOUR_MAP))
    assert f"self.{textual_private.ANSI_COLOUR_MAP}(self.ansi_theme)" in inspect.getsource(
        App._watch_theme
    )
    seen, parses = [], []
    for by_watcher in (True, False):
        app = Themed()
        for theme in THEMES:
            app.register_theme(theme)
        if by_watcher:
            app.theme = name
        else:
            start_with_theme(app, name)
        reparses.clear()
        async with app.run_test() as pilot:
            await pilot.pause()
            seen.append(seen_after_start(app))
        parses.append(len(reparses))
    assert seen[0] == seen[1]
    assert seen[0][0] == name and f"-theme-{name}" in seen[0][1]
    assert parses == [1, 0]


async def test_without_the_colour_map_call_the_app_starts_in_its_theme(
    content, tmp_path, monkeypatch, reparses
):
    """As if Textual had renamed it: the theme is set as a person would set it, and the
    styles are parsed twice."""
    from screens.history import HistoryScreen

    seen, parses = [], []
    for gone in (False, True):
        if gone:
            monkeypatch.setattr(textual_private, "ANSI_COLOUR_MAP", "_map_ansi_colours")
        app = coach_app(content, data_dir=tmp_path / str(gone), theme="night", start="history")
        assert app.theme == "night"
        reparses.clear()
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, HistoryScreen)
            await pilot.pause()
            seen.append((sorted(app.classes), app.screen.styles.background))
        parses.append(bool(reparses))
    assert seen[0] == seen[1] and "-theme-night" in seen[0][0]
    assert parses == [False, True]


# 5. Style sheets parsed ahead


def test_the_style_files_are_parsed_as_textual_parses_a_pushed_screens():
    """parse_style_files copies what App._load_screen_css does with a screen's files."""
    source = inspect.getsource(App._load_screen_css)
    for call in (
        'self.stylesheet.has_source(str(path), "")',
        "self.stylesheet.read(path)",
        "self.stylesheet.reparse()",
        "self.stylesheet.update(self)",
    ):
        assert call in source
    assert all(callable(getattr(Stylesheet, call)) for call in textual_private.STYLESHEET_CALLS)


async def test_parsed_ahead_a_pushed_screens_file_is_not_parsed_again(content, tmp_path, reparses):
    app = make_app(content, data_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        parse_style_files(app, [str(style_file(name)) for name in EPISODE])
        parse_style_files(app, [str(style_file(name)) for name in EPISODE])
        await pilot.press("b")
        await wait_for(pilot, SafetyCheck)
        assert reparses == []


async def test_parsing_ahead_keeps_the_rules_already_parsed_and_parses_only_the_new_files(
    content, tmp_path
):
    """The sources parsed before keep their rule objects (taken from the stylesheet's
    parse cache, not parsed a second time and kept beside the first parse, as
    `reparse` did); each new file adds its own rules, and styles them as Textual would."""
    app = make_app(content, data_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        await pilot.pause()
        stylesheet = app.stylesheet
        paths = [str(style_file(name)) for name in ("safety_check.tcss", "tips.tcss", "help.tcss")]
        new = [path for path in paths if not stylesheet.has_source(path, "")]
        assert len(new) == 2
        before = list(stylesheet.rules)
        parse_style_files(app, paths)
        after = stylesheet.rules
        kept = {id(rule) for rule in before}
        added = [rule for rule in after if id(rule) not in kept]
        assert all(any(rule is old for rule in after) for old in before)
        assert len(after) == len(before) + len(added)
        alone = Stylesheet(variables=app.get_css_variables())
        for path in new:
            alone.read(path)
        assert added and shape(added) == shape(alone.rules)
        everything = Stylesheet(variables=app.get_css_variables())
        for location, source in stylesheet.source.items():
            everything.add_source(
                source.content,
                read_from=location,
                is_default_css=source.is_defaults,
                tie_breaker=source.tie_breaker,
                scope=source.scope,
            )
        assert shape(everything.rules) == shape(after)


def shape(rules: list) -> list:
    """What a list of rule sets says: each one's selectors and declarations."""
    return [(rule.selectors, repr(rule.styles.get_rules())) for rule in rules]


async def test_without_a_stylesheet_call_each_screen_is_styled_as_it_is_put_up(
    content, tmp_path, monkeypatch
):
    """As if Textual had renamed one of the calls: nothing is parsed ahead, and the
    question is styled by its own file when it is put up, as Textual does."""
    monkeypatch.setattr(textual_private, "STYLESHEET_CALLS", ("has_source", "read_now"))
    app = make_app(content, data_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        await pilot.pause()
        safety = str(style_file("safety_check.tcss"))
        assert not app.stylesheet.has_source(safety, "")
        await pilot.press("b")
        await wait_for(pilot, SafetyCheck)
        await pilot.pause()
        assert app.stylesheet.has_source(safety, "")


# 7. A line filter


def test_a_line_filter_is_applied_with_the_segments_and_background():
    from textual.filter import LineFilter

    assert tuple(inspect.signature(LineFilter.apply).parameters) == LINE_FILTER_APPLY
    made = line_filter(lambda segments, background: ["seen", *segments])
    assert isinstance(made, LineFilter) and made.enabled is False  # the app turns it on
    assert made.apply(["line"], None) == ["seen", "line"]


async def test_without_the_line_filter_class_the_app_starts_and_draws_as_textual(
    content, tmp_path, monkeypatch
):
    import textual.filter

    monkeypatch.delattr(textual.filter, "LineFilter")
    assert line_filter(lambda segments, background: segments) is None
    app = make_app(content, data_dir=tmp_path)
    assert app.bold_is_bright is None
    await shows_the_picker(app)


def test_a_line_filter_whose_apply_changed_is_not_used(monkeypatch):
    import textual.filter

    class Changed(textual.filter.LineFilter):
        def apply(self, segments, background, extra):  # type: ignore[override]
            return segments

    monkeypatch.setattr(textual.filter, "LineFilter", Changed)
    assert line_filter(lambda segments, background: segments) is None


# No other module reaches in


def textual_private_names() -> set[str]:
    """Private names of Textual's App, screens, widgets and command palette."""
    made = [App(), Screen(), ModalScreen(), Widget(), Static()]
    names = {name for made_one in made for name in dir(made_one)}
    names |= set(dir(CommandPalette))
    return {name for name in names if name.startswith("_") and not name.startswith("__")}


LISTED = {"screens/app/textual_private.py", "screens/app/palette.py"}
"""Where the reaches are: the list itself, and the palette's override (3 in the list)."""
OWN = {"_ready"}
"""Names the project's screens and widgets use for themselves (a history page read
early, a footer told its keys), which only Textual's App has, as a method of its own."""


INTERNAL_MODULES = {"textual.filter"}
"""Modules without a leading underscore that Textual's docs call internal."""


def reaches(path, private: set[str]) -> set[str]:
    """The Textual private names a source file uses: as an attribute, as a name looked
    up by string (getattr and its kin), as a method it overrides, or as a module."""
    found, modules = set(), set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute):
            found.add(node.attr)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            found.add(node.name)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("getattr", "hasattr", "setattr", "delattr")
            and len(node.args) > 1
            and isinstance(node.args[1], ast.Constant)
        ):
            found.add(node.args[1].value)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("textual"):
            modules |= {part for part in node.module.split(".") if part.startswith("_")}
            modules |= {node.module} & INTERNAL_MODULES
            modules |= {alias.name for alias in node.names if alias.name.startswith("_")}
    return (found & private) | modules


def test_only_the_listed_modules_reach_into_textual():
    private = textual_private_names() - OWN
    sources = sorted([*(ROOT / "coach").rglob("*.py"), *(ROOT / "screens").rglob("*.py")])
    found = {
        str(path.relative_to(ROOT)): names
        for path in sources
        if str(path.relative_to(ROOT)) not in LISTED and (names := reaches(path, private))
    }
    assert found == {}


def test_the_reach_finder_sees_each_kind_of_reach(tmp_path):
    source = tmp_path / "reach.py"
    source.write_text(
        "from textual._time import get_time\n"
        "from textual.filter import LineFilter\n"
        "app._exit\n"
        "getattr(app, '_driver', None)\n"
        "class P:\n    def _action_command_list(self, action): ...\n"
        "self._warn('x')\n",
        encoding="utf-8",
    )
    assert reaches(source, textual_private_names()) == {
        "_time",
        "textual.filter",
        "_exit",
        "_driver",
        "_action_command_list",
    }


# Test support


def test_the_screen_is_read_as_text_as_textual_exports_a_screenshot():
    """tests/support/robust_support.screen_text renders what the terminal shows as
    `App.export_screenshot` does, through the screen's compositor."""
    source = inspect.getsource(App.export_screenshot)
    assert "self.screen._compositor.render_update(" in source
    assert "screen_stack=self.app._background_screens" in source


async def shows_the_picker(app: App) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        await pilot.pause()
        assert app.screen.is_mounted
