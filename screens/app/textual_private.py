"""Every reach into Textual's private API, in one place: why, and what the app does
without it.

pyproject.toml allows only the Textual releases the tests run on (8.2.8 up to 8.3).
tests/screens/test_textual_private.py pins each reach below to the shape used here, so
an upgrade shows at once what moved; and it takes each one away and starts the app.
Each fails soft: without it the app is plainer, never unable to start at a bedside.

1. The stdin decoder (`drop_undecodable_input`): `textual.drivers.linux_driver.
   getincrementaldecoder`, the module-level name `LinuxDriver.run_input_thread` calls to
   build its decoder, `getincrementaldecoder("utf-8")()`, strict. One invalid UTF-8
   byte from the terminal (a stray key in a Latin-1 terminal, an old X10 mouse report
   at column 95+) raised UnicodeDecodeError in the input thread, and the app ended with
   a traceback and exit 0. Rebinding that name makes the decoder drop such bytes: the
   smallest hook there is, as the input loop is one long method with no seam.
   (`linux_inline_driver` has the same name and loop; it is patched too when it is
   loaded. Textual loads it only for `App.run(inline=True)`, which this app never uses.)
   Without the name: nothing is patched, and such a byte can end the app again.
2. Writing an escape (`write_to_terminal`): `App._driver.write(text)`, how `App.bell()`
   and `App.copy_to_clipboard()` write theirs. The hold writes a desktop notice (OSC
   9/777/99, coach/system/notice.py) this way when the terminal is in the background at
   time's up or when the coach says to get help. Without it: no desktop notice; the
   screen and the bell still say it.
3. The command palette's list keys (screens/app/palette.py): `Palette` overrides
   `CommandPalette._action_command_list(action)` to drop PageUp/PageDown pressed before
   the command list is laid out (KeyError(0) in 8.2.8). Without it (renamed): the
   override is never called, and the palette works as Textual's own.
4. The starting theme (`start_with_theme`): `App._refresh_truecolor_filter`, with a copy
   of what `App._watch_theme` does, so the app's style sheets are parsed once, in the
   theme it starts in. Without it: `app.theme = name`, as a person would set it, which
   parses every style sheet a second time.
5. Style sheets parsed ahead (`parse_style_files`, for screens/app/style_files.py): a
   copy of `App._load_screen_css` through `Stylesheet.has_source`, `read`, `reparse`
   and `update`. Without them: each screen's file is parsed when the screen is first
   put up, as Textual does.
"""

from __future__ import annotations

import codecs
import sys
from collections.abc import Callable, Iterable

from textual.app import App

__all__ = [
    "drop_undecodable_input",
    "lenient_decoder",
    "parse_style_files",
    "start_with_theme",
    "write_to_terminal",
]


def lenient_decoder(encoding: str) -> Callable[..., codecs.IncrementalDecoder]:
    """Like `codecs.getincrementaldecoder(encoding)`, but what it makes drops bytes it
    cannot decode (errors="ignore") whatever `errors` the caller asks for.

    Dropped, not replaced: a U+FFFD would reach the app as a key press of its own."""
    factory = codecs.getincrementaldecoder(encoding)

    def make(errors: str = "strict") -> codecs.IncrementalDecoder:
        return factory(errors="ignore")

    return make


def drop_undecodable_input() -> None:
    """Make the terminal drivers' stdin decoders drop undecodable bytes instead of
    ending the app. Call before `App.run()`; safe to call more than once."""
    if sys.platform == "win32":  # the Windows driver reads key events, not bytes
        return
    try:
        from textual.drivers import linux_driver  # not on Windows
    except ImportError:
        return
    inline = sys.modules.get("textual.drivers.linux_inline_driver")
    for module in (linux_driver, inline):
        if module is not None and hasattr(module, "getincrementaldecoder"):
            module.getincrementaldecoder = lenient_decoder


def write_to_terminal(app: App, text: str) -> bool:
    """Write an escape (a desktop notice) straight to the terminal, in order with the
    frames the app draws; Textual has no public way to write a raw escape. False when
    there is no terminal (headless, or not running yet)."""
    write = getattr(getattr(app, "_driver", None), "write", None)
    if write is None or app.is_headless:
        return False
    write(text)
    return True


ANSI_COLOUR_MAP = "_refresh_truecolor_filter"
"""What `App._watch_theme` calls to map ANSI colours for a dark or light theme."""


def start_with_theme(app: App, name: str) -> None:
    """Give an app that is not running yet the theme it starts with.

    `App.__init__` makes the stylesheet with the default theme's variables. Setting
    `App.theme` after it runs Textual's watcher, which queues a full reparse and
    restyle for after the first parse: every stylesheet parsed twice on every start
    in another theme (the night theme from 21:00, a saved choice). This does what the
    watcher does (the theme, its classes, the ANSI colour map) and hands the stylesheet
    the theme's variables before its first parse, so it is parsed once.
    `name` must be registered (`App.available_themes`)."""
    map_ansi_colours = getattr(app, ANSI_COLOUR_MAP, None)
    if map_ansi_colours is None:
        app.theme = name
        return
    app.set_reactive(App.theme, name)
    dark = app.current_theme.dark
    classes = {old: False for old in app.classes if old.startswith("-theme-")}
    classes |= {f"-theme-{name}": True, "-dark-mode": dark, "-light-mode": not dark}
    app.update_classes(classes, update=False)
    map_ansi_colours(app.ansi_theme)
    app.stylesheet.set_variables(app.get_css_variables())


STYLESHEET_CALLS = ("has_source", "read", "reparse", "update")
"""What `App._load_screen_css` calls on the stylesheet to read a screen's files."""


def parse_style_files(app: App, paths: Iterable[str]) -> None:
    """Read and parse these style files now, once, as putting up a screen whose
    CSS_PATH names them would (`App._load_screen_css`)."""
    stylesheet = app.stylesheet
    if not all(hasattr(stylesheet, call) for call in STYLESHEET_CALLS):
        return
    new = [path for path in paths if not stylesheet.has_source(path, "")]
    for path in new:
        stylesheet.read(path)
    if new:
        stylesheet.reparse()
        stylesheet.update(app)
