"""Desktop notices through the terminal itself, for when its window is not in front.

No new dependency and no desktop bus: terminals turn an OSC escape into a notice.
Which one depends on the terminal (kitty speaks OSC 99, VTE terminals and urxvt OSC
777, iTerm2, WezTerm, Windows Terminal, foot and Ghostty OSC 9); inside tmux the
escape is wrapped in tmux's passthrough, with each ESC doubled, to reach the
terminal outside. Pure text in, text out: the app writes it through its driver.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

Osc = Literal["9", "777", "99"]
ESC, BEL, ST = "\x1b", "\x07", "\x1b\\"


def osc_for(environ: Mapping[str, str]) -> Osc:
    term = environ.get("TERM", "")
    if term == "xterm-kitty" or "KITTY_WINDOW_ID" in environ:
        return "99"
    if "VTE_VERSION" in environ or term.startswith("rxvt"):
        return "777"
    return "9"


def _clean(text: str) -> str:
    """No control characters: an ESC or BEL in the text would end the escape early."""
    return "".join(ch for ch in text if ch.isprintable()).replace(";", ",")


def notice(title: str, body: str, environ: Mapping[str, str]) -> str:
    """The escape that shows `title` and `body` as a desktop notice."""
    title, body = _clean(title), _clean(body)
    kind = osc_for(environ)
    if kind == "99":
        escape = f"{ESC}]99;i=1:d=0;{title}{ST}{ESC}]99;i=1:d=1:p=body;{body}{ST}"
    elif kind == "777":
        escape = f"{ESC}]777;notify;{title};{body}{BEL}"
    else:
        escape = f"{ESC}]9;{title}: {body}{BEL}"
    if environ.get("TMUX"):
        escape = f"{ESC}Ptmux;{escape.replace(ESC, ESC + ESC)}{ST}"
    return escape
