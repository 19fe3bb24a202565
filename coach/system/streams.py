"""Standard output and the terminal's size, made safe before any command runs.

One mechanism for every command, instead of a guard in each printing function:

- Output falls back to what the stream can encode: a Latin-1 or ASCII terminal
  (PYTHONIOENCODING=latin-1, LC_ALL=C without UTF-8 mode) shows `?` for a character it
  cannot show rather than ending the command with UnicodeEncodeError.
- A reader that stops early (`| head -1`) ends the command quietly with exit 0, as
  `cat` does; a full disk or another write error on stdout is one line on stderr and
  exit 1. Never a traceback.
- Text from outside the program (a folder or file name, a typed id) never reaches the
  terminal raw: stdout and stderr are wrapped so every character a terminal would act
  on is written as a visible escape (coach.system.safe_text). The export's data on a
  pipe or in a file is left byte for byte (`data_stdout`).
- COLUMNS and LINES that are not a sane number of cells are dropped before anything
  reads them: Textual prefers them to the terminal's real size, and `COLUMNS=1` blanked
  the whole screen (and wrapped printed tips one character a line).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, MutableMapping
from contextlib import suppress
from typing import Any, TextIO

from coach.system.safe_text import printable

SIZE_RANGE = (10, 10_000)
"""Cells; anything outside is a mistake, not a terminal."""


def drop_nonsense_size(environ: MutableMapping[str, str] | None = None) -> list[str]:
    """Remove COLUMNS/LINES unless each is a whole number in SIZE_RANGE; the names dropped."""
    env = os.environ if environ is None else environ
    low, high = SIZE_RANGE
    dropped = []
    for name in ("COLUMNS", "LINES"):
        value = env.get(name)
        if value is None:
            continue
        text = value.strip()
        if not (text.isascii() and text.isdigit() and low <= int(text) <= high):
            del env[name]
            dropped.append(name)
    return dropped


def tolerant_streams() -> None:
    """Characters the stream's encoding lacks become `?` on stdout (what a person reads)
    and backslash escapes on stderr (messages naming paths keep every byte visible)."""
    for stream, errors in ((sys.stdout, "replace"), (sys.stderr, "backslashreplace")):
        with suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors=errors)  # type: ignore[union-attr]


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush at exit cannot fail again
    (and print "Exception ignored ..." with exit 120)."""
    with suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _flush_stdout() -> None:
    """Here, not at exit, so that a failure is handled like any other write's."""
    if sys.stdout is not None:
        sys.stdout.flush()


class EscapingStream:
    """A text stream that writes control characters as visible escapes (line breaks and
    tabs as they are); everything else is the wrapped stream's."""

    def __init__(self, inner: TextIO) -> None:
        self.inner = inner

    def write(self, text: str) -> int:
        self.inner.write(printable(text, keep="\n\t"))
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def escape_controls() -> Callable[[], None]:
    """Wrap stdout and stderr in EscapingStream; the function that puts them back."""
    before = sys.stdout, sys.stderr
    if sys.stdout is not None and not isinstance(sys.stdout, EscapingStream):
        sys.stdout = EscapingStream(sys.stdout)  # type: ignore[assignment]
    if sys.stderr is not None and not isinstance(sys.stderr, EscapingStream):
        sys.stderr = EscapingStream(sys.stderr)  # type: ignore[assignment]

    def restore() -> None:
        sys.stdout, sys.stderr = before

    return restore


def data_stdout() -> None:
    """The export writes its data to stdout: byte for byte into a pipe or a file, which
    is what it is for; escaped only where a person reads it (a terminal)."""
    stream = sys.stdout
    if isinstance(stream, EscapingStream):
        with suppress(AttributeError, ValueError, OSError):
            if stream.inner.isatty():
                return
        sys.stdout = stream.inner  # type: ignore[assignment]


CLOSED: set[str] = set()
"""The standard streams that were closed when the program started (`<&-`, `>&-`)."""


def fill_closed_std() -> set[str]:
    """Put /dev/null where a standard stream was closed at start; the names of those.

    Python leaves sys.stdin (or stdout, stderr) None when its descriptor is closed, and
    the next file the program opens (history.db) takes that lowest free number: a
    stray write to "stdout" would then go into the database. Each closed one of 0, 1, 2
    is given /dev/null, in order, before anything else is opened."""
    closed = set()
    for fd, name, mode in (
        (0, "stdin", os.O_RDONLY),
        (1, "stdout", os.O_WRONLY),
        (2, "stderr", os.O_WRONLY),
    ):
        try:
            os.fstat(fd)
        except OSError:
            got = os.open(os.devnull, mode)
            if got != fd:  # cannot happen while the lower ones are open; never keep it
                os.close(got)
                continue
            closed.add(name)
        if getattr(sys, name) is None:
            text = "r" if fd == 0 else "w"
            setattr(sys, name, open(fd, text, encoding="utf-8", closefd=False))  # noqa: SIM115
    CLOSED.update(closed)
    return closed


def guarded(command: Callable[[], int]) -> int:
    """Run a whole command with the environment and streams made safe; its exit code."""
    fill_closed_std()
    drop_nonsense_size()
    tolerant_streams()
    restore = escape_controls()
    try:
        return _guarded(command)
    finally:
        restore()


def _guarded(command: Callable[[], int]) -> int:
    try:
        try:
            code = command()
        except SystemExit:  # argparse's --help, --version and usage errors
            _flush_stdout()
            raise
        _flush_stdout()
        return code
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except OSError as error:
        _silence_stdout()
        what = f"use {printable(error.filename)}" if error.filename else "write the output"
        with suppress(OSError, ValueError):
            print(f"calf-coach: could not {what}: {error.strerror or error}", file=sys.stderr)
        return 1
