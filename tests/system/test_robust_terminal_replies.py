"""Issue 29 item 9: terminal replies are never keys. A terminal answers queries (device
attributes, cursor position, colours, modes, its version) and reports focus; such a reply
can arrive late, split over two reads, or unasked (another program's query). Textual's
parser read each one it did not know, or got in pieces, as one key press per character:
`d` (eased), `1`-`3` (a position), `q` (leave), `?` (help) in the middle of a hold.

Each case writes one reply into the app's terminal in a real 80x24 pseudo-terminal while
a hold counts down, and checks the hold screen two seconds on: the same screen, only the
time moved on (no help, no other position, not eased, not paused, not left).
"""

from __future__ import annotations

import re
import time

import pytest

from tests.support.robust_support import start_hold

pytestmark = pytest.mark.slow

LATE = 0.3
"""Seconds between the two halves of a split reply: longer than Textual's escape delay
(0.1 s), as when a terminal or an ssh hop delivers the rest of a reply late."""

REPLIES = {
    "device-attributes": [b"\x1b[?62;22c"],
    "device-attributes-secondary": [b"\x1b[>0;276;0c"],
    "device-attributes-split-late": [b"\x1b[?6", b"2;22c"],
    "cursor-position-split-late": [b"\x1b[12;", b"3R"],
    "colour-bel": [b"\x1b]11;rgb:dddd/dddd/dddd\x07"],
    "colour-st": [b"\x1b]10;rgb:1111/2222/3333\x1b\\"],
    "colour-split-late": [b"\x1b]11;rgb:dd", b"dd/1111/2222\x07"],
    "mode-report-ansi": [b"\x1b[12;2$y"],
    "mode-report-split-late": [b"\x1b[?2026;", b"2$y"],
    "kitty-keyboard-flags": [b"\x1b[?1u"],
    "terminal-version": [b"\x1bP>|xterm(390)\x1b\\"],
    "focus-out-and-in": [b"\x1b[O\x1b[I"],
}


DRAWN = re.compile("[\u2500-\u257f]")
"""The big clock and the progress bar, drawn in box characters: they move on their own."""


def without_time(screen: str) -> str:
    """The hold screen as words: what a key would change (a position, pause, help)."""
    lines = [line for line in screen.splitlines() if not DRAWN.search(line)]
    return re.sub(r"\d+:\d\d", "m:ss", "\n".join(lines))


@pytest.mark.parametrize("pieces", list(REPLIES.values()), ids=list(REPLIES))
def test_a_terminal_reply_mid_hold_presses_no_key(tmp_path, pieces):
    run = start_hold(tmp_path)
    try:
        before = run.text()
        for n, piece in enumerate(pieces):
            if n:
                time.sleep(LATE)
            run.send(piece)
        run.wait_for_text("0:55 left", timeout=10)
        after = run.text()
        assert without_time(after) == without_time(before), after
        assert run.poll() is None, "the app ended"
        run.send(b"\x11")  # Ctrl+Q still quits
        assert run.wait_exit(10) == 0
    finally:
        run.close()
