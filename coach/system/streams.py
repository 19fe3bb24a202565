"""Standard output and the terminal's size, made safe before any command runs.

One mechanism for every command, instead of a guard in each printing function:

- Output falls back to what the stream can encode: a Latin-1 or ASCII terminal
  (PYTHONIOENCODING=latin-1, LC_ALL=C without UTF-8 mode) shows `?` for a character it
  cannot show rather than ending the command with UnicodeEncodeError.
- A reader that stops early (`| head -1`) ends the command quietly with exit 0, as
  `cat` does; a full disk or another write error on stdout is one line on stderr and
  exit 1. Never a traceback.
- COLUMNS and LINES that are not a sane number of cells are dropped before anything
  reads them: Textual prefers them to the terminal's real size, and `COLUMNS=1` blanked
  the whole screen (and wrapped printed tips one character a line).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, MutableMapping
from contextlib import suppress

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


def guarded(command: Callable[[], int]) -> int:
    """Run a whole command with the environment and streams made safe; its exit code."""
    drop_nonsense_size()
    tolerant_streams()
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
        what = f"use {error.filename}" if error.filename else "write the output"
        with suppress(OSError, ValueError):
            print(f"calf-coach: could not {what}: {error.strerror or error}", file=sys.stderr)
        return 1
