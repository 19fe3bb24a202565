"""Every reach into Textual's private API, in one place, each with why (textual 8.2.8).

Textual is pinned in the test extra; `tests/test_textual_private.py` asserts that each
name below still exists with the shape used here, so an upgrade shows at once what
broke, and where, instead of a crash at a person's bedside.

Private names this project uses:

- `textual.drivers.linux_driver.getincrementaldecoder`: the module-level name
  `LinuxDriver.run_input_thread` calls to build its stdin decoder,
  `getincrementaldecoder("utf-8")()`, strict. One invalid UTF-8 byte from the
  terminal (a stray key in a Latin-1 terminal, an old X10 mouse report at column 95+)
  raised UnicodeDecodeError in the input thread, and the app ended with a traceback
  and exit 0. `drop_undecodable_input()` rebinds that name so the decoder it builds
  drops such bytes. The smallest hook there is: the input loop is one long method
  with no seam, and copying it would fork the driver.
  (`linux_inline_driver` has the same name and loop; it is patched too when it is
  loaded. Textual loads it only for `App.run(inline=True)`, which this app never
  uses, and importing it only to patch it cost every start about 0.4 ms.)
- `DOMNode._bindings.key_to_bindings`: a node's own key -> [Binding] map, which
  screens/base.py uses (through `own_bindings()`) to translate binding descriptions
  (`translate_bindings`) and to add the `!` and `?` keys to dialogs (`CoachModal`).
  Textual has no public way to change a binding's description after the class is made.
- `CommandPalette._action_command_list(action)`: overridden by screens/app/palette.py to
  drop PageUp/PageDown before the command list is laid out (KeyError(0) in 8.2.8).
- `App._exit`: read by screens/app/shell.py (`self._exit`) to do nothing once the app is
  exiting (no new screen pushed on the way out).
- `textual._time.get_time` (as `key_clock`): the clock Textual stamps every event with
  (`Message.time`), monotonic on Linux and macOS, perf_counter on Windows. Screens
  note when they were put up on it, and the app drops a key stamped earlier: a key
  pressed before a question was on screen does not answer it.
- `App._driver.write(text)` (as `write_to_terminal`): how `App.bell()` and
  `App.copy_to_clipboard()` write their escapes; the hold writes a desktop-notice
  escape (OSC 9/777/99, coach/system/notice.py) this way when the terminal is in the
  background at time's up or when the coach says to get help.
- `App._refresh_truecolor_filter(terminal_theme)`: what `App._watch_theme` calls to
  map ANSI colours for a dark or light theme. `start_with_theme()` sets a theme in
  `__init__` as the watcher would, but without the second parse of every stylesheet
  that setting `App.theme` queues (about 8 ms of every night start).
"""

from __future__ import annotations

import codecs
import sys
from collections.abc import Callable

from textual._time import get_time as key_clock
from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode

__all__ = [
    "drop_undecodable_input",
    "key_clock",
    "lenient_decoder",
    "own_bindings",
    "start_with_theme",
    "write_to_terminal",
]


def own_bindings(node: DOMNode) -> dict[str, list[Binding]]:
    """The node's own bindings by key (private: `node._bindings.key_to_bindings`)."""
    return node._bindings.key_to_bindings


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
    from textual.drivers import linux_driver

    inline = sys.modules.get("textual.drivers.linux_inline_driver")
    for module in (linux_driver, inline):
        if module is not None:
            module.getincrementaldecoder = lenient_decoder  # type: ignore[attr-defined]


def write_to_terminal(app: App, text: str) -> bool:
    """Write an escape (a desktop notice) straight to the terminal, in order with the
    frames the app draws (private: `App._driver.write`, as `App.bell()` and
    `App.copy_to_clipboard()` do it; Textual has no public way to write a raw escape).
    False when there is no terminal (headless, or not running yet)."""
    driver = app._driver
    if driver is None or app.is_headless:
        return False
    driver.write(text)
    return True


def start_with_theme(app: App, name: str) -> None:
    """Give an app that is not running yet the theme it starts with.

    `App.__init__` makes the stylesheet with the default theme's variables. Setting
    `App.theme` after it runs Textual's watcher, which queues a full reparse and
    restyle for after the first parse: every stylesheet parsed twice on every start
    in another theme (the night theme from 21:00, a saved choice). This does what the
    watcher does (the theme, its classes, the ANSI colour map) and hands the stylesheet
    the theme's variables before its first parse, so it is parsed once.
    `name` must be registered (`App.available_themes`)."""
    app.set_reactive(App.theme, name)
    dark = app.current_theme.dark
    classes = {old: False for old in app.classes if old.startswith("-theme-")}
    classes |= {f"-theme-{name}": True, "-dark-mode": dark, "-light-mode": not dark}
    app.update_classes(classes, update=False)
    app._refresh_truecolor_filter(app.ansi_theme)
    app.stylesheet.set_variables(app.get_css_variables())
