"""Reading answers in plain mode: whole lines, and a peek during a timed hold; and the
Console, what each part of plain mode uses of the coach to talk with the person.

During a hold plain mode takes `p`, `+`, `d`, `q` (and `!`, `?`) as they are typed.
A line that is not one of those was typed for the question after the hold (a script,
or a person typing ahead), so it is kept for that question rather than lost.
"""

from __future__ import annotations

import collections
import contextlib
import io
import os
import select
import time
from collections.abc import Callable
from typing import NamedTuple, Protocol, TextIO

from coach.content.model import Content, Region
from coach.core.i18n import language, t
from coach.core.timer import Clock
from coach.system.speech import Voice
from coach.text.wording import Line

SAID_AS: dict[str, frozenset[str]] = {
    "y": frozenset({"yes", "yeah", "yep", "是", "是的", "有", "对"}),
    "n": frozenset({"no", "nope", "否", "不是", "没有", "没", "不"}),
}
"""Yes and no typed as words, in either language, answer a question that offers the
key `y` or `n`: a frightened person types "yes" rather than "y" or "2"."""


def key_for(answer: str) -> str:
    """The option key a typed word stands for (`yes` -> `y`), else the answer itself."""
    for key, words in SAID_AS.items():
        if answer in words:
            return key
    return answer


def quoted(answer: str) -> str:
    """What the person typed, quoted to say it was not understood: its control
    characters shown escaped (as `repr` does), in the language's own quote marks
    (“是” in Chinese, never '是')."""
    shown = repr(answer)
    if language() == "en":
        return shown
    return t("'{answer}'", answer=shown[1:-1])


def terminal_width(out: TextIO) -> int | None:
    """How many cells wide the terminal is: COLUMNS, else the terminal's size; None
    for a pipe or a file, whose lines are then left whole."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isascii() and columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        if not out.isatty():
            return None
        return os.get_terminal_size(out.fileno()).columns or None
    except (OSError, ValueError, AttributeError):
        return None


class Option(NamedTuple):
    """One answer a plain-mode question offers: the key typed, its words, its value."""

    key: str
    label: str
    value: object
    listed: bool = True
    """False: not numbered in the list; its key is written on a line of its own beside
    the question (the country's "Right? y yes, c change")."""


class EndOfInput(Exception):
    """Standard input closed: leave cleanly, keeping what was said."""


class LineReader:
    """Lines from standard input. From a real file descriptor the reader reads the bytes
    itself (os.read after select), keeping every whole line that came: reading through
    the text stream would pull a burst of lines into the stream's own buffer, where
    select cannot see them, and keys typed together would wait until the hold ended."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self._kept: list[str] = []
        self._lines: collections.deque[str] = collections.deque()
        self._partial = b""
        self._ended = False
        try:
            self._fd: int | None = stream.fileno()
        except (OSError, ValueError, io.UnsupportedOperation):
            self._fd = None  # a StringIO in tests: every line is there at once

    @property
    def is_terminal(self) -> bool:
        try:
            return self.stream.isatty()
        except (OSError, ValueError):
            return False

    def readline(self) -> str:
        """The next line, without its newline; EndOfInput when input has closed."""
        if self._kept:
            return self._kept.pop(0)
        if self._fd is None:
            line = self.stream.readline()
            if not line:
                raise EndOfInput
            return line.rstrip("\r\n")
        while not self._lines:
            if self._ended:
                raise EndOfInput
            self._read_some()
        return self._lines.popleft()

    def _read_some(self) -> None:
        """One read of what has come (blocks until something has); whole lines kept."""
        assert self._fd is not None
        try:
            chunk = os.read(self._fd, 65536)
        except InterruptedError:
            return
        except OSError:
            chunk = b""
        if not chunk:
            self._ended = True
            if self._partial:  # a last line without its newline
                self._lines.append(_text(self._partial))
                self._partial = b""
            return
        *whole, self._partial = (self._partial + chunk).split(b"\n")
        self._lines.extend(_text(line) for line in whole)

    def keep(self, line: str) -> None:
        """Put a line back for the next question."""
        self._kept.insert(0, line)

    def ready(self, timeout: float) -> bool:
        """Whether a line can be read within `timeout` seconds (without blocking after)."""
        if self._kept or self._lines or self._ended:
            return True  # a line, or the end of input, is there to read now
        if self._fd is None:
            return True
        end = time.monotonic() + max(0.0, timeout)
        while True:
            try:
                readable, _, _ = select.select([self._fd], [], [], max(0.0, end - time.monotonic()))
            except (OSError, ValueError):
                return False
            if not readable:
                return False
            self._read_some()  # part of a line only: wait on for the rest, within timeout
            if self._lines or self._ended:
                return True
            if time.monotonic() >= end:
                return False

    def forget_typed_ahead(self) -> None:
        """On a terminal, drop what was typed before a question was printed: a key
        mashed at "time's up" must not answer "has it eased?". Piped answers are
        meant for the questions in order, so they are kept."""
        if self._fd is None or not self.is_terminal:
            return
        with contextlib.suppress(OSError, ImportError):
            import termios  # stdlib, not on Windows

            termios.tcflush(self._fd, termios.TCIFLUSH)
        self._kept.clear()
        self._lines.clear()
        self._partial = b""


def _text(line: bytes) -> str:
    """A line of input as text: UTF-8 (a bad byte becomes a replacement character, never
    an error), without its carriage return."""
    return line.decode("utf-8", errors="replace").rstrip("\r")


class LineEnds:
    """The output stream, and whether its last line is finished: a prompt is printed
    without one, and what comes next must end it, but never print a line of its own
    with nothing on it (a screen reader reads it out as "blank")."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.at_line_start = True

    def write(self, text: str) -> int:
        if text:
            self.at_line_start = text.endswith("\n")
        return self.stream.write(text)

    def flush(self) -> None:
        self.stream.flush()

    def __getattr__(self, name: str) -> object:  # isatty, fileno, encoding ...
        return getattr(self.stream, name)


class Console(Protocol):
    """What the parts of plain mode (the steps, the hold, the routine, the diary) use of
    the coach that holds them (PlainCoach is one): the content and the country, a line
    in and lines out, the clock, and the voice."""

    content: Content
    region: Region
    input: LineReader
    stdout: TextIO
    clock: Clock
    sleep: Callable[[float], None]
    voice: Voice
    ask_region: bool
    """The country came from the locale and is not confirmed yet."""

    def pick_country(self) -> None: ...
    def say(self, text: str = "") -> None: ...
    def prompt(self, text: str) -> None: ...
    def lines(self, lines: list[Line]) -> None: ...
    def warn(self, warning: str | None) -> None: ...
    def ask(
        self,
        question: str,
        options: list[Option],
        blank: object = None,
        aside: list[str] | None = None,
    ) -> object: ...
    def help_key(
        self, answer: str, options: list[Option] | None = None, about: list[str] | None = None
    ) -> bool: ...
