"""Text that came from outside the program, made safe to show on a terminal.

A folder name, an `-o` file name, a cause id typed on the command line or a line of
content can hold an escape sequence: shown raw, the terminal acts on it (changes the
window title, writes the clipboard with OSC 52, clears the screen) instead of showing
it. `printable()` writes each such character as a visible escape (`\\x1b`); both faces
and every command show outside text through it, most of it through the standard
streams, which coach.system.streams wraps once for every command.
"""

from __future__ import annotations

import re

from coach.content.ranges import CONTROL

_UNSAFE = re.compile(f"{CONTROL.pattern[:-1]}\\ud800-\\udfff\\n\\t]")
"""CONTROL, line breaks and tabs, and the lone surrogates that stand for bytes of a
file name that are not UTF-8."""


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object, keep: str = "") -> str:
    """`text` with every character a terminal would act on written as an escape;
    `keep`: line breaks or tabs to leave as they are (a multi-line message)."""
    value = str(text)
    if keep:
        return "".join(
            part if part in keep else _UNSAFE.sub(_escaped, part)
            for part in re.split(f"([{re.escape(keep)}])", value)
        )
    return _UNSAFE.sub(_escaped, value)
