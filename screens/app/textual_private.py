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
5. Style sheets parsed ahead (`parse_style_files`, for screens/app/style_files.py): what
   `App._load_screen_css` does, through `Stylesheet.has_source`, `read`, `parse` and
   `update`, but `parse` where Textual calls `reparse`: `reparse` parses every source
   again in a new stylesheet and keeps the result, while the old one's parse cache
   still holds the first parse of them all, so the app kept every rule twice; `parse`
   takes the sources already parsed from that cache and parses only the new files.
   Without them: each screen's file is parsed when the screen is first put up, as
   Textual does.
6. Terminal replies are not keys (`drop_terminal_replies`): `textual.drivers.linux_driver.
   XTermParser`, the module-level name `LinuxDriver.run_input_thread` builds its parser
   from, rebound to `ReplyFilteringParser`, a subclass whose `feed` and `tick` (the two
   calls the input loop makes) first take out whole terminal replies with
   `TerminalReplies`. Textual's parser turns every escape sequence it does not know
   into one key press per character: a late device-attributes reply
   (`ESC [ ? 62 ; 22 c`) pressed `?`, `2`, `c`; a colour reply (`ESC ] 11 ; rgb:dddd/..
   BEL`) pressed `d` (eased) and `1` (a position) in a hold. Also split or late replies
   that Textual does know (a cursor position report in two reads), which it reads as
   keys once its escape delay runs out. Without the name: nothing is patched, and such
   replies press keys again. Pinned in tests/unit/test_textual_private_replies.py.
7. A line filter (`line_filter`): `textual.filter.LineFilter`, which Textual's docs call
   internal ("not recommended for use by Textual app developers"), returned from the
   public `App.get_line_filters`. At 16 colours it keeps bold dark text from being drawn
   in its pale bright twin (screens/app/themes.py `keep_bold_readable`). Without the
   class, or if its `apply` takes other arguments: no filter, and bold text is drawn
   as Textual draws it.
"""

from __future__ import annotations

import codecs
import inspect
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from textual.app import App

__all__ = [
    "TerminalReplies",
    "drop_terminal_replies",
    "drop_undecodable_input",
    "lenient_decoder",
    "line_filter",
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


STYLESHEET_CALLS = ("has_source", "read", "parse", "update")
"""What reading a screen's files calls on the stylesheet (`reparse` in
`App._load_screen_css`, `parse` here)."""


def parse_style_files(app: App, paths: Iterable[str]) -> None:
    """Read and parse these style files now, once, as putting up a screen whose
    CSS_PATH names them would (`App._load_screen_css`); the sources parsed already
    are not parsed again, and their rules are not kept twice."""
    stylesheet = app.stylesheet
    if not all(hasattr(stylesheet, call) for call in STYLESHEET_CALLS):
        return
    new = [path for path in paths if not stylesheet.has_source(path, "")]
    for path in new:
        stylesheet.read(path)
    if new:
        stylesheet.parse()
        stylesheet.update(app)


# 6. Terminal replies -----------------------------------------------------------------------

ESC = "\x1b"
CSI_PARAMETERS = frozenset("0123456789;:<=>?")
CSI_INTERMEDIATES = frozenset(" !\"#$%&'()*+,-./")
STRING_STARTS = {"]": "0123456789", "P": "0123456789>!=|$+", "_": "G"}
"""OSC, DCS and APC: what a terminal's reply puts right after `ESC ]`, `ESC P`, `ESC _`
(an OSC number; a DECRQSS, XTVERSION or XTGETTCAP reply; a kitty graphics reply)."""
LONGEST_REPLY = 2048
TEXTUAL_MODE_REPORT = re.compile(r"\?\d+;\d")
"""The mode reports Textual reads itself (synchronised output, in-band resize)."""
KEY_PREFIXES = frozenset({ESC, ESC + "[", ESC + "]", ESC + "P", ESC + "_"})
"""What a key press can end a read with: Escape; Alt with `[`, `]`, `P`, `_`."""


class TerminalReplies:
    """Takes terminal replies out of what is read from the terminal, before Textual's
    parser sees it: device attributes, cursor and window reports, mode reports, colour
    and other OSC, DCS and APC replies, whole or split over several reads.

    Kept: every key and mouse sequence, bracketed paste, focus in and out, and the
    replies Textual reads itself (a cursor position, its two mode reports, the in-band
    size). A terminal writes a key press in one write, so a sequence cut off at the end
    of a read is held; after `wait` seconds a bare Escape (or Alt+`[`) goes on as the
    key it is, while a longer piece is a reply cut short: its rest, when it comes within
    `tail_wait` seconds, is dropped with it, and so is the piece itself."""

    def __init__(self, wait: float = 0.1, tail_wait: float = 1.0) -> None:
        self.wait = wait
        self.tail_wait = tail_wait
        self.held = ""
        self.held_since = 0.0
        self.stale = False

    def without_replies(self, data: str, now: float) -> str:
        """`data` as read, without the replies in it (pieces held for the next read)."""
        text, stale = self.held + data, self.stale
        if not self.held:
            self.held_since = now
        self.held, self.stale = "", False
        out: list[str] = []
        i = 0
        while i < len(text):
            start = text.find(ESC, i)
            if start < 0:
                out.append(text[i:])
                break
            out.append(text[i:start])
            end, reply = self._sequence(text, start)
            if end is None:  # cut off: wait for the rest
                self.held, self.stale = text[start:], stale and start == 0
                if start > 0:
                    self.held_since = now
                break
            if not reply and not (stale and start == 0):
                out.append(text[start:end])
            i = end
        return "".join(out)

    def expire(self, now: float) -> str:
        """What held too long goes on to the parser now (an Escape key)."""
        if not self.held or now - self.held_since < self.wait:
            return ""
        if self.held in KEY_PREFIXES:
            held, self.held = self.held, ""
            return held
        self.stale = True
        if now - self.held_since >= self.tail_wait:
            self.held, self.stale = "", False
        return ""

    @staticmethod
    def _sequence(text: str, start: int) -> tuple[int | None, bool]:
        """Where the escape sequence at `start` ends (None: cut off) and whether it is
        a reply. A sequence broken by a character that cannot be in it ends before it."""
        size = len(text)
        if start + 1 >= size:
            return None, False
        kind = text[start + 1]
        if kind == "[":
            j = start + 2
            while j < size and text[j] in CSI_PARAMETERS:
                j += 1
            parameters = text[start + 2 : j]
            while j < size and text[j] in CSI_INTERMEDIATES:
                j += 1
            if j >= size:
                return None, False
            if not "@" <= text[j] <= "~":
                return j, parameters[:1] in ("?", ">", "=")
            return j + 1, _is_reply(parameters, text[start + 2 + len(parameters) : j], text[j])
        if kind in STRING_STARTS:
            if start + 2 >= size:
                return None, False
            if text[start + 2] not in STRING_STARTS[kind]:
                return start + 1, False  # Alt with that key; the rest reads as keys
            j = start + 2
            while j < size and j - start < LONGEST_REPLY:
                c = text[j]
                if c == "\x07":
                    return j + 1, True
                if c == ESC:
                    if j + 1 >= size:
                        return None, False
                    return (j + 2, True) if text[j + 1] == "\\" else (j, True)
                if c < " " or c == "\x7f":
                    return j, True
                j += 1
            return (None, False) if j >= size else (j, True)
        return start + 1, False  # Escape, Alt with a key, SS3: Textual's to read


def _is_reply(parameters: str, intermediates: str, final: str) -> bool:
    """Whether a whole CSI sequence from the terminal is a reply, not a key or mouse."""
    if parameters.startswith("?"):
        mode_report = final == "y" and intermediates == "$"
        return not (mode_report and TEXTUAL_MODE_REPORT.fullmatch(parameters))
    if parameters.startswith((">", "=")):
        return True
    if final in "cnx" or (final == "y" and "$" in intermediates):
        return True
    return final == "t" and not parameters.startswith("48;")


def _reply_filtering_parser(base: type) -> type:
    class ReplyFilteringParser(base):  # type: ignore[misc, valid-type]
        """Textual's parser, fed what is left once terminal replies are taken out."""

        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            self.replies = TerminalReplies(wait=_escape_delay())

        def feed(self, data: str) -> Iterable[object]:
            if not data:  # the end of input
                return super().feed(data)
            kept = self.replies.without_replies(data, time.monotonic())
            return super().feed(kept) if kept else ()

        def tick(self) -> Iterator[object]:
            released = self.replies.expire(time.monotonic())
            yield from super().tick()
            if released:
                yield from super().feed(released)

    return ReplyFilteringParser


def _escape_delay() -> float:
    from textual import constants

    return float(getattr(constants, "ESCAPE_DELAY", 0.1))


def drop_terminal_replies() -> None:
    """Make the terminal drivers read terminal replies as replies, never as keys. Call
    before `App.run()`; safe to call more than once."""
    if sys.platform == "win32":
        return
    try:
        from textual.drivers import linux_driver
    except ImportError:
        return
    inline = sys.modules.get("textual.drivers.linux_inline_driver")
    for module in (linux_driver, inline):
        base = getattr(module, "XTermParser", None) if module is not None else None
        if base is None or getattr(base, "drops_replies", False):
            continue
        parser = _reply_filtering_parser(base)
        parser.drops_replies = True
        module.XTermParser = parser


# 7. A line filter --------------------------------------------------------------------------

LINE_FILTER_APPLY = ("self", "segments", "background")
"""The arguments `LineFilter.apply` takes in the Textual releases tested."""


def line_filter(apply: Callable[[list, Any], list]) -> Any | None:
    """A Textual line filter that runs `apply(segments, background)` on each line the
    app draws, or None if Textual's LineFilter has moved or changed its `apply`."""
    try:
        from textual.filter import LineFilter
    except ImportError:
        return None
    method = getattr(LineFilter, "apply", None)
    if method is None or tuple(inspect.signature(method).parameters) != LINE_FILTER_APPLY:
        return None

    class AppLineFilter(LineFilter):
        def apply(self, segments, background):  # type: ignore[override]
            return apply(segments, background)

    return AppLineFilter(enabled=False)
